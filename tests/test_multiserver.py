"""Two stateless app servers, one PostgreSQL, one Redis.

Starts two gunicorn servers on different ports against the test database
and a Redis database of its own, signs in through the first, publishes a
draft through the first's admin, and checks that the second serves it at
once: its cached front page was invalidated through the shared cache, and
the editor's session is valid on both servers.
"""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection

from articles.models import Article
from articles.reference import REFERENCE_FIXTURES
from tests.factories import make_article

ROOT = Path(__file__).resolve().parents[1]
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/7")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _redis_answers() -> bool:
    host, port = urllib.parse.urlsplit(REDIS_URL).hostname, urllib.parse.urlsplit(REDIS_URL).port or 6379
    try:
        with socket.create_connection((host, port), timeout=2) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def _database_url() -> str:
    db = settings.DATABASES["default"]
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Server:
    def __init__(self, environ):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "newsroom.wsgi", "--workers", "1", "--bind", f"127.0.0.1:{self.port}",
             "--log-level", "warning"],
            cwd=ROOT, env=environ,
        )

    def wait(self):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/healthz", timeout=2).read()
                return
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError("gunicorn exited") from None
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not start on {self.url}")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


class Browser:
    """Just enough of a browser: cookies, forms with their CSRF token."""

    def __init__(self):
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, url):
        try:
            with self.opener.open(url, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def post_form(self, url, data):
        _, page = self.get(url)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True).encode()
        request = urllib.request.Request(url, data=body, headers={"Referer": url})
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


@pytest.fixture
def two_servers(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("two app servers share one PostgreSQL: this runs in the PostgreSQL pass")
    if not _redis_answers():
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis is required in CI and does not answer at {REDIS_URL}")
        pytest.skip(f"Redis does not answer at {REDIS_URL}")
    call_command("loaddata", *REFERENCE_FIXTURES, verbosity=0)
    environ = {
        **os.environ, "DATABASE_URL": _database_url(), "REDIS_URL": REDIS_URL,
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
