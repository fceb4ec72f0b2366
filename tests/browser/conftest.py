"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live_server.

Chromium comes from apt (scripts/install_chromium.sh); Playwright never downloads a browser.
Without an executable at AVP_CHROMIUM (default /usr/bin/chromium) every browser test is
skipped, with the reason in pytest's summary.
Django's ORM is used from the Playwright thread, so these tests (only these) set
DJANGO_ALLOW_ASYNC_UNSAFE.
"""

import os
import re
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("AVP_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(os.environ.get("AVP_SCREENSHOT_DIR", "artifacts/screenshots"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


CHROMIUM_MISSING = (
    f"no Chromium at {CHROMIUM}: install Debian's chromium (scripts/install_chromium.sh) or "
    "set AVP_CHROMIUM=/path/to/chromium"
)


def chromium_missing():
    return not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK))


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    missing = chromium_missing()
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            if missing:
                item.add_marker(pytest.mark.skip(reason=CHROMIUM_MISSING))


@pytest.fixture(scope="session")
def _serialized_test_db(django_db_setup, django_db_blocker):
    """The test database's serialized contents (root page, default site, locale)."""
    from django.db import connection

    return getattr(connection, "_test_serialized_contents", None)


@pytest.fixture(autouse=True)
def _wagtail_baseline(request, _serialized_test_db):
    """Make sure a transactional browser test starts with Wagtail's root page and site.

    serialized_rollback=True restores them from the serialized test database. Django looks
    for that data on the connection object, and once Playwright's event loop has run in this
    thread the test can get a fresh connection object without it (seen when ordinary
    tests ran first): then restore it here, exactly as Django would have.
    """
    if "live_server" not in request.fixturenames or _serialized_test_db is None:
        return
    from django.db import connection
    from wagtail.models import Site

    if not hasattr(connection, "_test_serialized_contents"):
        connection._test_serialized_contents = _serialized_test_db
    if not Site.objects.exists():
        connection.creation.deserialize_db_from_string(_serialized_test_db)


@pytest.fixture(scope="session")
def chromium():
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    if chromium_missing():
        pytest.skip(CHROMIUM_MISSING)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server):
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 1200, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def screenshot(page, name):
    """Save a full-page screenshot under AVP_SCREENSHOT_DIR (CI keeps the folder)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^\w.-]+", "-", name)
    page.screenshot(path=str(SCREENSHOTS / f"{safe}.png"), full_page=True)
