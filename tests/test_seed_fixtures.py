"""The seed fixture is what importing the seed texts makes, and it loads on a fresh site."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article, Person, Quote, SourceText
from articles.reference import REFERENCE_FIXTURES, SEED_FIXTURE, SEED_FIXTURES
from articles.seeding import SOURCES_DIR, UNDATED_FROM
from tests.sources import SEED_DATED, SEED_UNDATED, fresh_gazetteer  # noqa: F401


def test_the_committed_seed_fixture_is_exactly_what_importing_the_texts_produces(tmp_path):
    output = tmp_path / "articles.json"
    call_command("build_seed_fixtures", "--output", str(output), stdout=io.StringIO())
    committed = Path(SEED_FIXTURE).read_bytes()
    assert output.read_bytes() == committed, (
        "articles/fixtures/seed/articles.json is out of date: run `manage.py build_seed_fixtures` and commit it")


def test_the_seed_fixture_is_one_of_the_fixtures_every_site_loads_after_the_reference_data():
    assert SEED_FIXTURES == [SEED_FIXTURE]
    assert not set(SEED_FIXTURES) & set(REFERENCE_FIXTURES)


@pytest.mark.django_db
def test_the_seed_fixture_loads_after_the_reference_data_and_the_site_shows_the_articles():
    # The test database holds the reference data only, as a fresh installation does.
    assert not Article.objects.exists()
    call_command("loaddata", *SEED_FIXTURES, verbosity=0)

    published = Article.objects.published()
    assert published.count() == len(list(SOURCES_DIR.glob("*.txt"))) == 2
    dated = published.get(source_text__file_name=SEED_DATED)
    assert dated.provinces.filter(slug="an-giang-cu").exists()
    assert dated.quotes.filter(speaker__name="Lê Văn Nưng").exists()
    undated = published.get(source_text__file_name=SEED_UNDATED)
    # An undated text is published at UNDATED_FROM plus its place in the sorted file list (first: +0 days).
    assert undated.published_at == UNDATED_FROM
    assert SourceText.objects.count() == 2 and Quote.objects.filter(article__in=published).exists()
    assert Person.objects.filter(name="Lâm Quang Thi").exists()

    call_command("loaddata", *SEED_FIXTURES, verbosity=0)  # loading them twice adds nothing
    assert Article.objects.count() == 2


@pytest.mark.django_db
def test_starting_the_demo_again_keeps_what_editors_changed():
    call_command("rundemo", no_serve=True, stdout=io.StringIO())
    article = Article.objects.get(source_text__file_name=SEED_DATED)
    article.title = "Tiêu đề đã sửa"
    article.save()
    Article.objects.get(source_text__file_name=SEED_UNDATED).delete()

    call_command("rundemo", no_serve=True, stdout=io.StringIO())

    assert list(Article.objects.values_list("title", flat=True)) == ["Tiêu đề đã sửa"]
