"""The page cache: conditional GET, invalidation on every change readers can see, scheduled articles, editors."""

import datetime
import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client
from django.utils import timezone

from articles import caching
from articles.models import Article, Correction
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def cached_pages():
    """The page entries in the local-memory cache the tests run with."""
    return [key for key in caching.cache._cache if ":page:" in key]


def test_pages_carry_an_etag_and_answer_304_when_unchanged(client):
    article = make_article(title="Tin có ETag")
    for url in ("/", "/articles/", article.get_absolute_url(), "/provinces/", "/feeds/latest/", "/sitemap.xml"):
        first = client.get(url)
        assert first.has_header("ETag"), url
        again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304, url


def test_etag_changes_when_the_page_changes(client):
    article = make_article(title="Tin ban đầu")
    etag = client.get(article.get_absolute_url())["ETag"]
    article.title = "Tin đã sửa"
    article.save()
    response = client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and "Tin đã sửa" in response.content.decode()


def test_second_request_is_served_from_the_cache(client, django_assert_num_queries):
    make_article()
    client.get("/articles/")
    with django_assert_num_queries(0):
        assert client.get("/articles/").status_code == 200


@pytest.mark.parametrize("change", ["publish", "edit", "unpublish", "delete", "retag", "correct"])
def test_cache_is_invalidated_when_readers_would_see_a_change(client, change):
    article = make_article(title="Tin gốc", status=Article.Status.DRAFT, provinces=["kien-giang"])
    other = make_article(title="Tin khác")
    if change != "publish":
        article.status, article.published_at = Article.Status.PUBLISHED, timezone.now()
        article.save()
    pages = ["/", "/articles/", "/provinces/an-giang/", "/feeds/latest/", other.get_absolute_url()]
    if change != "publish":
        pages.append(article.get_absolute_url())
    before = {url: client.get(url).content for url in pages}
    if change == "publish":
        article.status, article.published_at = Article.Status.PUBLISHED, timezone.now()
        article.save()
        assert "Tin gốc" in client.get("/").content.decode()
    elif change == "edit":
        article.title = "Tin đã sửa"
        article.save()
        assert "Tin đã sửa" in client.get("/").content.decode()
    elif change == "unpublish":
        article.status = Article.Status.ARCHIVED
        article.save()
        assert "Tin gốc" not in client.get("/").content.decode()
    elif change == "delete":
        article.delete()
        assert "Tin gốc" not in client.get("/articles/").content.decode()
    elif change == "retag":
        article.provinces.clear()
        assert "Tin gốc" not in client.get("/provinces/an-giang/").content.decode()
    elif change == "correct":
        Correction.objects.create(article=article, text="Đính chính số liệu")
        assert "Đính chính số liệu" in client.get(article.get_absolute_url()).content.decode()
    assert any(client.get(url).content != before[url] for url in pages)


def test_scheduled_article_appears_at_its_time_with_a_warm_cache(client):
    make_article(title="Tin đã đăng")
    at = timezone.now() + datetime.timedelta(seconds=1.5)
    make_article(title="Tin hẹn giờ", status=Article.Status.SCHEDULED, published_at=at)
    assert "Tin hẹn giờ" not in client.get("/").content.decode()
    assert "Tin hẹn giờ" not in client.get("/").content.decode()  # from the cache
    time.sleep(max(0, (at - timezone.now()).total_seconds()) + 0.2)
    assert "Tin hẹn giờ" in client.get("/").content.decode()


def test_cache_timeout_ends_at_the_next_scheduled_publication():
    version = caching.current_version()
    assert caching.page_timeout(version) == caching.PAGE_TIMEOUT
    make_article(status=Article.Status.SCHEDULED, published_at=timezone.now() + datetime.timedelta(seconds=20))
    assert 18 <= caching.page_timeout(caching.current_version()) <= 20


def test_editors_are_never_served_a_cached_page_nor_fill_the_cache(client):
    make_article(title="Tin công khai")
    anonymous = client.get("/")
    editor = get_user_model().objects.create_user("bientap", password="mat-khau-dai-2025", is_staff=True)
    staff = Client()
    staff.force_login(editor)
    assert anonymous.has_header("ETag")
    caching.cache.clear()
    response = staff.get("/")
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert not cached_pages()
    make_article(title="Tin mới cho biên tập")  # a cached anonymous page would still lack it
    client.get("/")
    assert "Tin mới cho biên tập" in staff.get("/").content.decode()


def test_a_reader_gets_no_cookie_and_the_same_cached_page_as_everyone(client):
    make_article()
    first = client.get("/")
    second = Client().get("/")
    assert not first.cookies and not second.cookies  # no CSRF token, no session: nothing personal
    assert "csrfmiddlewaretoken" not in first.content.decode()
    assert first.content == second.content and first["ETag"] == second["ETag"]


def test_bad_requests_and_404s_are_not_cached(client):
    assert client.get("/articles/?province=atlantis").status_code == 400
    assert client.get("/provinces/atlantis/").status_code == 404
    assert not cached_pages()


def test_a_page_holding_a_csrf_token_is_never_stored(rf):
    # One visitor's token served to the next would break that visitor's form.
    @caching.cached_page
    def form_page(request):
        return HttpResponse(f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">')

    bodies = []
    for _ in range(2):
        request = rf.get("/form/")
        request.user = AnonymousUser()
        bodies.append(form_page(request).content)
    assert bodies[0] != bodies[1]
    assert not cached_pages()


@pytest.mark.parametrize("url", ["/", "/articles/", "/provinces/an-giang/", "article"])
def test_a_page_reads_the_content_version_once_however_many_pieces_it_keeps(client, monkeypatch, url):
    """With Redis each read of the version is a round trip; a page keeps four to six pieces under it."""
    article = make_article(provinces=["an-giang"])
    url = article.get_absolute_url() if url == "article" else url
    monkeypatch.setattr(caching, "PAGE_TIMEOUT", 0)
    client.get(url)  # the pieces are kept now
    reads = []
    real_get = caching.cache.get
    monkeypatch.setattr(caching.cache, "get", lambda key, *args, **kwargs: (
        reads.append(key), real_get(key, *args, **kwargs))[1])
    assert client.get(url).status_code == 200
    assert reads.count(caching.VERSION_KEY) == 1
    assert len(reads) >= 3  # the pieces themselves are read, under that version


def test_a_version_raised_during_a_request_is_read_again(rf):
    seen = []

    @caching.cached_page
    def view(request):
        seen.append(caching.current_version())
        caching.bump_version()
        seen.append(caching.current_version())
        return HttpResponse("ok")

    view(rf.get("/"))
    assert seen[1] == seen[0] + 1
