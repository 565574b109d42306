"""Shared fixtures for the browser tests: one chromium per session, and a static
file server on 127.0.0.1. (Keep this file small; others may add fixtures.)"""
from __future__ import annotations

import functools
import http.server
import os
import threading

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright; fails (never skips) when it is missing."""
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `python3 tasks.py test` (installs chromium and "
                    f"fonts-noto-cjk with apt) or `apt-get install chromium fonts-noto-cjk`")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def serve():
    """serve(directory) -> 'http://127.0.0.1:PORT/' for a threaded static server (random free port)."""
    servers = []

    def start(directory) -> str:
        handler = functools.partial(_QuietHandler, directory=str(directory))
        srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        servers.append(srv)
        return f"http://127.0.0.1:{srv.server_address[1]}/"

    yield start
    for srv in servers:
        srv.shutdown()
        srv.server_close()


@pytest.fixture(autouse=True)
def _extract_cache(tmp_path_factory, monkeypatch):
    """Each test gets its own empty extraction cache (never the project's .cache/extract/),
    so a test's fake extractor can never leave figures for a later build to trust."""
    monkeypatch.setenv("DASHBOARD_CACHE_DIR", str(tmp_path_factory.mktemp("extract-cache")))
