"""Drop article_search_trgm, the trigram index on search_text (PostgreSQL).

Near misses (a typo: no exact match) are scored over the newest
articles.search.NEAR_CANDIDATES articles directly, newest first, so no
query reads the index any more; a typo of common words is near nearly
every article, and the index narrowed nothing. Keeping it cost every
insert of an article a trigram entry for each distinct trigram of its
text (0.6–1.0 ms of server CPU; docs/import-benchmark.md). pg_trgm
stays installed: word_similarity() is still what scores near misses.
"""

from django.db import migrations

TRIGRAM_INDEX = "article_search_trgm"


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}")


def create_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {TRIGRAM_INDEX} ON articles_article USING gin (search_text gin_trgm_ops)"
        )


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_perf_indexes")]

    operations = [
        migrations.RunPython(drop_trigram_index, create_trigram_index, elidable=False),
    ]
