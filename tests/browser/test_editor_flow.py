"""A reporter writes and submits an article, an editor publishes it, a reader sees it: in real Chromium."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from PIL import Image

from articles.models import Article
from articles.roles import EDITORS, REPORTERS, setup_roles

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "mật-khẩu-dài-2025"
TITLE = "Đắk Lắk: Nông dân Ea H’leo thu hoạch cà phê sớm"
QUOTE = "Năm nay cà phê được giá, bà con rất phấn khởi"


def user_in(group: str, username: str):
    setup_roles()
    user = get_user_model().objects.create_user(username, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#user-tools")


def test_reporter_writes_editor_publishes_reader_reads(live_server, browser, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    user_in(REPORTERS, "phongvien")
    user_in(EDITORS, "bientap")
    photo = tmp_path / "ca-phe.jpg"
    Image.new("RGB", (1400, 900), (90, 60, 30)).save(photo, format="JPEG")

    # The reporter writes.
    reporter = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh").new_page()
    log_in(reporter, live_server, "phongvien")
    reporter.goto(f"{live_server.url}/admin/articles/article/add/")
    reporter.locator("#id_title").press_sequentially(TITLE)
    assert reporter.input_value("#id_slug") == "dak-lak-nong-dan-ea-h-leo-thu-hoach-ca-phe-som"
    reporter.fill("#id_lead", "Nông dân huyện Ea H’leo bắt đầu thu hoạch cà phê.")
    reporter.fill("#id_body", "## Được mùa\n“Năm nay cà phê được giá, bà con rất phấn khởi” - Chủ tịch UBND tỉnh "
                              "Đắk Lắk Nguyễn Văn An cho biết.\n! Nông dân hái cà phê")
    reporter.set_input_files("#id_lead_image", str(photo))
    assert reporter.locator("button[value=publish]").count() == 0

    reporter.click("#desk-suggest-button")
    reporter.wait_for_selector(".desk-suggestions")
    reporter.locator(".desk-suggestions[data-kind=provinces] .desk-accept").first.click()
    reporter.locator(".desk-suggestions[data-kind=quotes] .desk-accept").first.click()
    assert reporter.locator("#id_provinces option:checked").all_inner_texts() == ["Đắk Lắk"]
    assert reporter.input_value("#id_quotes-0-text") == QUOTE

    reporter.click("button[name=_transition][value=submit]")
    reporter.wait_for_selector(".messagelist .success")

    article = Article.objects.get()
    assert article.status == "review" and article.created_by.username == "phongvien"
    assert list(article.provinces.values_list("slug", flat=True)) == ["dak-lak"]
    assert list(article.quotes.values_list("text", flat=True)) == [QUOTE]
    assert set(article.lead_image_renditions) == {"320", "640", "1280"}
    reporter.context.close()

    # The editor publishes.
    editor = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh").new_page()
    log_in(editor, live_server, "bientap")
    editor.goto(f"{live_server.url}/admin/articles/article/?status__exact=review")
    editor.click(f"text={TITLE}")
    editor.click("button[name=_transition][value=publish]")
    editor.wait_for_selector(".messagelist .success")
    article.refresh_from_db()
    assert article.status == "published" and article.is_published()
    editor.context.close()

    # A reader finds it at its address.
    reader = browser.new_context(locale="vi-VN").new_page()
    response = reader.goto(live_server.url + article.get_absolute_url())
    assert response.status == 200
    assert TITLE in reader.content()
    reader.context.close()
