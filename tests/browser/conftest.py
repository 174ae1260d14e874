"""Real Chromium, driven by Playwright, against Django's live server.

Debian's chromium is used (Playwright's own browser download does not work
offline). Without it the browser tests are skipped with a reason, except
under CI=true, where a missing browser is a failure.
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Background networking is off: the machine has no internet, and Chromium
# otherwise retries its update and metrics hosts at every start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        if os.environ.get("CI") == "true":
            pytest.fail(f"Chromium is required in CI and was not found at {CHROMIUM}")
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django refuses
    # ORM calls from a thread with a running loop unless told it is safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture(autouse=True)
def reference_data(request):
    """Transactional tests start from an emptied database: load the reference data again."""
    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames:
        from django.core.management import call_command

        from articles.reference import REFERENCE_FIXTURES

        request.getfixturevalue("transactional_db")
        call_command("loaddata", *REFERENCE_FIXTURES, verbosity=0)


@pytest.fixture(autouse=True)
def collected_static_files(monkeypatch):
    """Serve /static/ from STATIC_ROOT, as WhiteNoise does in production.

    Pages name hashed files (ManifestStaticFilesStorage) that only exist
    after collectstatic (tests/conftest.py runs it); the live server's static
    handler looks in the source folders and would answer 404, so pages would
    be tested unstyled and without their scripts.
    """
    from django.conf import settings
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.views.static import serve

    def serve_collected(self, request):
        return serve(request, self.file_path(request.path), document_root=settings.STATIC_ROOT)

    monkeypatch.setattr(StaticFilesHandler, "serve", serve_collected)
