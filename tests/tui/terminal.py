"""The real `orgeval` in a pseudo-terminal, as an evaluator's SSH session runs it: keys
written to it as a terminal sends them, what it draws read back, and an end as abrupt
as a killed process or a closed terminal."""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import threading
import time


def _controlling_terminal() -> None:
    """In the child: the pseudo-terminal becomes its controlling terminal, so closing
    the terminal hangs it up (SIGHUP), as `tmux kill-session` or a dropped SSH
    connection does. SIGHUP as a login session starts programs: not ignored, whatever
    the test run inherited."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)


def _controlling_terminal_hangup_ignored() -> None:
    """As ``_controlling_terminal``, started with SIGHUP ignored (``nohup orgeval``)."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)


class Terminal:
    def __init__(
        self, *args: str, size: tuple[int, int] = (80, 24), hangup_ignored: bool = False
    ) -> None:
        self.master, slave = os.openpty()
        columns, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        environment = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "orgeval_tui", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=environment,
            start_new_session=True,
            preexec_fn=(
                _controlling_terminal_hangup_ignored if hangup_ignored else _controlling_terminal
            ),
        )
        os.close(slave)
        self._output = bytearray()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        # select with a timeout, so that closing the terminal never waits on a read in
        # progress (a file being read is not released, and the hang-up would not come).
        while not self._stop.is_set():
            if not select.select([self.master], [], [], 0.05)[0]:
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            with self._lock:
                self._output += chunk

    def shown(self) -> str:
        with self._lock:
            return self._output.decode("utf-8", errors="replace")

    def wait_for(self, text: str, seconds: float = 20.0) -> None:
        """Until the application has drawn ``text``; fails naming it after ``seconds``."""
        deadline = time.monotonic() + seconds
        while text not in self.shown():
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise AssertionError(
                    f"{text!r} never shown; the screen's last output:\n{self.shown()[-2000:]}"
                )
            time.sleep(0.05)

    def forget_output(self) -> None:
        with self._lock:
            self._output.clear()

    def send(self, text: str) -> None:
        os.write(self.master, text.encode("utf-8"))

    def kill(self) -> None:
        """``kill -9``: no handler runs, nothing is flushed."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        self.close_master()

    def hang_up(self) -> int:
        """The terminal closed under the application (its master side gone): the kernel
        hangs up the session. The application's exit status."""
        self.close_master()
        try:
            return self.process.wait(timeout=10)
        finally:
            self.end()

    def close_master(self) -> None:
        self._stop.set()
        self._reader.join(timeout=5)
        if self.master is not None:
            os.close(self.master)
            self.master = None

    def end(self) -> None:
        """Whatever happened, no process is left behind."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        if self.master is not None:
            self.close_master()
