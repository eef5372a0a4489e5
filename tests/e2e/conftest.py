"""End-to-end fixtures: the app served on 127.0.0.1 and Debian's Chromium driven by Playwright.

Chromium is the system's (``/usr/bin/chromium``, installed by ./test); Playwright never downloads a
browser. Every page a test opens is watched: a Content-Security-Policy violation, a console error or
a request to any other host fails the test. Screenshots go to ``test-artifacts/screenshots``.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import uvicorn

from orchardist.services.network import Network, open_network
from orchardist.web.app import create_app

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
AXE = Path(__file__).resolve().parents[1] / "web" / "vendor" / "axe-core-4.14.1.min.js"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
# What a screenshot is called at each width: ``people-desktop.png``, ``people-phone.png``.
WIDTH_NAMES = {DESKTOP["width"]: "desktop", PHONE["width"]: "phone"}
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class LiveServer:
    url: str
    network: Network


@pytest.fixture
def live_network(tmp_path: Path, sqlite_template: Path) -> Iterator[Network]:
    path = tmp_path / "e2e.sqlite3"
    shutil.copyfile(sqlite_template, path)  # migrated once a worker, not once a test
    network = open_network(str(path))
    yield network
    network.close()


@pytest.fixture
def live_server(live_network: Network) -> Iterator[LiveServer]:
    """The app on a free port of 127.0.0.1, in a thread, stopped after the test."""
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(live_network), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the app did not start")
        time.sleep(0.02)
    yield LiveServer(url=f"http://127.0.0.1:{port}", network=live_network)
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: ./test installs it (apt-get install -y chromium)")
    from playwright.sync_api import expect, sync_playwright

    # The same patience as the pages' own timeout: CI's two cores may be busy with other tests.
    expect.set_options(timeout=10_000)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Watch:
    """What a page did that it must not: CSP violations, errors, requests to other hosts.

    ``expected`` lists HTTP statuses the test provokes on purpose (a 404 page, a form answered
    400): Chromium logs each as a console error, which is then not a problem.
    """

    origin: str
    expected: tuple[int, ...] = ()
    problems: list[str] = field(default_factory=list)

    def allow(self, status: int) -> None:
        """The test is about to provoke ``status`` (a refused form answers 400)."""
        self.expected = (*self.expected, status)

    def check(self) -> None:
        assert self.problems == [], "\n".join(self.problems)


def watch(page: object, origin: str, expected: tuple[int, ...] = ()) -> Watch:
    from playwright.sync_api import ConsoleMessage, Page, Request

    assert isinstance(page, Page)
    seen = Watch(origin, expected)

    def on_console(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            seen.problems.append(f"console {message.type}: {message.text} {message.location}")
        elif message.type == "error" and not any(
            f"status of {status} " in message.text for status in seen.expected
        ):
            where = message.location.get("url", "")
            seen.problems.append(f"console {message.type}: {message.text} {where}".rstrip())

    def on_request(request: Request) -> None:
        if not request.url.startswith((origin, "data:", "blob:")):
            seen.problems.append(f"request to another host: {request.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: seen.problems.append(f"page error: {error}"))
    page.on("request", on_request)
    return seen


def check_accessibility(page: object) -> None:
    """Run axe-core (WCAG 2.1 A and AA) on the page; any violation fails with its details.

    axe is evaluated through the DevTools protocol, not added as an inline script: the app's CSP
    (rightly) refuses inline scripts, and the check must not weaken it.
    """
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG
    )
    violations = [
        f"{item['id']} ({item['impact']}): {item['help']} — "
        + "; ".join(
            node["target"][0] if isinstance(node["target"][0], str) else str(node["target"])
            for node in item["nodes"][:5]
        )
        for item in result["violations"]
    ]
    assert violations == [], f"axe found WCAG 2.1 A/AA violations on {page.url}:\n" + "\n".join(violations)


def screenshot(page: object, name: str) -> Path:
    """The whole page as ``<name>-desktop.png`` or ``<name>-phone.png`` (other widths: ``-<n>px``)."""
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"] if page.viewport_size else 0
    path = ARTIFACTS / f"{name}-{WIDTH_NAMES.get(width, f'{width}px')}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@dataclass
class Visitor:
    """Opens pages of the live app in fresh browser contexts, each watched for what must not happen.

    Every page opened is checked when the test ends, so no test can forget to look.
    """

    browser: object
    origin: str
    contexts: list[object] = field(default_factory=list)
    watches: list[Watch] = field(default_factory=list)

    def open(
        self,
        path: str = "/",
        *,
        viewport: dict[str, int] = DESKTOP,
        language: str | None = None,
        status: int = 200,
    ) -> tuple[object, Watch]:
        """A new page at ``path`` (which must answer ``status``) and what watches it."""
        from playwright.sync_api import Browser

        assert isinstance(self.browser, Browser)
        context = self.browser.new_context(
            base_url=self.origin, viewport=viewport, accept_downloads=True, locale="en-CA"
        )
        if language:
            context.add_cookies([{"name": "orchardist_lang", "value": language, "url": self.origin}])
        # Every page of a local app answers in milliseconds; waiting 30 s only slows a failure down.
        context.set_default_timeout(10_000)
        self.contexts.append(context)
        page = context.new_page()
        seen = watch(page, self.origin, (status,) if status >= 400 else ())
        self.watches.append(seen)
        response = page.goto(path)
        assert response is not None and response.status == status, f"{path} answered {response}"
        return page, seen

    def close(self) -> None:
        from playwright.sync_api import BrowserContext

        for context in self.contexts:
            assert isinstance(context, BrowserContext)
            context.close()
        for seen in self.watches:
            seen.check()


@pytest.fixture
def visit(browser: object, live_server: LiveServer) -> Iterator[Visitor]:
    """Pages of the live app; CSP violations, console errors and third-party requests fail the test."""
    visitor = Visitor(browser, live_server.url)
    yield visitor
    visitor.close()
