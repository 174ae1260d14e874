"""The admin upload: preview what the parser found, then save drafts; provenance stays read-only."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.importing import MAX_SOURCE_BYTES, import_source
from articles.models import Article, Person, SourceText
from tests.sources import SEED_DATED, SEED_UNDATED, fresh_gazetteer, seed_bytes  # noqa: F401

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("admin:articles_sourcetext_import")


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("bientap", password="x", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(
        codename__in=["add_article", "change_article", "view_article"]))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def upload(client, *files):
    return client.post(IMPORT_URL, {"files": [SimpleUploadedFile(name, data, "text/plain") for name, data in files]})


def test_the_upload_page_is_linked_from_the_source_texts_list(editor_client):
    page = editor_client.get(reverse("admin:articles_sourcetext_changelist"))
    assert page.status_code == 200 and IMPORT_URL in page.content.decode()
    # The admin index's "Add" beside Source texts leads to the upload too.
    assert editor_client.get(reverse("admin:articles_sourcetext_add")).url == IMPORT_URL


def test_staff_without_the_right_to_add_articles_cannot_upload(client, django_user_model):
    reader = django_user_model.objects.create_user("docgia", is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(reader)
    assert client.get(IMPORT_URL).status_code == 403
    assert client.post(IMPORT_URL, {"token": "x"}).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(IMPORT_URL)
    assert response.status_code == 302 and reverse("admin:login") in response.url


def test_the_preview_shows_what_the_parser_found_and_saves_nothing(editor_client):
    page = upload(editor_client, (SEED_DATED, seed_bytes(SEED_DATED)))

    assert page.status_code == 200
    html = page.content.decode()
    assert "Thắt chặt mối quan hệ mật thiết giữa Đảng với dân" in html
    assert "Chăm lo lợi ích nhân dân" in html            # a heading
    assert "Lê Văn Nưng" in html and "Phó Bí thư Thường trực Tỉnh ủy" in html  # a quote's speaker and title
    assert "An Giang" in html and "Tỉnh ủy An Giang" in html
    assert "thành phố Châu Đốc" in html                 # a place
    assert "baoangiang.com.vn" in html
    assert not Article.objects.exists() and not Person.objects.filter(name="Lê Văn Nưng").exists()


def test_saving_the_preview_makes_drafts_through_the_importer(editor_client, editor):
    preview = upload(editor_client, (SEED_DATED, seed_bytes(SEED_DATED)), (SEED_UNDATED, seed_bytes(SEED_UNDATED)))
    token = preview.context["token"]

    saved = editor_client.post(IMPORT_URL, {"token": token})

    assert saved.status_code == 200
    assert Article.objects.count() == 2
    assert set(Article.objects.values_list("status", flat=True)) == {Article.Status.DRAFT}
    article = Article.objects.get(source_text__file_name=SEED_DATED)
    assert article.created_by == editor
    assert article.source_text.original_text == seed_bytes(SEED_DATED).decode()
    assert reverse("admin:articles_article_change", args=[article.pk]) in saved.content.decode()
    # The same preview cannot be saved twice.
    again = editor_client.post(IMPORT_URL, {"token": token})
    assert "expired" in again.content.decode() and Article.objects.count() == 2


def test_a_text_already_imported_is_shown_but_not_offered_again(editor_client):
    existing = import_source(seed_bytes(SEED_DATED), file_name=SEED_DATED).article
    page = upload(editor_client, (SEED_DATED, seed_bytes(SEED_DATED)))
    html = page.content.decode()
    assert page.context["savable"] == 0
    assert reverse("admin:articles_article_change", args=[existing.pk]) in html


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "photo.txt"),
        ("bai.docx", b"PK\x03\x04", "not a .txt file"),
        ("huge.txt", b"a" * (MAX_SOURCE_BYTES + 1), "too large"),
    ],
    ids=["empty", "binary", "not-txt", "too-large"],
)
def test_a_bad_upload_is_a_form_error_and_saves_nothing(editor_client, name, data, message):
    page = upload(editor_client, (name, data), (SEED_DATED, seed_bytes(SEED_DATED)))

    assert page.status_code == 200
    assert page.context["form"].errors
    assert message in page.content.decode()
    assert not Article.objects.exists() and not SourceText.objects.exists()


def test_submitting_no_file_asks_for_one(editor_client):
    page = editor_client.post(IMPORT_URL, {})
    assert page.status_code == 200 and page.context["form"].errors["files"]


def test_the_source_text_page_is_read_only_provenance_linking_to_its_article(admin_client):
    article = import_source(seed_bytes(SEED_DATED), file_name=SEED_DATED).article
    url = reverse("admin:articles_sourcetext_change", args=[article.source_text.pk])

    page = admin_client.get(url)

    html = page.content.decode()
    assert page.status_code == 200
    assert reverse("admin:articles_article_change", args=[article.pk]) in html
    assert article.source_text.content_hash in html and "25/11/2022 17:05" in html
    assert 'name="file_name"' not in html  # no form fields: nothing to edit
    assert admin_client.post(url, {"file_name": "x.txt"}).status_code == 403


def test_the_source_texts_list_costs_the_same_queries_for_few_and_many(admin_client, django_assert_num_queries):
    url = reverse("admin:articles_sourcetext_changelist")
    import_source(seed_bytes(SEED_DATED), file_name=SEED_DATED)
    admin_client.get(url)  # warm the session and content types
    with CaptureQueriesContext(connection) as few:
        admin_client.get(url)
    import_source(seed_bytes(SEED_UNDATED), file_name=SEED_UNDATED)
    for n in range(5):
        import_source(f"Bài số {n}\n\nNội dung bài số {n} về tỉnh Thanh Hóa.".encode(), file_name=f"{n}.txt")
    assert SourceText.objects.count() == 7
    with django_assert_num_queries(len(few.captured_queries)):
        admin_client.get(url)
