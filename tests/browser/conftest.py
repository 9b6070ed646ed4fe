"""
Fixtures for browser tests: Debian's Chromium driven by Playwright, against
the development host served by pytest-django's ``live_server``.

Nothing is downloaded: Playwright drives the system browser at
``/usr/bin/chromium``. A test marked ``browser`` typically::

    @pytest.mark.browser
    def test_something(demo_site, logged_in_page, axe_check, js_errors):
        page = logged_in_page("marco")
        page.goto("/courses/course-v1:VETNet+CoVP+2026/")
        axe_check(page)
        assert js_errors == []
"""
import os
import threading

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread

# Playwright's sync API runs an event loop in the test's thread; the database
# calls Django makes in that thread are still synchronous ones.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


class _OneRequestAtATime:
    """
    A WSGI application that answers one request at a time, the whole body
    included. The live server shares the test's in-memory SQLite connection
    with every request thread, and one sqlite3 connection used by two threads
    at once fails ("bad parameter or other API misuse"); a page that asks for
    two fragments at once would then see a 500 no user ever would.
    """

    def __init__(self, application):
        self.application = application
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self.lock:
            response = self.application(environ, start_response)
            try:
                return [b"".join(response)]
            finally:
                if hasattr(response, "close"):
                    response.close()


class _LiveServer(ThreadedWSGIServer):
    """Django's threaded live server; on a shared in-memory SQLite connection it serialises the requests."""

    def set_app(self, application):
        super().set_app(_OneRequestAtATime(application) if self.connections_override else application)


# On MariaDB the server keeps answering requests side by side, each on its own connection.
LiveServerThread.server_class = _LiveServer

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
# What the project promises: WCAG 2.1 at levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def browser():
    """
    One headless Chromium per test module: Playwright's sync API allows one
    running instance per thread, so a module that starts its own finds none left.
    """
    from playwright.sync_api import sync_playwright  # pylint: disable=import-outside-toplevel

    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (.ci/run does).")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab (own cookies) whose relative URLs go to the live host."""
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    yield context.new_page()
    context.close()


@pytest.fixture
def js_errors(page):
    """Uncaught JavaScript errors of the page, collected while the test runs."""
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


@pytest.fixture
def demo_site(transactional_db):  # pylint: disable=unused-argument
    """The course templates and the demo accounts, as ``make demo`` prepares them."""
    from devhost import demo  # pylint: disable=import-outside-toplevel

    courses, accounts = demo.load_demo()
    return {"courses": courses, "accounts": accounts, "password": demo.DEMO_PASSWORD}


@pytest.fixture
def log_in(page):
    """Log ``username`` in through the login form; returns the page on the dashboard."""
    from devhost import demo  # pylint: disable=import-outside-toplevel

    def _log_in(username, password=demo.DEMO_PASSWORD):
        page.goto("/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url("**/")
        return page

    return _log_in


@pytest.fixture
def logged_in_page(log_in):
    """``logged_in_page("marco")``: the page, logged in as a demo account."""
    return log_in


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe  # pylint: disable=import-outside-toplevel

    return Axe()


@pytest.fixture
def axe_check(axe):
    """Run axe-core on the page as it is now; fail with axe's report on any WCAG 2.1 A/AA violation."""

    def _check(page, context=None):
        results = axe.run(page, context=context, options={
            "runOnly": {"type": "tag", "values": WCAG_TAGS},
            "resultTypes": ["violations"],
        })
        assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"
        return results

    return _check
