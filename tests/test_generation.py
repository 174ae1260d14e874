import pytest
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
