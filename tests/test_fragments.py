"""Rendered pieces kept per content version (cards, the province <select>, the directory, the page's frame):
what readers see changes at once when the content does, and stays escaped."""

import datetime
import time

import pytest
from django.core.cache import cache
from django.utils import timezone

from articles import caching, publishing
from articles.models import Article, Province
from tests.factories import make_article, make_organisation
from tests.test_roles import make_editor

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_off(monkeypatch):
    """As in production with PAGE_CACHE_SECONDS=0: every page renders, from whatever pieces are cached."""
    monkeypatch.setattr(caching, "PAGE_TIMEOUT", 0)


def list_urls(organisation):
    return ["/", "/articles/", "/provinces/an-giang/", organisation.get_absolute_url(), "/search/?q=doi+thoai"]


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.fixture
def listed():
    organisation = make_organisation(slug="hoi-nong-dan")
    article = make_article(title="Đối thoại với nông dân An Giang", provinces=["an-giang"])
    article.organisations.add(organisation)
    return article, organisation


def test_an_edited_title_is_on_every_list_at_once(client, listed):
    article, organisation = listed
    for url in list_urls(organisation):
        assert "nông dân An Giang" in html(client, url), url
    article.title = "Đối thoại với nông dân Kiên Giang"
    article.save()
    for url in list_urls(organisation):
        page = html(client, url)
        assert "nông dân Kiên Giang" in page and "nông dân An Giang" not in page, url


def test_a_published_article_is_on_the_lists_at_once(client, listed):
    _, organisation = listed
    for url in list_urls(organisation):
        html(client, url)  # every piece of every list is now cached
    draft = make_article(title="Đối thoại về giá lúa", status=Article.Status.DRAFT, provinces=["an-giang"])
    draft.organisations.add(organisation)
    assert "giá lúa" not in html(client, "/articles/")
    publishing.publish(article=draft, user=make_editor())
    for url in list_urls(organisation):
        assert "về giá lúa" in html(client, url), url


def test_an_article_withdrawn_without_a_signal_leaves_the_lists_though_its_card_is_kept(client, listed):
    """Kept cards are shown only for rows the page's query (or, on search, the ranked ids) finds public."""
    article, organisation = listed
    for url in list_urls(organisation):
        assert "nông dân An Giang" in html(client, url), url  # its card is kept now
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)  # no signal: the version stays
    for url in list_urls(organisation):
        assert "nông dân An Giang" not in html(client, url), url


def test_a_scheduled_article_joins_the_kept_lists_at_its_time(client, listed):
    """The front page and the list keep their articles' ids per version; those end when the next article is due."""
    at = timezone.now() + datetime.timedelta(seconds=1.5)
    make_article(title="Tin hẹn giờ về giá lúa", status=Article.Status.SCHEDULED, published_at=at)
    for url in ("/", "/articles/"):
        assert "giá lúa" not in html(client, url)
        assert "giá lúa" not in html(client, url)  # from the kept ids
    time.sleep(max(0, (at - timezone.now()).total_seconds()) + 0.2)
    for url in ("/", "/articles/"):
        assert "Tin hẹn giờ về giá lúa" in html(client, url), url


def test_a_retagged_article_shows_its_new_province_on_its_card(client, listed):
    article, _ = listed
    assert 'href="/provinces/an-giang/">An Giang</a>' in html(client, "/articles/")
    article.provinces.set([Province.objects.get(slug="ha-noi")])
    page = html(client, "/articles/")
    assert 'href="/provinces/ha-noi/">Hà Nội</a>' in page
    assert 'href="/provinces/an-giang/">An Giang</a>' not in page


def test_a_renamed_province_shows_on_cards_in_the_filter_and_in_the_directory(client, listed):
    for url in ("/", "/articles/", "/provinces/"):
        html(client, url)
    an_giang = Province.objects.get(slug="an-giang")
    an_giang.name = "An Giang mới"
    an_giang.save()
    assert '<option value="an-giang">An Giang mới</option>' in html(client, "/articles/")
    assert 'href="/provinces/an-giang/">An Giang mới</a>' in html(client, "/articles/")
    assert 'href="/provinces/an-giang/">An Giang mới</a>' in html(client, "/")
    assert 'href="/provinces/an-giang/">An Giang mới</a>' in html(client, "/provinces/")


def test_a_page_of_cached_pieces_is_the_page_rendered_afresh(client, listed):
    _, organisation = listed
    make_article(title="Tin <script>alert('xss')</script> \"><img src=x onerror=alert(1)>",
                 provinces=["kien-giang"])
    for url in [*list_urls(organisation), "/search/?q=tin", "/provinces/", "/articles/?province=an-giang"]:
        for language in ("vi", "en"):
            client.cookies["django_language"] = language
            cache.clear()
            fresh = html(client, url)
            from_pieces = html(client, url)
            assert from_pieces == fresh, (url, language)
            assert "<script>alert" not in from_pieces and "<img src=x" not in from_pieces


def test_cards_and_frame_follow_the_language(client, listed):
    make_article(title="Tin Kiên Giang cũ", provinces=["kien-giang"])
    page = html(client, "/articles/")
    assert "(cũ)" in page and "Tất cả bài viết" in page
    client.cookies["django_language"] = "en"
    page = html(client, "/articles/")
    assert "(former)" in page and "All articles" in page and "Tất cả bài viết" not in page


def test_an_unknown_province_in_the_address_is_answered_but_not_kept(client):
    html(client, "/articles/")
    kept = len(cache._cache)
    for n in range(5):
        assert client.get("/articles/", {"province": f"atlantis-{n}"}).status_code == 400
    assert len(cache._cache) == kept


def test_the_kept_empty_filter_form_never_shows_a_chosen_filter(client):
    for _ in range(21):
        make_article(provinces=["an-giang"])

    def form(url):
        page = html(client, url)
        return page[page.index('<form class="filters"'):page.index("</form>", page.index('<form class="filters"'))]

    assert 'href="/articles/"' not in form("/articles/")  # no "Clear filters" on the whole archive
    assert 'href="/articles/"' in form("/articles/?page=2")
    assert '<option value="an-giang" selected>' in form("/articles/?province=an-giang&date_after=2020-01-01")
    assert 'value="2020-01-01"' in form("/articles/?province=an-giang&date_after=2020-01-01")
    for url in ("/articles/", "/articles/?page=2"):
        assert 'an-giang" selected>' not in form(url) and 'value="2020-01-01"' not in form(url)


def test_an_article_page_links_no_neighbour_withdrawn_since_its_neighbours_were_kept(client):
    _newer, shown, older = (make_article(title=f"Bài {name} về An Giang", provinces=["an-giang"])
                           for name in ("mới", "đang xem", "cũ"))
    page = html(client, shown.get_absolute_url())
    assert "Bài mới về An Giang" in page and "Bài cũ về An Giang" in page  # next, previous and related
    Article.objects.filter(pk=older.pk).update(status=Article.Status.DRAFT)  # no signal: the version stays
    page = html(client, shown.get_absolute_url())
    assert "Bài cũ về An Giang" not in page and "Bài mới về An Giang" in page


def test_an_edited_article_shows_on_its_page_at_once_and_its_preview_keeps_nothing(client, listed):
    article, _ = listed
    assert "Buổi đối thoại diễn ra sôi nổi." in html(client, article.get_absolute_url())
    article.body = "## Lắng nghe dân\n\nBuổi đối thoại kéo dài <b>ba giờ</b>."
    article.save()
    page = html(client, article.get_absolute_url())
    assert "kéo dài &lt;b&gt;ba giờ&lt;/b&gt;." in page and "sôi nổi" not in page
    client.force_login(make_editor())
    cache.clear()
    assert "kéo dài" in client.get(f"/admin/articles/article/{article.pk}/preview/").content.decode()
    assert not [key for key in cache._cache if "articles:data:" in key]


def test_an_article_page_in_a_second_language_from_kept_pieces_is_the_page_rendered_afresh(client):
    newer, shown, older = (make_article(title=f"Bài {name} về An Giang", provinces=["an-giang"])
                           for name in ("mới", "đang xem", "cũ"))
    html(client, shown.get_absolute_url())  # its neighbours are kept, their links rendered in Vietnamese only
    client.cookies["django_language"] = "en"
    from_pieces = html(client, shown.get_absolute_url())
    cache.clear()
    assert from_pieces == html(client, shown.get_absolute_url())
    assert "Previous article" in from_pieces and older.title in from_pieces and newer.title in from_pieces
