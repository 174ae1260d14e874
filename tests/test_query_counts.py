"""Every public list and the article page cost the same number of queries for 5 articles and for 100 (at most 6).

The first request of a page is pinned (empty cache: the page, its count and
the directory are all computed), which is the cost of an uncached page. A
deep page adds one query, the seek boundary (articles.pagination).
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article, Correction
from tests.factories import make_article, make_organisation, make_person, make_quote, make_topic, province

pytestmark = pytest.mark.django_db


def make_archive(size):
    organisation, person, topic = make_organisation(slug="hoi-nong-dan"), make_person(slug="le-van-nung"), make_topic()
    for n in range(size):
        article = make_article(provinces=["an-giang", "kien-giang"] if n % 2 else ["an-giang"])
        article.organisations.add(organisation)
        article.people.add(person)
        article.topics.add(topic)
    return {"topic": topic}


def page_urls(archive):
    return {
        "front page": "/",
        "article list": "/articles/",
        "article list, filtered": "/articles/?province=an-giang&organisation=hoi-nong-dan",
        "province": "/provinces/an-giang/",
        "province list": "/provinces/",
        "organisation": "/organisations/hoi-nong-dan/",
        "person": "/people/le-van-nung/",
        "topic": f"/topics/{archive['topic'].slug}/",
        "search": "/search/?q=doi+thoai",
    }


# An uncached page: the page's own queries, its count, and the time of the
# next scheduled publication (which bounds how long the page is cached).
QUERIES = {
    "front page": 5,  # provinces and their counts (directory), 12 articles, their provinces, next publication
    "article list": 5,  # the filter form's provinces, count, articles, their provinces, next publication
    "province": 5,  # every unit (one query for the succession), count, articles, their provinces, next publication
    "province list": 3,  # provinces, their counts, next publication
    "organisation": 5,  # the organisation, count, articles, their provinces, next publication
    "person": 5,
    "topic": 5,
    "search": 5,  # the newest 500 matches' ids, their ranking, the page's rows, their provinces, next publication
}


@pytest.mark.parametrize("size", [5, 100])
@pytest.mark.parametrize("page", sorted(QUERIES))
def test_list_pages_take_a_fixed_number_of_queries(client, django_assert_num_queries, size, page):
    url = page_urls(make_archive(size))[page]
    cache.clear()
    with django_assert_num_queries(QUERIES[page]):
        response = client.get(url)
    assert response.status_code == 200
    assert len(response.context["page_obj"] if "page_obj" in response.context else [1]) > 0


def test_no_list_page_takes_more_than_six_queries():
    assert max(QUERIES.values()) <= 6


@pytest.mark.parametrize("size", [5, 100])
def test_filtered_list_takes_a_fixed_number_of_queries(client, django_assert_num_queries, size):
    """Each filter checks its slug (one query each) and a province adds its succession: 8 with two filters."""
    make_archive(size)
    cache.clear()
    with django_assert_num_queries(8):
        response = client.get("/articles/", {"province": "an-giang", "organisation": "hoi-nong-dan"})
    assert len(response.context["page_obj"]) == min(size, 20)


def tag_richly(article):
    """Every kind of tag several times over, a unit merged away, quotes with and without a speaker, corrections."""
    article.provinces.set([province(slug) for slug in ("an-giang", "an-giang-cu", "kien-giang", "can-tho")])
    article.organisations.add(*(make_organisation(slug=f"hoi-{n}") for n in range(3)))
    speakers = [make_person(f"Người số {n}") for n in range(3)]
    article.people.add(*speakers)
    article.topics.add(*(make_topic() for _ in range(3)))
    for n, speaker in enumerate([*speakers, None]):
        make_quote(article, f"Câu thứ {n}", speaker=speaker, position=n)
    for n in range(3):
        Correction.objects.create(article=article, text=f"Sửa lần {n}")


@pytest.mark.parametrize("size", [5, 100])
@pytest.mark.parametrize("tagged", ["one province", "many tags, quotes and corrections"])
def test_article_page_takes_six_queries_whatever_it_shows(client, django_assert_num_queries, size, tagged):
    make_archive(size)
    article = Article.objects.published().newest_first()[2]
    if tagged == "one province":
        article.provinces.set([province("an-giang")])
        for relation in (article.organisations, article.people, article.topics):
            relation.clear()
    else:
        tag_richly(article)
    cache.clear()
    # the article; its tags (one UNION ALL over the four kinds); quotes with their speakers;
    # corrections; related, previous and next (one UNION ALL); next publication
    with django_assert_num_queries(6):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert response.context["previous"] and response.context["next"] and response.context["related"]
    assert len(response.context["quotes"]) == (4 if tagged != "one province" else 0)


@pytest.mark.parametrize("tagged", ["one province", "many tags, quotes and corrections"])
def test_a_later_article_page_reads_the_article_and_its_neighbours(client, django_assert_num_queries, monkeypatch,
                                                                   tagged):
    """Its tags, quotes, corrections and which articles neighbour it are kept per content version."""
    from articles import caching

    monkeypatch.setattr(caching, "PAGE_TIMEOUT", 0)
    make_archive(20)
    article = Article.objects.published().newest_first()[2]
    if tagged != "one province":
        tag_richly(article)
    first = client.get(article.get_absolute_url()).content
    with django_assert_num_queries(2):  # the article; its related, previous and next articles by id
        response = client.get(article.get_absolute_url())
    assert response.content == first
    assert response.context["previous"] and response.context["next"] and response.context["related"]


@pytest.mark.parametrize("size", [45, 100])
@pytest.mark.parametrize("url", ["/articles/?page=2", "/articles/?page=3", "/provinces/an-giang/?page=2",
                                 "/topics/chu-de/?page=2", "/search/?q=doi+thoai&page=2"])
def test_deeper_pages_add_at_most_the_seek_boundary(client, size, url):
    archive = make_archive(size)
    url = url.replace("chu-de", archive["topic"].slug)
    with CaptureQueriesContext(connection) as first:
        assert client.get(url.split("page=")[0]).status_code == 200
    cache.clear()
    with CaptureQueriesContext(connection) as deeper:
        assert client.get(url).status_code == 200
    # Lists in the public order seek (one more query); a search page is a slice of its ranking (at most 500 ids).
    assert len(deeper) == len(first) + (0 if url.startswith("/search/") else 1)


# A later request, the page cache off: counts, the province directory, the
# rendered cards, the province <select> and the province's history are kept
# per content version (articles.caching.versioned), so only the page's rows are read.
WARM_QUERIES = {
    "front page": 1,  # which of its 12 kept articles are still public
    "article list": 1,  # articles
    "province": 1,  # articles
    "province list": 0,
    "organisation": 2,  # the organisation, articles
    "person": 2,
    "topic": 2,
    "search": 1,  # the page's rows (the ranking is kept)
}


@pytest.mark.parametrize("size", [5, 100])
@pytest.mark.parametrize("page", sorted(WARM_QUERIES))
def test_list_pages_read_only_their_rows_once_their_pieces_are_cached(client, django_assert_num_queries, monkeypatch,
                                                                      size, page):
    from articles import caching

    monkeypatch.setattr(caching, "PAGE_TIMEOUT", 0)
    url = page_urls(make_archive(size))[page]
    assert client.get(url).status_code == 200
    with django_assert_num_queries(WARM_QUERIES[page]):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("url", ["/articles/?page=3", "/provinces/an-giang/?page=2"])
def test_a_deep_page_reads_only_its_rows_once_its_boundary_is_kept(client, django_assert_num_queries, monkeypatch,
                                                                   url):
    from articles import caching

    monkeypatch.setattr(caching, "PAGE_TIMEOUT", 0)
    make_archive(100)
    assert client.get(url).status_code == 200
    with django_assert_num_queries(1):
        assert client.get(url).status_code == 200
