"""Search in Vietnamese with or without diacritics, on SQLite and (DATABASE_URL) on PostgreSQL."""

import datetime
import unicodedata

import pytest
from django.db import connection
from django.utils.html import escape

try:
    from django.contrib.postgres.search import SearchQuery, SearchVector
except ImportError:  # psycopg missing: the PostgreSQL tests are skipped anyway
    SearchQuery = SearchVector = None

from articles.models import Article
from articles.search import excerpt, highlight, search, search_document, terms_of
from tests.factories import make_article
from tests.test_views import make_seed_article

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif("connection.vendor != 'postgresql'", reason="PostgreSQL search path: runs in the PostgreSQL pass of CI")


@pytest.fixture
def articles():
    return {
        "thanh_hoa": make_article(title="Thanh Hoá tăng cường mối quan hệ giữa Đảng với Nhân dân",
                                  lead="Ban Thường vụ Tỉnh ủy Thanh Hóa chỉ đạo các cấp ủy.",
                                  body="Lãnh đạo huyện Như Xuân xuống cơ sở."),
        "an_giang": make_seed_article(),
        "hoa_apart": make_article(title="Thành phố xanh, văn hóa đẹp", lead="Hoa nở khắp thành phố.",
                                  body="Người dân trồng cây."),
    }


def found(query):
    return list(search(query).articles)


@pytest.mark.parametrize("query", ["thanh hoa", "Thanh Hoá", "Thanh Hóa", "THANH HÓA",
                                   unicodedata.normalize("NFD", "Thanh Hóa"), "  thanh\u00a0hoa  "])
def test_spellings_of_thanh_hoa_find_the_same_articles(articles, query):
    assert found(query) == found("thanh hoa")
    assert found(query)[0] == articles["thanh_hoa"]
    assert articles["an_giang"] not in found(query)


def test_syllables_together_rank_above_syllables_apart(articles):
    results = found("thanh hoa")
    assert results[0] == articles["thanh_hoa"]
    if articles["hoa_apart"] in results:
        assert results.index(articles["hoa_apart"]) > 0


def test_query_without_diacritics_finds_the_marked_words(articles):
    assert found("doi thoai") == [articles["an_giang"]]
    assert found("đối thoại") == found("doi thoai") == found("Đối Thoại")


def test_words_match_whole_not_inside_other_words(articles):
    results = search("thoa")  # "thoai" contains "thoa", but it is another word
    assert results.approximate or list(results.articles) == []


def test_results_are_ranked_by_how_often_the_words_occur():
    once = make_article(title="Tin một", lead="Có một lần đối thoại.", body="Nội dung khác.")
    often = make_article(title="Đối thoại với dân", lead="Đối thoại, đối thoại và đối thoại.",
                         body="Hội nghị đối thoại.")
    assert found("doi thoai") == [often, once]


@pytest.mark.parametrize("state", [Article.Status.DRAFT, Article.Status.REVIEW, Article.Status.ARCHIVED])
def test_unpublished_articles_are_never_found(state):
    make_article(title="Đối thoại bí mật", status=state,
                 published_at=None if state != Article.Status.ARCHIVED else make_article().published_at)
    assert all("bí mật" not in a.title for a in found("doi thoai bi mat"))


def test_scheduled_article_is_not_found_before_its_time():
    from datetime import timedelta

    from django.utils import timezone

    make_article(title="Đối thoại hẹn giờ", status=Article.Status.SCHEDULED,
                 published_at=timezone.now() + timedelta(hours=1))
    assert found("doi thoai hen gio") == []


@pytest.mark.parametrize("query", [
    "", " ", "a" * 1000, "đối thoại " * 200, "!!!", "&", "|", "!", ":", "*", "doi & thoai", "doi | !thoai",
    "doi:* thoai", "'", '"', "\\", "%", "_", "(doi", "doi)", "<->", "<script>", "\x00", "🙂", "doi\u200bthoai",
])
def test_odd_queries_never_fail(client, articles, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    search(query).articles.count()


def test_tsquery_operators_are_plain_text(articles):
    assert found("doi & thoai") == found("doi thoai") == found("doi | thoai") == found("doi:* !thoai")


def test_terms_are_folded_and_capped():
    assert terms_of("Đối THOẠI, “Thanh Hoá”!") == ("doi", "thoai", "thanh", "hoa")
    assert len(terms_of("a " * 500)) == 12


def test_highlight_marks_words_whatever_their_marks_and_escapes_first():
    assert highlight("Hội nghị “Đối thoại” <b>", ("doi", "thoai")) == "Hội nghị “<mark>Đối thoại</mark>” &lt;b&gt;"
    assert highlight("<mark>doi</mark>", ("doi",)) == "&lt;mark&gt;<mark>doi</mark>&lt;/mark&gt;"


def test_highlight_prefers_the_syllables_together():
    text = "Đời sống khá hơn nhờ đối thoại với dân"
    assert highlight(text, ("doi", "thoai")) == "Đời sống khá hơn nhờ <mark>đối thoại</mark> với dân"
    assert highlight("Đời sống, thoại kịch", ("doi", "thoai")) == "<mark>Đời</mark> sống, <mark>thoại</mark> kịch"


def test_excerpt_centres_on_the_syllables_together_else_on_the_first_one_found():
    filler = " ".join(f"chữ{n}" for n in range(60))
    text = f"Đời sống {filler} nhờ “đối thoại” với dân {filler}"
    shown = excerpt(text, ("doi", "thoai"))
    assert shown.startswith("… ") and "<mark>đối thoại</mark>" in shown and "Đời" not in shown
    assert excerpt(text, ("doi", "moi")).startswith("<mark>Đời</mark> sống")  # no run: the first syllable found
    assert excerpt(text, ("vang",)) == excerpt(text, ()) == escape(" ".join(text.split()[:40])) + " …"
    assert excerpt("Tin <b>đối-thoại</b>", ("doi", "thoai")) == "Tin &lt;b&gt;<mark>đối</mark>-<mark>thoại</mark>&lt;/b&gt;"


def test_search_page_highlights_matches_in_title_and_excerpt(client, articles):
    html = client.get("/search/", {"q": "doi thoai"}).content.decode()
    assert "<mark>đối thoại</mark>" in html
    assert "<mark>đời</mark>" not in html


def test_search_page_escapes_the_query(client, articles):
    html = client.get("/search/", {"q": '"><script>alert(1)</script>'}).content.decode()
    assert "<script>alert(1)" not in html


@postgres_only
def test_postgres_falls_back_to_near_misses(articles):
    results = search("doi thaoi")
    assert results.approximate
    assert articles["an_giang"] in list(results.articles)


@postgres_only
def test_postgres_near_misses_come_from_the_newest_articles(monkeypatch):
    """A typo of common words is near nearly every article: only the newest few are read (search.NEAR_CANDIDATES)."""
    from articles import search as search_module

    monkeypatch.setattr(search_module, "NEAR_CANDIDATES", 2)
    oldest = make_article(title="Đối thoại lần ba")
    newer = [make_article(title="Đối thoại lần hai"), make_article(title="Đối thoại lần một")]
    oldest.published_at = min(article.published_at for article in newer) - datetime.timedelta(days=1)
    oldest.save()
    results = search("doi thaoi")
    assert results.approximate and results.recent_only  # the page says older articles were left out
    assert sorted(a.pk for a in results.articles) == sorted(a.pk for a in newer)


@postgres_only
@pytest.mark.parametrize("index, queryset", [
    ("article_search_document", lambda: Article.objects.annotate(
        document=search_document()).filter(document=SearchQuery("doi thoai", config="simple")).order_by()),
])
def test_postgres_search_conditions_can_use_the_gin_indexes(articles, index, queryset):
    """The expression search() filters on is the one migration 0003 indexed."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = queryset().query.sql_with_params()
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert index in plan, plan
