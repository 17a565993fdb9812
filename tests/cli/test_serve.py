"""`orgeval serve`: the application for a browser, on this machine's address unless
`--public` says another address is meant."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from orgeval_tui.cli.serve import is_loopback


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("127.0.0.2", True),
     ("0.0.0.0", False), ("192.168.1.20", False), ("::", False), ("office-server", False)],
)  # fmt: skip
def test_only_this_machines_addresses_count_as_loopback(host, loopback):
    assert is_loopback(host) is loopback


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20"])
def test_another_address_is_refused_without_public(cli, tmp_path, host):
    done = cli("--db", str(tmp_path / "o.db"), "serve", "--host", host, "--port", "1")
    assert done.code == 1 and host in done.err and "--public" in done.err


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_application_page_is_served_on_this_machine(tmp_path):
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "orgeval_tui", "--db", str(tmp_path / "o.db"), "serve",
         "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        page = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and page is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as answer:
                    page = (answer.status, answer.read().decode("utf-8"))
            except OSError:
                time.sleep(0.3)
        assert page is not None, server.stderr.read() if server.poll() is not None else ""
        status, html = page
        assert status == 200 and "orgeval" in html and "ws" in html
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_the_served_application_needs_no_terminal_but_a_pipe_still_does(monkeypatch):
    from orgeval_tui.cli.common import WEB_DRIVER, require_terminal
    from orgeval_tui.domain.errors import UserError

    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    with pytest.raises(UserError):
        require_terminal()  # pytest's stdin is not a terminal
    monkeypatch.setenv("TEXTUAL_DRIVER", WEB_DRIVER)
    require_terminal()
