"""Small builders for test data: make_article(), make_person() …

Each takes only what a test cares about and fills the rest with plausible
Vietnamese values, so a test reads as the behaviour it checks.
"""

import itertools
from datetime import timedelta

from django.utils import timezone

from articles.models import Article, Organisation, Person, Province, Quote, Topic
from articles.text.slugs import slugify_vi

_counter = itertools.count(1)


def make_article(*, title=None, status=Article.Status.PUBLISHED, published_at=None, provinces=(), **fields):
    n = next(_counter)
    if published_at is None and status in (Article.Status.PUBLISHED, Article.Status.SCHEDULED):
        # Distinct, recent times: later builders make slightly older articles.
        published_at = timezone.now() - timedelta(seconds=n)
    article = Article.objects.create(
        title=title or f"Tin số {n}: Đối thoại với nhân dân",
        lead=fields.pop("lead", "Lãnh đạo tỉnh đối thoại với người dân về đất đai."),
        body=fields.pop("body", "## Lắng nghe dân\n\nBuổi đối thoại diễn ra sôi nổi."),
        status=status,
        published_at=published_at,
        **fields,
    )
    if provinces:
        article.provinces.set([province(p) if isinstance(p, str) else p for p in provinces])
    return article


def province(slug) -> Province:
    return Province.objects.get(slug=slug)


def make_person(name="Lê Văn Nưng", **fields) -> Person:
    return Person.objects.create(name=name, slug=fields.pop("slug", slugify_vi(name) + f"-{next(_counter)}"), **fields)


def make_organisation(name=None, **fields) -> Organisation:
    name = name or f"Hội Nông dân xã {next(_counter)}"
    fields.setdefault("slug", slugify_vi(name))
    # The reference data already holds every province's standard bodies (UBND, HĐND, Tỉnh ủy …):
    # naming one gives that row, with the fields the test asks for.
    return Organisation.objects.update_or_create(name=name, defaults=fields)[0]


def make_topic(name=None) -> Topic:
    name = name or f"Chủ đề {next(_counter)}"
    return Topic.objects.create(name=name, slug=slugify_vi(name))


def make_quote(article, text="Dân là gốc", **fields) -> Quote:
    return Quote.objects.create(article=article, text=text, **fields)
