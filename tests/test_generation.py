import pytest
from django.core.management import CommandError, call_command
from django.db import connection  # noqa: F401  (read by the skipif condition)
from django.utils import timezone

from articles.generation import generate_articles
from articles.models import Article
from articles.text.body import plain_text
from articles.text.normalise import search_key
from tests.factories import make_organisation

pytestmark = pytest.mark.django_db


def test_generated_articles_are_tagged_with_units_in_force_on_their_date():
    make_organisation("Ủy ban nhân dân tỉnh Thanh Hóa")
    result = generate_articles(60, seed=3, people=10)
    assert result.articles == 60 and Article.objects.published().count() == 60
    for article in Article.objects.prefetch_related("provinces"):
        units = list(article.provinces.all())
        assert 1 <= len(units) <= 5
        day = timezone.localtime(article.published_at).date()
        assert all(unit.in_force_on(day) for unit in units), (article.published_at, units)


def test_generated_search_text_is_what_saving_the_article_would_store():
    generate_articles(5, seed=4, people=5)
    for article in Article.objects.all():
        expected = search_key(" ".join([article.title, article.lead, plain_text(article.body)]))
        assert article.search_text == expected


def test_the_archive_reaches_across_the_2025_reorganisation():
    generate_articles(200, seed=5, people=5)
    assert Article.objects.filter(provinces__valid_to__isnull=False).exists()
    assert Article.objects.filter(provinces__valid_from__isnull=False).exists()


postgres_only = pytest.mark.skipif("connection.vendor != 'postgresql'",
                                   reason="SQLite takes one writer: this runs in the PostgreSQL pass of CI")


def generated_content() -> list[tuple]:
    articles = Article.objects.prefetch_related("provinces", "organisations", "people", "quotes")
    return sorted(
        (a.title, a.lead, a.body, a.published_at, a.search_text, a.byline,
         sorted(p.slug for p in a.provinces.all()), sorted(o.pk for o in a.organisations.all()),
         sorted(p.pk for p in a.people.all()), sorted((q.text, q.speaker_id, q.position) for q in a.quotes.all()))
        for a in articles
    )


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_several_processes_write_the_articles_one_process_writes_for_the_same_seed():
    from articles.reference import REFERENCE_FIXTURES

    call_command("loaddata", *REFERENCE_FIXTURES, verbosity=0)  # a transactional test starts empty
    make_organisation("Ủy ban nhân dân tỉnh Thanh Hóa")
    # Dates are drawn up to the time of the run: the same time for both.
    now = timezone.now()
    alone = generate_articles(2500, seed=8, people=10, jobs=1, clock=lambda: now)
    written_alone = generated_content()
    Article.objects.all().delete()

    together = generate_articles(2500, seed=8, people=10, jobs=2, clock=lambda: now)  # here and in a worker

    assert generated_content() == written_alone
    assert together.articles == Article.objects.count() == 2500
    assert together.quotes == alone.quotes > 0


def test_generate_articles_refuses_fewer_than_one_job():
    with pytest.raises(CommandError, match="--jobs"):
        call_command("generate_articles", 10, jobs=0)
