"""The seed articles: articles/fixtures/sources/*.txt imported, published, dumped.

A new installation shows real articles from its first start. They are not
typed into a fixture: the seed fixture is what the importer makes of the
source texts, built on an empty database so that it comes out the same,
byte for byte, every time (a test holds it to that). Times that would
otherwise be "now" are fixed:

- an article is published at its text's dateline; an undated text at
  UNDATED_FROM plus one day per place it has in the sorted file list
  (the first file 1 January 2024 08:00, the second 2 January …);
- the import time, and the rows' created and updated times, are SEEDED_AT.
"""

import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from django.core import serializers
from django.db import transaction

from articles.importing import Importer, source_files
from articles.models import Article, Organisation, Person, Quote, SourceText

SOURCES_DIR = Path(__file__).resolve().parent / "fixtures" / "sources"
ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
UNDATED_FROM = datetime.datetime(2024, 1, 1, 8, 0, tzinfo=ZONE)
SEEDED_AT = datetime.datetime(2025, 11, 1, 8, 0, tzinfo=ZONE)


class SeedError(Exception):
    pass


def import_seeds(sources_dir: Path = SOURCES_DIR) -> list:
    """Import the seed texts, published, with the fixed times above; the ImportResults."""
    importer = Importer(publish=True, now=SEEDED_AT)
    results = []
    with transaction.atomic():
        for position, path in enumerate(source_files([sources_dir])):
            importer.undated_published_at = UNDATED_FROM + datetime.timedelta(days=position)
            result = importer.import_source(path.read_bytes(), file_name=path.name)
            if result.failed:
                raise SeedError(result.message())
            results.append(result)
        Article.objects.filter(pk__in=[r.article.pk for r in results]).update(
            created_at=SEEDED_AT, updated_at=SEEDED_AT)
    return results


def seed_fixture(sources_dir: Path = SOURCES_DIR) -> str:
    """The seed fixture's JSON. Run on a database holding only the reference data."""
    if Article.objects.exists():
        raise SeedError("the database already has articles; the seed fixture is built on an empty one")
    known_organisations = set(Organisation.objects.values_list("pk", flat=True))
    known_people = set(Person.objects.values_list("pk", flat=True))
    results = import_seeds(sources_dir)
    articles = [r.article.pk for r in results]
    objects = [
        *Person.objects.exclude(pk__in=known_people).order_by("slug"),
        *Organisation.objects.exclude(pk__in=known_organisations).order_by("slug"),
        *Article.objects.filter(pk__in=articles).order_by("pk"),
        *Quote.objects.filter(article__in=articles).order_by("article", "position", "pk"),
        *SourceText.objects.filter(article__in=articles).order_by("article"),
    ]
    return serializers.serialize("json", objects, indent=1, use_natural_foreign_keys=True,
                                 use_natural_primary_keys=True) + "\n"
