"""PostgreSQL keeps the statements a page runs again and again prepared (newsroom.env.database).

Parameters are bound by the server and psycopg prepares a statement on its
fifth run on a connection, so a page read many times costs the database no
parsing or planning after the first few. A pooler in transaction mode needs
DATABASE_PREPARED_STATEMENTS=0 (docs/deployment.md).
"""

import pytest
from django.db import connection

from tests.factories import make_article

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif("connection.vendor != 'postgresql'", reason="prepared statements are PostgreSQL's; runs in the PostgreSQL pass of CI"),
]


def prepared_statements() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements WHERE NOT from_sql")
        return [row[0] for row in cursor.fetchall()]


def test_an_article_page_read_again_runs_prepared_statements(client, monkeypatch):
    from articles import caching

    monkeypatch.setattr(caching, "PAGE_TIMEOUT", 0)  # each request reaches the database
    article = make_article(title="Thanh Hóa đối thoại với nông dân")
    assert connection.features.uses_server_side_binding
    for _ in range(6):
        assert client.get(article.get_absolute_url()).status_code == 200
    # The article is read by its address: that statement, run six times, is now prepared.
    assert any('"articles_article"."slug" = $' in statement for statement in prepared_statements())
