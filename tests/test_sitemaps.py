"""/sitemap.xml (an index), its sections and the news sitemap, checked against the sitemaps.org 0.9 schemas."""

import datetime
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import xmlschema
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article
from tests.test_views import make_seed_article

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parent / "data"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "news": "http://www.google.com/schemas/sitemap-news/0.9"}


@pytest.fixture(scope="module")
def sitemap_schema():
    return xmlschema.XMLSchema(DATA / "sitemap.xsd")


@pytest.fixture(scope="module")
def index_schema():
    return xmlschema.XMLSchema(DATA / "siteindex.xsd")


def local(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def sections(client, index_schema):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
    index_schema.validate(response.content.decode())
    root = ET.fromstring(response.content)
    return [loc.text for loc in root.findall("sm:sitemap/sm:loc", NS)]


def test_index_and_every_section_validate(client, sitemap_schema, index_schema):
    make_seed_article()
    make_article(title="Tin hôm nay", provinces=["an-giang"])
    locations = sections(client, index_schema)
    assert all(loc.startswith("http://127.0.0.1:8000/sitemap-") for loc in locations)
    for loc in locations:
        response = client.get(local(loc))
        assert response.status_code == 200, loc
        if "news" not in loc:
            sitemap_schema.validate(response.content.decode())


def test_sections_list_only_published_articles(client, index_schema):
    published = make_seed_article()
    hidden = [
        make_article(title="Nháp", status=Article.Status.DRAFT),
        make_article(title="Chờ duyệt", status=Article.Status.REVIEW),
        make_article(title="Hẹn giờ", status=Article.Status.SCHEDULED,
                     published_at=timezone.now() + datetime.timedelta(hours=3)),
        make_article(title="Lưu trữ", status=Article.Status.ARCHIVED, published_at=timezone.now()),
    ]
    text = "".join(client.get(local(loc)).content.decode() for loc in sections(client, index_schema))
    assert published.slug in text
    for article in hidden:
        assert article.slug not in text


def test_news_sitemap_lists_the_last_two_days_with_the_news_extension(client):
    recent = make_article(title="Tin sáng nay <&>", provinces=["an-giang"],
                          published_at=timezone.now() - datetime.timedelta(hours=3))
    old = make_article(title="Tin tuần trước", published_at=timezone.now() - datetime.timedelta(days=3))
    response = client.get("/sitemap-news.xml")
    root = ET.fromstring(response.content)  # parses: the title's < and & are escaped
    urls = root.findall("sm:url", NS)
    assert [u.find("sm:loc", NS).text for u in urls] == ["http://127.0.0.1:8000" + recent.get_absolute_url()]
    news = urls[0].find("news:news", NS)
    assert news.find("news:title", NS).text == recent.title
    assert news.find("news:publication/news:language", NS).text == "vi"
    assert news.find("news:publication/news:name", NS).text
    assert datetime.datetime.fromisoformat(news.find("news:publication_date", NS).text) == recent.published_at
    assert old.slug not in response.content.decode()


def test_empty_sections_are_left_out_of_the_index(client, index_schema):
    make_article(title="Tin cũ", published_at=timezone.now() - datetime.timedelta(days=30))
    locations = sections(client, index_schema)
    assert not any("sitemap-news" in loc for loc in locations)
    assert any("sitemap-articles" in loc for loc in locations)


def test_large_sections_are_paginated_and_bad_pages_are_404(client, settings):
    from articles import sitemaps

    make_article()
    assert client.get("/sitemap-articles.xml?p=2").status_code == 404
    assert client.get("/sitemap-articles.xml?p=abc").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404
    original = sitemaps.ArticleSitemap.limit
    sitemaps.ArticleSitemap.limit = 1
    try:
        make_article()
        assert "sitemap-articles.xml?p=2" in client.get("/sitemap.xml").content.decode()
        assert client.get("/sitemap-articles.xml?p=2").status_code == 200
    finally:
        sitemaps.ArticleSitemap.limit = original


def test_provinces_section_has_todays_and_former_units(client):
    text = client.get("/sitemap-provinces.xml").content.decode()
    assert "http://127.0.0.1:8000/provinces/an-giang/" in text
    assert "http://127.0.0.1:8000/provinces/kien-giang/" in text
