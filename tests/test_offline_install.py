"""Installing on an air-gapped server (README, "Offline install"): a folder of wheels made
on a connected machine, installed with pip into a fresh venv of the server's Python with no
network at all (its own network namespace), then used."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.os_accounts import install_offline, shared_temporary_folder


@pytest.fixture
def place():
    folder = shared_temporary_folder("orgeval-offline-")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_the_wheel_folder_holds_a_wheel_of_each_pinned_requirement(offline_wheels):
    """Wheels only: the server needs no compiler or build tool."""
    pinned = [
        line.split("==")[0].replace("-", "_").lower()
        for line in (offline_wheels / "requirements.txt").read_text().splitlines()
        if "==" in line
    ]
    wheels = [path.name.lower() for path in offline_wheels.glob("*.whl")]
    others = [path.name for path in offline_wheels.iterdir() if not path.name.endswith(".whl")]

    assert any(name.startswith("orgeval-") for name in wheels)
    assert pinned and all(any(w.startswith(f"{name}-") for w in wheels) for name in pinned)
    assert set(others) <= {"requirements.txt", ".gitignore"}, others


def test_pip_installs_from_the_wheel_folder_with_no_network(offline_wheels, place):
    venv = install_offline(offline_wheels, place / "venv", installer="pip")
    orgeval = str(venv / "bin" / "orgeval")
    database = str(place / "office.db")
    environment = {"PATH": "/usr/bin:/bin", "HOME": str(place), "ORGEVAL_LANG": "en"}

    def run(*argv: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["unshare", "-n", orgeval, *argv], env=environment, capture_output=True, text=True
        )

    helped = run("--help")
    added = run("--db", database, "units", "add", "县财政局")
    listed = run("--db", database, "units", "list")

    assert helped.returncode == 0 and "setup-shared" in helped.stdout, helped.stderr
    assert added.returncode == 0, added.stderr
    assert listed.returncode == 0 and "县财政局" in listed.stdout, listed.stderr
