"""Under load the site answers every request: wrk against gunicorn, no errors, no 5xx.

Two gunicorn workers serve the test database; wrk holds 64 connections
open for LOAD_SECONDS (30 by default) on the front page and on an article
page. Needs PostgreSQL (gunicorn cannot see SQLite's in-memory test
database), so it runs in the PostgreSQL pass; the figures of a run are in
docs/reliability.md.
"""

import os
import re
import shutil
import subprocess

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from articles.reference import REFERENCE_FIXTURES
from tests.factories import make_article
from tests.servers import Server, database_url

LOAD_SECONDS = int(os.environ.get("LOAD_SECONDS", 30))


def run_wrk(url):
    out = subprocess.run(["wrk", "-t2", "-c64", f"-d{LOAD_SECONDS}s", "--timeout", "10s", url],
                         capture_output=True, text=True, check=True, timeout=LOAD_SECONDS + 60).stdout
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return requests, int(non_2xx.group(1)) if non_2xx else 0, socket_errors.group(1) if socket_errors else None, out


@pytest.fixture
def server(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("gunicorn needs a database it can share: this runs in the PostgreSQL pass")
    if not shutil.which("wrk"):
        if os.environ.get("CI") == "true":
            pytest.fail("wrk is required in CI (apt-get install wrk)")
        pytest.skip("wrk is not installed (apt-get install wrk)")
    call_command("loaddata", *REFERENCE_FIXTURES, verbosity=0)
    environ = {**os.environ, "DATABASE_URL": database_url(), "DEBUG": "0", "SECRET_KEY": "load-" + "k" * 50,
               "ALLOWED_HOSTS": "127.0.0.1", "STATIC_ROOT": str(settings.STATIC_ROOT), "REDIS_URL": "",
               "DJANGO_SETTINGS_MODULE": "newsroom.settings"}
    app = Server(environ, workers=2)
    try:
        app.wait()
        yield app
    finally:
        app.stop()


def test_front_page_and_article_page_answer_every_request_under_load(server):
    articles = [make_article(title=f"Tin thời sự số {n}", provinces=["an-giang", "thanh-hoa"]) for n in range(60)]
    for path in ("/", articles[0].get_absolute_url()):
        requests, non_2xx, socket_errors, out = run_wrk(server.url + path)
        assert requests > 0, out
        assert non_2xx == 0, out
        assert socket_errors is None, out
