"""Two stateless app servers, one PostgreSQL, one Redis.

Starts two gunicorn servers on different ports against the test database
and a Redis database of its own, signs in through the first, publishes a
draft through the first's admin, and checks that the second serves it at
once: its cached front page was invalidated through the shared cache, and
the editor's session is valid on both servers.
"""

import os
import uuid

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection

from articles.models import Article
from articles.reference import REFERENCE_FIXTURES
from tests.factories import make_article
from tests.servers import Browser, Server, database_url, redis_answers

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/7")


@pytest.fixture
def two_servers(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("two app servers share one PostgreSQL: this runs in the PostgreSQL pass")
    if not redis_answers(REDIS_URL):
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis is required in CI and does not answer at {REDIS_URL}")
        pytest.skip(f"Redis does not answer at {REDIS_URL}")
    call_command("loaddata", *REFERENCE_FIXTURES, verbosity=0)
    environ = {
        **os.environ, "DATABASE_URL": database_url(), "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": f"multiserver-{uuid.uuid4().hex}", "DEBUG": "0", "SECRET_KEY": "shared-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1", "STATIC_ROOT": str(settings.STATIC_ROOT),
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
    }
    servers = [Server(environ), Server(environ)]
    try:
        for server in servers:
            server.wait()
        yield servers
    finally:
        for server in servers:
            server.stop()


def test_publishing_through_one_server_shows_on_the_other_at_once(two_servers):
    first, second = two_servers
    get_user_model().objects.create_superuser("tongbientap", "tbt@example.com", "mật-khẩu-tòa-soạn-2025")
    draft = make_article(title="Khánh thành cầu Châu Đốc", status=Article.Status.DRAFT, provinces=["an-giang"])
    reader = Browser()

    # The second server caches a front page without the draft.
    assert draft.title not in reader.get(second.url + "/")[1]
    assert reader.get(second.url + draft.get_absolute_url())[0] == 404

    editor = Browser()
    status, _ = editor.post_form(first.url + "/admin/login/?next=/admin/",
                                 {"username": "tongbientap", "password": "mật-khẩu-tòa-soạn-2025", "next": "/admin/"})
    assert status == 200 and editor.get(first.url + "/admin/")[0] == 200
    # One session, valid on both servers: it lives in the shared cache and the database.
    assert editor.get(second.url + "/admin/articles/article/")[0] == 200

    status, _ = editor.post_form(first.url + "/admin/articles/article/",
                                 {"action": "publish_selected", "_selected_action": [draft.pk], "index": "0"})
    assert status == 200
    draft.refresh_from_db()
    assert draft.is_published()

    front = reader.get(second.url + "/")[1]
    assert draft.title in front, "the second server's cached front page was not invalidated"
    status, page = reader.get(second.url + draft.get_absolute_url())
    assert status == 200 and draft.title in page
