"""Fixtures: a fresh database on every backend under test, and an isolated user profile.

DB tests run on SQLite always and on PostgreSQL when ORGEVAL_TEST_PG_URL names a server
(`.ci/run` starts one); without it the PostgreSQL cases are skipped, never faked.
"""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from orgeval_tui.i18n import set_language
from orgeval_tui.storage.database import Database

PG_URL_ENV = "ORGEVAL_TEST_PG_URL"
BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(autouse=True)
def isolated_profile(tmp_path_factory, monkeypatch):
    """Keep tests away from the real user's data and config dirs and environment."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("ORGEVAL_DB", raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("ORGEVAL_LANG", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    set_language("en")
    yield
    set_language("en")


class PostgresServer:
    def __init__(self, url: str):
        self.url = make_url(url)
        self._admin = create_engine(self.url, isolation_level="AUTOCOMMIT")

    def create(self) -> str:
        name = f"t_{uuid.uuid4().hex[:12]}"
        with self._admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        return self.url.set(database=name).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        name = make_url(url).database
        with self._admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def postgres_server():
    url = os.environ.get(PG_URL_ENV)
    if not url:
        return None
    return PostgresServer(url)


@pytest.fixture
def database_url(request, tmp_path, postgres_server):
    """A URL for an empty database; parametrise tests with ``backend``."""
    backend = getattr(request, "param", "sqlite")
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'orgeval.db'}"
        return
    if postgres_server is None:
        pytest.skip(f"PostgreSQL: set {PG_URL_ENV} to run (.ci/run does)")
    url = postgres_server.create()
    yield url
    postgres_server.drop(url)


def pytest_generate_tests(metafunc):
    if "database_url" in metafunc.fixturenames and "backend" not in metafunc.fixturenames:
        marker = metafunc.definition.get_closest_marker("sqlite_only")
        backends = ("sqlite",) if marker else BACKENDS
        metafunc.parametrize("database_url", backends, indirect=True, ids=list(backends))


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only: a test of SQLite's own behaviour")


@pytest.fixture
def database(database_url):
    db = Database.open(database_url)
    yield db
    db.dispose()


class CliResult:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err

    def json(self):
        import json

        return json.loads(self.out)


@pytest.fixture
def cli(capsys, monkeypatch):
    """Run `orgeval ARGS...` in this process, as the console script would."""
    from orgeval_tui import cli as cli_module

    def run(*args: str) -> CliResult:
        monkeypatch.setattr("sys.argv", ["orgeval", *args])
        capsys.readouterr()
        code = 0
        try:
            cli_module.main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """The pilot demo database, built once per run (it takes seconds)."""
    from orgeval_tui.demo.loader import open_demo_database

    path = tmp_path_factory.mktemp("demo-template") / "demo.db"
    open_demo_database(path=path).dispose()
    return path


@pytest.fixture(scope="session")
def practice_files(tmp_path_factory):
    """The folder `orgeval demo --files` writes: the pilot's files and load.sh."""
    from orgeval_tui.demo.practice_files import write_practice_files

    folder = tmp_path_factory.mktemp("practice") / "试点文件"
    write_practice_files(folder)
    return folder


@pytest.fixture(scope="session")
def loaded_by_script(practice_files, tmp_path_factory):
    """A fresh database loaded by the folder's load.sh, `orgeval` being this checkout."""
    import subprocess
    import sys

    path = tmp_path_factory.mktemp("loaded") / "pilot.db"
    environment = {
        **os.environ,
        "ORGEVAL": f"{sys.executable} -m orgeval_tui",
        "ORGEVAL_DB": str(path),
        "LANG": "en_US.UTF-8",
        # ~70 commands: keep their bytecode, as an installed orgeval has it (halves the time).
        "PYTHONPYCACHEPREFIX": str(tmp_path_factory.mktemp("pycache")),
    }
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    done = subprocess.run(
        ["sh", str(practice_files / "load.sh")],
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return path


@pytest.fixture
def demo_db(demo_template, tmp_path):
    """A private copy of the demo database: a test may change it freely."""
    import shutil

    path = tmp_path / "demo.db"
    shutil.copyfile(demo_template, path)
    return path


@pytest.fixture
def office(database):
    """Three units and the 2021 evaluation (problem numbers 2021-NNN), on every backend."""
    from tests.office import build_office

    return build_office(database)


@pytest.fixture
def run(cli, office):
    """`orgeval --db <office> ARGS...`, in English unless ``--lang`` comes first."""

    def invoke(*args: str, lang: str = "en"):
        return cli("--db", office.url, "--lang", lang, *args)

    return invoke


@pytest.fixture
def actor(monkeypatch, request):
    """Act as a named evaluator: the audit trail and the ledger's events both say so, in
    worker threads too (the OS account is what ``current_actor`` falls back on). In the
    test's ``database`` the name gets ``role`` first (given by the account running the
    tests, its admin)."""

    def become(name: str, role: str = "admin", db=None) -> None:
        from tests.office import team

        if db is not None:
            team(db, name, role=role)
        elif "database" in request.fixturenames:
            team(request.getfixturevalue("database"), name, role=role)
        elif "demo_db" in request.fixturenames:
            database = Database.open(str(request.getfixturevalue("demo_db")))
            team(database, name, role=role)
            database.dispose()
        monkeypatch.setattr("orgeval_tui.domain.actor.os_account", lambda: name)

    return become


@pytest.fixture
def pin_today(monkeypatch):
    """Set the office's clock to noon of a day, for everything that asks for the time
    (worker threads included)."""
    from datetime import UTC, datetime, time

    from orgeval_tui.domain.clock import office_tz

    def pin(day) -> None:
        moment = datetime.combine(day, time(12), tzinfo=office_tz()).astimezone(UTC)
        monkeypatch.setattr("orgeval_tui.domain.clock.system_now", lambda: moment)

    return pin


@pytest.fixture(scope="session")
def offline_wheels():
    """orgeval and its dependencies as a folder of wheels for /usr/bin/python3, as made on
    a connected machine for an air-gapped server (README, "Offline install")."""
    import shutil

    from tests.os_accounts import build_wheel_folder, shared_temporary_folder, unavailable

    if reason := unavailable():
        pytest.skip(reason)
    folder = shared_temporary_folder("orgeval-wheels-")
    yield build_wheel_folder(folder / "wheels")
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def accounts_venv(offline_wheels):
    """A venv every OS account can run, installed from the wheel folder with no network."""
    import shutil

    from tests.os_accounts import install_offline, shared_temporary_folder

    folder = shared_temporary_folder("orgeval-venv-")
    yield install_offline(offline_wheels, folder / "venv")
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def os_accounts(accounts_venv):
    """Throwaway OS users and groups (tests/os_accounts.py), removed after the test."""
    import shutil

    from tests.os_accounts import Accounts, shared_temporary_folder

    homes = shared_temporary_folder("orgeval-homes-")
    accounts = Accounts(venv=accounts_venv, homes=homes)
    yield accounts
    accounts.remove()
    shutil.rmtree(homes, ignore_errors=True)
