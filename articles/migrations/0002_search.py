"""Search indexes for PostgreSQL; nothing on SQLite.

search_text is already unaccented and lower case (articles.text.normalise.
search_key), and search() folds the query with the same function in Python,
so neither side needs the unaccent extension: only pg_trgm is installed.

- article_search_fts: GIN on to_tsvector('simple', search_text), the exact
  expression search() matches with plainto_tsquery('simple', …). 'simple'
  neither stems nor drops stop words: right for Vietnamese syllables.
- article_search_trgm: GIN trigram index on search_text, for the near-miss
  fallback (search_text %> query, word similarity).

The indexes live only in the database, not in the model's Meta, because
SQLite cannot build them; makemigrations therefore never sees them.
"""

from django.db import migrations

FTS_INDEX = "article_search_fts"
TRIGRAM_INDEX = "article_search_trgm"


def _indexes():
    from django.contrib.postgres.indexes import GinIndex, OpClass
    from django.contrib.postgres.search import SearchVector

    return [
        GinIndex(SearchVector("search_text", config="simple"), name=FTS_INDEX),
        GinIndex(OpClass("search_text", name="gin_trgm_ops"), name=TRIGRAM_INDEX),
    ]


def create_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    article = apps.get_model("articles", "Article")
    for index in _indexes():
        schema_editor.add_index(article, index)


def drop_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    article = apps.get_model("articles", "Article")
    for index in _indexes():
        schema_editor.remove_index(article, index)


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [
        migrations.RunPython(create_search_indexes, drop_search_indexes, elidable=False),
    ]
