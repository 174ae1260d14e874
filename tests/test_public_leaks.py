"""No unpublished article is visible anywhere: every public page, feed and sitemap is walked."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from articles.models import Article, ArticleSlugRedirect, Province
from tests.factories import make_article, make_organisation, make_person, make_quote, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    organisation, person, topic = make_organisation("Hội Nông dân tỉnh An Giang"), make_person(), make_topic()
    articles = {
        "published": make_article(title="Congkhai Dadang", status=Article.Status.PUBLISHED),
        "draft": make_article(title="Bimat Bannhap", status=Article.Status.DRAFT),
        "review": make_article(title="Bimat Choduyet", status=Article.Status.REVIEW),
        "scheduled": make_article(title="Bimat Hengio", status=Article.Status.SCHEDULED,
                                  published_at=timezone.now() + datetime.timedelta(hours=6)),
        "archived": make_article(title="Bimat Luutru", status=Article.Status.ARCHIVED,
                                 published_at=timezone.now() - datetime.timedelta(hours=1)),
    }
    for article in articles.values():
        article.provinces.set(Province.objects.filter(slug__in=["an-giang", "kien-giang"]))
        article.organisations.add(organisation)
        article.people.add(person)
        article.topics.add(topic)
        make_quote(article, f"Lời của {article.title}", speaker=person, speaker_title="Bí thư")
        ArticleSlugRedirect.objects.create(old_slug=f"cu-{article.slug}", article=article)
    return articles, organisation, person, topic


def public_urls(client, organisation, person, topic, published):
    urls = {
        "/", "/articles/", "/articles/?province=an-giang", f"/articles/?topic={topic.slug}",
        published.get_absolute_url(), "/provinces/", "/provinces/an-giang/", "/provinces/kien-giang/",
        f"/organisations/{organisation.slug}/", f"/people/{person.slug}/", f"/topics/{topic.slug}/",
        "/search/?q=bimat", "/search/?q=congkhai", "/search/?q=bimat+bannhap", "/search/?q=loi+cua",
        "/feeds/latest/", "/feeds/latest/atom/", "/feeds/provinces/an-giang/", "/feeds/provinces/kien-giang/atom/",
        "/robots.txt", "/sitemap.xml",
    }
    sitemap = client.get("/sitemap.xml").content.decode()
    urls |= {urlsplit(loc).path + ("?" + urlsplit(loc).query if urlsplit(loc).query else "")
             for loc in re.findall(r"<loc>(.*?)</loc>", sitemap)}
    return sorted(urls)


def test_only_the_published_article_appears_anywhere(client, world):
    articles, organisation, person, topic = world
    published = articles["published"]
    urls = public_urls(client, organisation, person, topic, published)
    assert any(u.startswith("/sitemap-") for u in urls)
    seen_published = False
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        seen_published |= published.slug in text
        for name, article in articles.items():
            if name != "published":
                assert article.title not in text, (url, name)
                assert article.slug not in text, (url, name)
                assert "Bimat" not in text, (url, name)
    assert seen_published


@pytest.mark.parametrize("name", ["draft", "review", "scheduled", "archived"])
def test_unpublished_articles_and_their_old_addresses_are_404(client, world, name):
    article = world[0][name]
    assert client.get(article.get_absolute_url()).status_code == 404
    assert client.get(f"/articles/cu-{article.slug}/").status_code == 404


def test_counts_include_only_the_published_article(client, world):
    response = client.get("/provinces/")
    entries = {e.province.slug: e.count for g in response.context["regions"] for e in g.entries}
    assert entries["an-giang"] == 1


def test_json_ld_and_related_links_name_no_unpublished_article(client, world):
    html = client.get(world[0]["published"].get_absolute_url()).content.decode()
    assert "Bimat" not in html and "bimat" not in html


def test_public_among_answers_as_published_does(world):
    """The check that kept pieces (list pages' ids, search rankings, neighbours) pass on each request."""
    from articles.querysets import public_among

    articles = world[0]
    ids = [article.pk for article in articles.values()]
    assert public_among(ids) == {articles["published"].pk} == set(Article.objects.published().values_list("pk", flat=True))
    assert public_among(ids[:3]) == public_among(list(reversed(ids[:3]))) == {articles["published"].pk}
    assert public_among([]) == set()


def test_published_by_slug_finds_only_the_published_article(world):
    from articles.querysets import published_by_slug

    articles = world[0]
    for name, article in articles.items():
        found = published_by_slug(article.slug)
        assert (found == article) if name == "published" else found is None, name
    assert published_by_slug(articles["published"].slug).body == articles["published"].body
    assert published_by_slug("khong-co") is None
