"""The article pages of the editors' desk, driven through the admin as people use it."""

import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from articles.models import Article, ArticleSlugRedirect, Correction
from tests.factories import make_article, province
from tests.test_roles import make_editor, make_reporter

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")
ADD = reverse("admin:articles_article_add")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def form_data(article=None, **overrides):
    """What the change form posts, as a browser would send it."""
    data = {
        "title": article.title if article else "Bài mới",
        "slug": article.slug if article else "",
        "lead": article.lead if article else "",
        "body": article.body if article else "",
        "byline": "", "source_name": "", "source_url": "",
        "lead_image_caption": "", "lead_image_credit": "",
        "quotes-TOTAL_FORMS": "0", "quotes-INITIAL_FORMS": "0",
        "quotes-MIN_NUM_FORMS": "0", "quotes-MAX_NUM_FORMS": "1000",
        "corrections-TOTAL_FORMS": "0", "corrections-INITIAL_FORMS": "0",
        "corrections-MIN_NUM_FORMS": "0", "corrections-MAX_NUM_FORMS": "1000",
    }
    if article is not None:
        data["loaded_version"] = str(article.version)
        if article.published_at:
            local = timezone.localtime(article.published_at)
            data["published_at_0"], data["published_at_1"] = f"{local:%d/%m/%Y}", f"{local:%H:%M:%S}"
        data["provinces"] = [str(pk) for pk in article.provinces.values_list("pk", flat=True)]
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def jpeg(size=(900, 600)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (20, 120, 40)).save(buffer, format="JPEG")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


# --- Permission matrix ---------------------------------------------------------------------


def test_reporter_does_not_see_the_publish_action(client):
    client.force_login(make_reporter())
    make_article(status="draft")
    actions = client.get(CHANGELIST).context["action_form"].fields["action"].choices
    names = [name for name, _label in actions]
    assert "submit_selected" in names
    assert "publish_selected" not in names and "archive_selected" not in names


def test_editor_sees_publish_and_archive_actions(client):
    client.force_login(make_editor())
    names = [n for n, _ in client.get(CHANGELIST).context["action_form"].fields["action"].choices]
    assert {"submit_selected", "publish_selected", "archive_selected"} <= set(names)


def test_reporter_lists_only_their_own_articles(client):
    reporter = make_reporter()
    mine = make_article(status="draft", created_by=reporter, title="Bài của tôi")
    make_article(status="draft", created_by=make_reporter(), title="Bài của người khác")
    client.force_login(reporter)
    listed = list(client.get(CHANGELIST).context["cl"].result_list)
    assert listed == [mine]


def test_reporter_cannot_open_or_change_another_reporters_article(client):
    theirs = make_article(status="draft", created_by=make_reporter(), title="Bài của người khác")
    client.force_login(make_reporter())
    assert client.get(change_url(theirs)).status_code == 302  # "does not exist", back to the list
    client.post(change_url(theirs), form_data(theirs, title="Sửa trộm"))
    assert Article.objects.get(pk=theirs.pk).title == "Bài của người khác"


def test_reporter_does_not_see_the_publish_button_but_can_submit(client):
    reporter = make_reporter()
    article = make_article(status="draft", created_by=reporter)
    client.force_login(reporter)
    page = client.get(change_url(article)).content.decode()
    assert 'value="submit"' in page
    assert 'value="publish"' not in page and 'value="schedule"' not in page


def test_reporter_cannot_change_the_status_through_the_form(client):
    reporter = make_reporter()
    article = make_article(status="draft", created_by=reporter)
    client.force_login(reporter)
    response = client.post(change_url(article), form_data(article, status="published", _save="1"))
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).status == "draft"


def test_reporter_forging_the_publish_button_is_refused(client):
    reporter = make_reporter()
    article = make_article(status="draft", created_by=reporter)
    client.force_login(reporter)
    client.post(change_url(article), form_data(article, _transition="publish"), follow=True)
    assert Article.objects.get(pk=article.pk).status == "draft"


def test_reporter_cannot_bulk_publish(client):
    reporter = make_reporter()
    article = make_article(status="draft", created_by=reporter)
    client.force_login(reporter)
    client.post(CHANGELIST, {"action": "publish_selected", "_selected_action": [article.pk]})
    assert Article.objects.get(pk=article.pk).status == "draft"


def test_a_submitted_article_is_read_only_for_its_reporter(client):
    reporter = make_reporter()
    article = make_article(status="review", created_by=reporter, title="Đã gửi")
    client.force_login(reporter)
    response = client.get(change_url(article))
    assert response.status_code == 200 and not response.context["has_change_permission"]
    client.post(change_url(article), form_data(article, title="Sửa sau khi gửi"))
    assert Article.objects.get(pk=article.pk).title == "Đã gửi"


# --- Writing and the workflow buttons --------------------------------------------------


def test_reporter_writes_a_draft_with_a_vietnamese_slug_and_submits_it(client):
    reporter = make_reporter()
    client.force_login(reporter)
    response = client.post(ADD, form_data(title="Đảng bộ tỉnh Thanh Hóa đối thoại với nhân dân",
                                          provinces=[str(province("thanh-hoa").pk)], _transition="submit"))
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.slug == "dang-bo-tinh-thanh-hoa-doi-thoai-voi-nhan-dan"
    assert article.status == "review" and article.created_by == reporter
    assert list(article.provinces.all()) == [province("thanh-hoa")]


def test_a_slug_another_article_has_is_refused_with_a_clear_error(client):
    make_article(title="Đối thoại", slug="doi-thoai")
    client.force_login(make_editor())
    response = client.post(ADD, form_data(title="Đối thoại lần hai", slug="doi-thoai"))
    assert response.status_code == 200
    error = str(response.context["adminform"].form.errors["slug"])
    assert "doi-thoai-2" in error
    assert Article.objects.count() == 1


def test_the_old_address_of_another_article_cannot_be_taken(client):
    moved = make_article(status="published", slug="dia-chi-cu")
    moved.slug = "dia-chi-moi"
    moved.save()
    client.force_login(make_editor())
    response = client.post(ADD, form_data(title="Khác", slug="dia-chi-cu"))
    assert response.status_code == 200 and "slug" in response.context["adminform"].form.errors


def test_editor_publishes_from_the_change_form(client):
    article = make_article(status="review")
    client.force_login(make_editor())
    response = client.post(change_url(article), form_data(article, _transition="publish"))
    assert response.status_code == 302
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_editor_schedules_from_the_change_form(client):
    article = make_article(status="review")
    client.force_login(make_editor())
    when = timezone.localtime() + timedelta(days=2)
    client.post(change_url(article), form_data(article, _transition="schedule", schedule_at=f"{when:%Y-%m-%dT%H:%M}"))
    article.refresh_from_db()
    assert article.status == "scheduled" and article.published_at > timezone.now()
    assert not Article.objects.published().filter(pk=article.pk).exists()


def test_scheduling_without_a_time_is_refused_with_a_message(client):
    article = make_article(status="review")
    client.force_login(make_editor())
    response = client.post(change_url(article), form_data(article, _transition="schedule"), follow=True)
    assert Article.objects.get(pk=article.pk).status == "review"
    assert any("future" in str(m) or "tương lai" in str(m) for m in response.context["messages"])


def test_bulk_publish_and_archive(client):
    articles = [make_article(status="review") for _ in range(3)]
    client.force_login(make_editor())
    ids = [a.pk for a in articles]
    client.post(CHANGELIST, {"action": "publish_selected", "_selected_action": ids})
    assert Article.objects.published().filter(pk__in=ids).count() == 3
    client.post(CHANGELIST, {"action": "archive_selected", "_selected_action": ids})
    assert set(Article.objects.filter(pk__in=ids).values_list("status", flat=True)) == {"archived"}


def test_bulk_submit_reports_the_articles_it_refused(client):
    reporter = make_reporter()
    draft = make_article(status="draft", created_by=reporter)
    sent = make_article(status="review", created_by=reporter, title="Đã gửi rồi")
    client.force_login(reporter)
    response = client.post(CHANGELIST, {"action": "submit_selected", "_selected_action": [draft.pk, sent.pk]},
                           follow=True)
    assert Article.objects.get(pk=draft.pk).status == "review"
    assert any("Đã gửi rồi" in str(m) for m in response.context["messages"])


# --- Images through the form ----------------------------------------------------------------


def test_uploading_a_text_file_named_jpg_gives_a_form_error_and_saves_nothing(client):
    article = make_article(status="draft")
    client.force_login(make_editor())
    fake = SimpleUploadedFile("anh.jpg", b"khong phai anh", content_type="image/jpeg")
    response = client.post(change_url(article), form_data(article, lead_image=fake, title="Đổi tên"))
    assert response.status_code == 200
    assert "lead_image" in response.context["adminform"].form.errors
    article.refresh_from_db()
    assert not article.lead_image and article.title != "Đổi tên"


def test_uploading_a_photo_makes_its_renditions_once(client, django_capture_on_commit_callbacks):
    article = make_article(status="draft")
    client.force_login(make_editor())
    photo = SimpleUploadedFile("anh.jpg", jpeg(), content_type="image/jpeg")
    client.post(change_url(article), form_data(article, lead_image=photo))
    article.refresh_from_db()
    assert article.lead_image_width == 900
    assert set(article.lead_image_renditions) == {"320", "640"}
    first = dict(article.lead_image_renditions)
    # Saving again without a new image leaves the copies alone.
    client.post(change_url(article), form_data(article, lead_image_caption="Ảnh: Báo An Giang"))
    article.refresh_from_db()
    assert article.lead_image_renditions == first


# --- Corrections -------------------------------------------------------------------------------


def test_editor_adds_a_dated_correction_to_a_published_article(client):
    editor = make_editor()
    article = make_article(status="published")
    client.force_login(editor)
    now = timezone.localtime()
    client.post(change_url(article), form_data(article, **{
        "corrections-TOTAL_FORMS": "1",
        "corrections-0-text": "Sửa tên xã cho đúng.",
        "corrections-0-created_at_0": f"{now:%d/%m/%Y}",
        "corrections-0-created_at_1": f"{now:%H:%M:%S}",
    }))
    correction = Correction.objects.get()
    assert correction.article == article and correction.created_by == editor


def test_drafts_have_no_corrections_inline(client):
    client.force_login(make_editor())
    page = client.get(change_url(make_article(status="draft"))).content.decode()
    assert "corrections-TOTAL_FORMS" not in page


def test_changing_a_published_slug_in_the_admin_keeps_the_old_address(client):
    article = make_article(status="published", slug="ban-dau")
    client.force_login(make_editor())
    client.post(change_url(article), form_data(article, slug="dia-chi-moi"))
    assert ArticleSlugRedirect.objects.get(old_slug="ban-dau").article == article


# --- Changelist ------------------------------------------------------------------------------------


def test_search_finds_titles_and_leads_without_diacritics(client):
    make_article(title="Hội Nông dân xã Vĩnh Thạnh", lead="Tập huấn kỹ thuật.")
    make_article(title="Tin khác", lead="Người dân Kiên Giang thu hoạch lúa.")
    make_article(title="Không liên quan")
    client.force_login(make_editor())
    titles = lambda q: sorted(a.title for a in client.get(CHANGELIST, {"q": q}).context["cl"].result_list)  # noqa: E731
    assert titles("vinh thanh") == ["Hội Nông dân xã Vĩnh Thạnh"]
    assert titles("KIEN GIANG") == ["Tin khác"]
    assert titles("Kiên Giang lúa") == ["Tin khác"]


def test_search_reads_the_body_and_takes_the_last_word_as_typed_so_far(client):
    make_article(title="Đối thoại", lead="Lãnh đạo gặp dân.", body="Bàn về bồi thường đất đai ở Kiên Giang.")
    make_article(title="Tin khác", lead="Không liên quan.", body="Thời tiết.")
    client.force_login(make_editor())
    titles = lambda q: [a.title for a in client.get(CHANGELIST, {"q": q}).context["cl"].result_list]  # noqa: E731
    assert titles("boi thuong dat dai") == ["Đối thoại"]
    assert titles("Kiên Gi") == ["Đối thoại"]


def test_a_search_matching_more_than_it_counts_says_so(client, monkeypatch):
    from articles.admin.articles import SearchPaginator

    monkeypatch.setattr(SearchPaginator, "cap", 3)
    for n in range(5):
        make_article(title=f"Họp báo số {n}")
    make_article(title="Tin khác", lead="Không liên quan.")
    client.force_login(make_editor())
    response = client.get(CHANGELIST, {"q": "hop bao"})
    assert len(response.context["cl"].result_list) == 5  # every match is listed; only the count stops
    page = response.content.decode()
    assert "Hơn 3 kết quả" in page and "hơn 3 bài viết" in page
    assert "Hơn 3 kết quả" not in client.get(CHANGELIST, {"q": "tin khac"}).content.decode()


def test_the_province_and_author_filters_offer_only_what_the_list_holds(client):
    reporter, other = make_reporter(), make_reporter()
    make_article(title="Của tôi", provinces=["an-giang"], created_by=reporter)
    make_article(title="Của người khác", provinces=["kien-giang"], created_by=other)
    # Each filter's choices, without "All" first and "-" (none) last.
    filters = lambda page: {f.field_path: [c["display"] for c in f.choices(page.context["cl"])][1:-1]  # noqa: E731
                            for f in page.context["cl"].filter_specs if hasattr(f, "field_path")}

    client.force_login(make_editor())
    offered = filters(client.get(CHANGELIST))
    assert offered["provinces"] == ["An Giang", "Kiên Giang (đến 30/06/2025)"]
    assert sorted(offered["created_by"]) == sorted([reporter.username, other.username])
    client.force_login(reporter)
    offered = filters(client.get(CHANGELIST))
    assert offered["provinces"] == ["An Giang"]
    assert offered["created_by"] == [reporter.username]


def test_list_shows_vietnamese_dates_in_vietnam_time(client):
    make_article(title="Có giờ", published_at=datetime(2022, 11, 25, 10, 5, tzinfo=ZoneInfo("UTC")))
    client.force_login(make_editor())
    assert "25/11/2022 17:05" in client.get(CHANGELIST).content.decode()


def test_list_labels_former_provinces_with_their_end_date(client):
    make_article(provinces=["kien-giang"])
    client.force_login(make_editor())
    page = client.get(CHANGELIST).content.decode()
    assert "Kiên Giang (đến 30/06/2025)" in page


def test_filter_by_organisation_name_without_diacritics(client):
    from tests.factories import make_organisation

    hoi = make_organisation("Hội Nông dân tỉnh An Giang")
    tagged = make_article(title="Có hội")
    tagged.organisations.add(hoi)
    make_article(title="Không có hội")
    client.force_login(make_editor())
    listed = client.get(CHANGELIST, {"organisation": "hoi nong dan an giang"}).context["cl"].result_list
    assert [a.title for a in listed] == ["Có hội"]


def test_filter_by_status_and_province(client):
    make_article(title="Nháp An Giang", status="draft", provinces=["an-giang"])
    make_article(title="Đăng An Giang", provinces=["an-giang"])
    make_article(title="Đăng Huế", provinces=["hue"])
    client.force_login(make_editor())
    listed = client.get(CHANGELIST, {"status__exact": "published", "provinces__id__exact": province("an-giang").pk})
    assert [a.title for a in listed.context["cl"].result_list] == ["Đăng An Giang"]


#: Session, user, permissions (2), the province and author filters, counts (2), rows, provinces
#: prefetch, and the savepoint pair of the revision context: one number for any size.
QUERIES_PER_CHANGELIST = 12


@pytest.mark.parametrize("rows", [10, 200])
def test_changelist_query_count_does_not_grow_with_rows(client, django_assert_num_queries, rows):
    editor = make_editor()
    reporter = make_reporter()
    for n in range(rows):
        make_article(title=f"Bài {n}", created_by=reporter, provinces=["an-giang", "kien-giang"])
    client.force_login(editor)
    client.get(CHANGELIST, {"all": ""})  # warm the session and content-type caches
    with django_assert_num_queries(QUERIES_PER_CHANGELIST):
        response = client.get(CHANGELIST, {"all": ""})
    assert len(response.context["cl"].result_list) == rows



def test_admin_speaks_english_to_those_who_choose_it(client):
    client.force_login(make_editor())
    client.post(reverse("set_language"), {"language": "en", "next": CHANGELIST})
    assert "Select article to change" in client.get(CHANGELIST).content.decode()
    client.post(reverse("set_language"), {"language": "vi", "next": CHANGELIST})
    assert "Chọn bài viết để thay đổi" in client.get(CHANGELIST).content.decode()


def test_the_old_address_answers_with_a_permanent_redirect_after_a_slug_change(client):
    article = make_article(status="published", slug="dia-chi-dau-tien")
    client.force_login(make_editor())
    client.post(change_url(article), form_data(article, slug="dia-chi-sau-khi-sua"))
    client.logout()
    response = client.get("/articles/dia-chi-dau-tien/")
    assert response.status_code == 301 and response["Location"].endswith("/articles/dia-chi-sau-khi-sua/")
