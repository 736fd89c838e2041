"""Session fixtures: one strict build of the real site, a local server for it, and Chromium."""

from __future__ import annotations

import functools
import os
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.paths import MKDOCS_YML, ROOT


@dataclass(frozen=True)
class Build:
    returncode: int
    output: str  # stdout + stderr of `mkdocs build`
    site: Path
    seconds: float


def mkdocs_build(config: Path, site_dir: Path, env: dict[str, str] | None = None, tool: str = "mkdocs", strict: bool = True) -> Build:
    """Run the real CLI, strict and not quiet (quiet mode would drop the warnings strict counts).
    ``tool="properdocs"`` builds with ProperDocs, the maintained MkDocs 1.x fork; ``strict=False``
    builds as `mkdocs serve` does."""
    started = time.perf_counter()
    proc = subprocess.run(
        # -f relative to the working directory, as contributors type it (the hooks must resolve it).
        [sys.executable, "-m", tool, "build", *(["--strict"] if strict else []), "-f", config.name, "-d", str(site_dir)],
        cwd=config.parent,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        capture_output=True,
        text=True,
    )
    return Build(proc.returncode, proc.stdout + proc.stderr, site_dir, time.perf_counter() - started)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def site_origin() -> str:
    return f"http://127.0.0.1:{free_port()}"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_origin) -> Build:
    """The project's site, built once with site_url pointing at the test server."""
    return mkdocs_build(MKDOCS_YML, tmp_path_factory.mktemp("site") / "site", {"SITE_URL": site_origin + "/"})


@pytest.fixture(scope="session")
def site(built_site) -> Path:
    assert built_site.returncode == 0, built_site.output
    return built_site.site


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def served_site(site, site_origin):
    """Serve the built site like a static host, on the port its site_url names."""
    port = int(site_origin.rsplit(":", 1)[1])
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site_origin
    server.shutdown()
    server.server_close()


# Debian's chromium by default; CHROMIUM=/usr/bin/google-chrome on hosts that ship Chrome instead
# (GitHub's Ubuntu runners, where the chromium package is only a snap wrapper).
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Chromium itself (not the page) tries Google hosts even with the flags above; resolve nothing
    # but loopback so a test can never reach the network.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium), `sudo apt-get install chromium`, or set CHROMIUM to a Chromium or Chrome binary")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, served_site):
    """A fresh desktop-sized page that records every request it (and its workers) makes."""
    # No service worker (tests/browser/test_offline.py tests it): its saving of pages after load
    # would add requests that tests counting a page's own requests must not see.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN", service_workers="block")
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    pg = context.new_page()
    pg.requests = requests
    yield pg
    context.close()




def pytest_collection_finish(session):
    """A full run must collect tests from every test folder: a folder silently skipped (pytest
    ignores folders named "build" by default) would let a whole class of checks stop running."""
    if session.config.args != [str(ROOT / "tests")] and session.config.args != ["tests"]:
        return  # a partial run chosen by the caller
    folders = {Path(item.fspath).parent.name for item in session.items}
    missing = {"unit", "content", "build", "browser"} - folders  # tests/js runs under node --test
    if missing:
        raise pytest.UsageError(f"no tests collected from tests/{', tests/'.join(sorted(missing))}")
