"""RSS and Atom feeds, read with feedparser as a feed reader would."""

import datetime

import feedparser
import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article
from tests.test_views import SEED_TITLE, make_seed_article

pytestmark = pytest.mark.django_db


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


@pytest.mark.parametrize("url, version", [("/feeds/latest/", "rss20"), ("/feeds/latest/atom/", "atom10")])
def test_latest_feed_parses_and_lists_published_articles_newest_first(client, url, version):
    seed = make_seed_article()
    newer = make_article(title="Tin mới & “nóng” <b>", provinces=["an-giang"])
    feed = read(client, url)
    assert feed.version == version
    assert [e.title for e in feed.entries] == [newer.title, SEED_TITLE]
    entry = feed.entries[1]
    assert entry.link == "http://127.0.0.1:8000" + seed.get_absolute_url()
    assert entry.author == "Thanh Tiến"
    assert datetime.datetime(*entry.published_parsed[:6], tzinfo=datetime.UTC) == seed.published_at
    assert "Gắn bó với nhân dân" in entry.summary


@pytest.mark.parametrize("status, published_at", [
    (Article.Status.DRAFT, None),
    (Article.Status.REVIEW, None),
    (Article.Status.SCHEDULED, timezone.now() + datetime.timedelta(days=1)),
    (Article.Status.ARCHIVED, timezone.now() - datetime.timedelta(days=1)),
])
@pytest.mark.parametrize("url", ["/feeds/latest/", "/feeds/latest/atom/", "/feeds/provinces/an-giang/",
                                 "/feeds/provinces/an-giang/atom/"])
def test_unpublished_articles_are_not_in_feeds(client, url, status, published_at):
    make_article(title="Bài công khai", provinces=["an-giang"])
    make_article(title="Bài không công khai", status=status, published_at=published_at, provinces=["an-giang"])
    assert [e.title for e in read(client, url).entries] == ["Bài công khai"]


def test_province_feed_includes_units_merged_into_it(client):
    make_seed_article()
    make_article(title="Kiên Giang đón khách", provinces=["kien-giang"])
    make_article(title="Tin Cần Thơ", provinces=["can-tho"])
    feed = read(client, "/feeds/provinces/an-giang/")
    assert {e.title for e in feed.entries} == {SEED_TITLE, "Kiên Giang đón khách"}
    assert feed.feed.link == "http://127.0.0.1:8000/provinces/an-giang/"
    assert "An Giang" in feed.feed.title


def test_former_unit_has_its_own_feed(client):
    make_article(title="Kiên Giang đón khách", provinces=["kien-giang"])
    make_article(title="An Giang mới", provinces=["an-giang"])
    assert [e.title for e in read(client, "/feeds/provinces/kien-giang/atom/").entries] == ["Kiên Giang đón khách"]


def test_unknown_province_feed_is_404(client):
    assert client.get("/feeds/provinces/khong-co/").status_code == 404
