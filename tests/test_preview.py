"""Previews: staff see an unpublished article as readers will; a signed link works without an account."""

from datetime import timedelta

import pytest
from django.core import signing
from django.urls import reverse

from articles import preview
from tests.factories import make_article
from tests.test_roles import make_editor, make_reporter

pytestmark = pytest.mark.django_db


def assert_not_cached(response):
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_staff_preview_shows_a_draft_and_is_not_cached(client):
    article = make_article(status="draft", title="Bản nháp chưa đăng")
    client.force_login(make_editor())
    response = client.get(reverse("admin:articles_article_preview", args=[article.pk]))
    assert response.status_code == 200
    assert "Bản nháp chưa đăng" in response.content.decode()
    assert_not_cached(response)
    assert response["X-Robots-Tag"].startswith("noindex")


def test_the_public_page_of_a_draft_is_still_404(client):
    article = make_article(status="draft")
    assert client.get(article.get_absolute_url()).status_code == 404


def test_a_reporter_cannot_preview_another_reporters_draft(client):
    article = make_article(status="draft", created_by=make_reporter())
    client.force_login(make_reporter())
    assert client.get(reverse("admin:articles_article_preview", args=[article.pk])).status_code == 404


def test_staff_preview_needs_a_login(client):
    article = make_article(status="draft")
    response = client.get(reverse("admin:articles_article_preview", args=[article.pk]))
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_shared_link_opens_without_an_account(client):
    article = make_article(status="review", title="Bài chờ duyệt cho người ngoài")
    response = client.get(preview.share_url(article))
    assert response.status_code == 200
    assert "Bài chờ duyệt cho người ngoài" in response.content.decode()
    assert_not_cached(response)


def test_the_change_form_offers_the_shared_link(client):
    article = make_article(status="draft")
    client.force_login(make_editor())
    assert "/preview/" in client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()


def test_a_tampered_link_is_refused(client):
    article, other = make_article(status="draft"), make_article(status="draft", title="Bí mật")
    token = preview.make_token(article)
    forged = signing.dumps({"article": other.pk}, salt="another-salt", compress=True)
    assert client.get(reverse("preview:shared", args=[token[:-2] + "xx"])).status_code == 404
    assert client.get(reverse("preview:shared", args=[forged])).status_code == 404
    assert client.get(reverse("preview:shared", args=["khong-phai-token"])).status_code == 404


def test_an_expired_link_says_so(client, monkeypatch):
    article = make_article(status="draft")
    token = preview.make_token(article)
    monkeypatch.setattr(preview, "PREVIEW_MAX_AGE", timedelta(seconds=-1))
    response = client.get(reverse("preview:shared", args=[token]))
    assert response.status_code == 410
    assert "hết hạn" in response.content.decode() or "expired" in response.content.decode()


def test_a_link_to_a_deleted_article_is_404(client):
    article = make_article(status="draft")
    url = preview.share_url(article)
    article.delete()
    assert client.get(url).status_code == 404


def test_view_on_site_only_for_published_articles(client):
    client.force_login(make_editor())
    draft = make_article(status="draft")
    published = make_article(status="published", title="Đã đăng rồi")
    assert client.get(reverse("admin:articles_article_change", args=[draft.pk])).context["has_absolute_url"] is False
    page = client.get(reverse("admin:articles_article_change", args=[published.pk]))
    assert page.context["has_absolute_url"]
    assert client.get(published.get_absolute_url()).status_code == 200
