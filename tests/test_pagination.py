"""Deep pages seek by (published_at, id) and must list exactly what OFFSET would."""

from datetime import timedelta

import pytest
from django.core.paginator import Paginator
from django.utils import timezone

from articles.models import Article
from articles.pagination import ArchivePaginator
from tests.factories import make_article, province

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    """300 public articles, many sharing a publication time (ties broken by id), among drafts."""
    start = timezone.now() - timedelta(days=1)
    for n in range(300):
        make_article(published_at=start - timedelta(minutes=n // 7), provinces=["an-giang" if n % 3 else "kien-giang"])
        if n % 50 == 0:
            make_article(status=Article.Status.DRAFT)


def pages(paginator):
    return [[a.pk for a in paginator.page(n)] for n in paginator.page_range]


@pytest.mark.parametrize("per_page", [20, 7])
def test_seeking_lists_exactly_the_pages_offset_lists(archive, per_page):
    articles = Article.objects.published().for_list().newest_first()
    seeking = ArchivePaginator(articles, per_page)
    assert seeking.seekable()
    assert pages(seeking) == pages(Paginator(articles, per_page))
    assert sum(len(page) for page in pages(seeking)) == 300


def test_seeking_through_a_province_lists_what_a_join_would(archive):
    today = province("an-giang")  # Kiên Giang merged into it
    seeking = ArchivePaginator(Article.objects.published().for_list().newest_first().for_province(today), 20)
    joined = Article.objects.published().filter(provinces__in=today.predecessors.all() | type(today).objects.filter(
        pk=today.pk)).distinct().order_by("-published_at", "-id")
    assert pages(seeking) == pages(Paginator(joined, 20))


def test_lists_in_another_order_are_paged_by_offset(archive):
    oldest_first = Article.objects.published().order_by("published_at", "id")
    paginator = ArchivePaginator(oldest_first, 20)
    assert not paginator.seekable()
    assert pages(paginator) == pages(Paginator(oldest_first, 20))


def test_count_is_kept_until_something_readers_see_changes(archive, django_assert_num_queries):
    articles = Article.objects.published().newest_first()
    assert ArchivePaginator(articles, 20, count_key="all").count == 300
    with django_assert_num_queries(0):
        assert ArchivePaginator(articles, 20, count_key="all").count == 300
    make_article()  # a save raises the content version
    assert ArchivePaginator(articles, 20, count_key="all").count == 301


def test_count_expires_when_a_scheduled_article_goes_live(archive):
    from articles import caching

    make_article(status=Article.Status.SCHEDULED, published_at=timezone.now() + timedelta(seconds=20))
    version = caching.current_version()
    assert 18 <= caching._timeout_before_next_publication(version, caching.DATA_TIMEOUT) <= 20


@pytest.mark.parametrize("per_page", [20, 7])
def test_kept_boundaries_page_like_offset_and_move_when_an_article_is_published(archive, per_page):
    articles = Article.objects.published().newest_first()
    kept = ArchivePaginator(articles, per_page, count_key="all")
    assert pages(kept) == pages(ArchivePaginator(articles, per_page, count_key="all"))  # the second time, kept
    assert pages(kept) == pages(Paginator(articles, per_page))
    make_article(published_at=timezone.now())  # a save raises the content version
    assert pages(ArchivePaginator(articles, per_page, count_key="all")) == pages(Paginator(articles, per_page))
