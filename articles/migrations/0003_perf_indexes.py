"""Indexes for the public pages at archive size (docs/performance.md).

- article_public_newest: (published_at DESC, id DESC) over public articles
  only. It holds exactly the public lists' sort key, so a list's count and
  the boundary of a deep page (articles.pagination) are index-only scans.
- PostgreSQL only: search_document, a stored generated tsvector column,
  to_tsvector('simple', search_text), with its GIN index. search() tests
  rows against it while walking the newest-first index; parsing search_text
  again for every row tested (what the expression index of 0002 needed for
  anything beyond the index scan itself) cost about a millisecond a row.
  The expression index of 0002 is dropped: nothing queries the expression
  any more. The column is not a model field (SQLite has no tsvector), so
  makemigrations never sees it; articles.search reads it by name.
"""

from django.db import migrations, models

DOCUMENT_SQL = (
    "ALTER TABLE articles_article ADD COLUMN search_document tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, COALESCE(search_text, ''))) STORED"
)


def add_search_document(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(DOCUMENT_SQL)
    schema_editor.execute("CREATE INDEX article_search_document ON articles_article USING gin (search_document)")
    schema_editor.execute("DROP INDEX IF EXISTS article_search_fts")


def drop_search_document(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "CREATE INDEX article_search_fts ON articles_article "
        "USING gin (to_tsvector('simple'::regconfig, COALESCE(search_text, '')))"
    )
    schema_editor.execute("ALTER TABLE articles_article DROP COLUMN search_document")


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_search")]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(("status__in", ("published", "scheduled"))),
                fields=["-published_at", "-id"],
                name="article_public_newest",
            ),
        ),
        migrations.RunPython(add_search_document, drop_search_document, elidable=False),
    ]
