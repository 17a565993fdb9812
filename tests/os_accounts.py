"""Real OS accounts for tests: throwaway users and groups, and `orgeval` run as them.

The Python that uv uses here lives under root's home, which other accounts cannot reach,
so the accounts run an orgeval installed into a venv made from Debian's /usr/bin/python3
in a world-readable temporary folder. That venv is installed the way an air-gapped office
server is (README, "Offline install"): from a folder of wheels, with no network.

    accounts.group("office")                        # a new group, its real name returned
    accounts.make("evalA", groups=["office"])       # a new user in it (group made if new)
    done = accounts.run("evalA", "orgeval", "--db", db, "ledger", "ls", env={...})
    done.code, done.out, done.err

Names given to ``make`` and ``group`` are the test's own; the system's are unique per
session (``accounts.user_name("evalA")``, ``accounts.group_name("office")``), so parallel
runs never meet, and every account and group is removed at the end.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

SYSTEM_PYTHON = Path("/usr/bin/python3")
ROOT = Path(__file__).resolve().parents[1]


def unavailable() -> str | None:
    """Why tests with real OS accounts cannot run here; None when they can."""
    if os.geteuid() != 0:
        return "needs root to create OS accounts (CI runs as root: .ci/run)"
    if not SYSTEM_PYTHON.exists():
        return f"needs {SYSTEM_PYTHON} to build an environment other accounts can run"
    return None


def _run(argv: list[str], **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run(argv, capture_output=True, text=True, timeout=600, **kwargs)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, argv))} failed:\n{done.stdout}{done.stderr}")
    return done


def _without_package_settings() -> dict[str, str]:
    """The environment without this machine's pip and uv settings (extra indexes, find-links):
    an offline install must find everything in the wheel folder alone."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PIP_", "UV_", "VIRTUAL_ENV"))
    }
    environment["PIP_CONFIG_FILE"] = os.devnull
    environment["UV_NO_CONFIG"] = "1"
    return environment


def build_wheel_folder(folder: Path) -> Path:
    """What a connected machine makes for an air-gapped one: orgeval's wheel, the pinned
    requirements for the target Python (/usr/bin/python3), and a wheel of each."""
    folder.mkdir(parents=True, exist_ok=True)
    _run(["uv", "build", "--quiet", "--wheel", "--out-dir", str(folder), str(ROOT)])
    requirements = folder / "requirements.txt"
    _run(
        [
            "uv", "pip", "compile", "--quiet", "--python", str(SYSTEM_PYTHON),
            "--output-file", str(requirements), str(ROOT / "pyproject.toml"),
        ]
    )  # fmt: skip
    _run(
        [
            "uvx", "--python", str(SYSTEM_PYTHON), "pip", "download", "--quiet",
            "--only-binary", ":all:", "--dest", str(folder), "--requirement", str(requirements),
        ]
    )  # fmt: skip
    return folder


def install_offline(wheels: Path, venv: Path, *, installer: str = "uv") -> Path:
    """A fresh venv from /usr/bin/python3 with orgeval installed from ``wheels`` alone, in a
    network namespace of its own (``unshare -n``: no network at all). ``installer``: "uv"
    (fast, for the accounts' venv) or "pip" (what a server without uv has)."""
    environment = _without_package_settings()
    if installer == "pip":
        _run([str(SYSTEM_PYTHON), "-m", "venv", str(venv)], env=environment)
        install = [str(venv / "bin" / "pip"), "install", "--quiet", "--no-index"]
    else:
        _run(["uv", "venv", "--quiet", "--python", str(SYSTEM_PYTHON), str(venv)], env=environment)
        install = [
            "uv",
            "pip",
            "install",
            "--quiet",
            "--offline",
            "--no-index",
            "--compile-bytecode",
        ]
        install += ["--python", str(venv / "bin" / "python")]
    _run(["unshare", "-n", *install, "--find-links", str(wheels), "orgeval"], env=environment)
    return venv


@dataclass
class Result:
    code: int
    out: str
    err: str


@dataclass
class Accounts:
    """Throwaway OS users and groups, and commands run as them; ``remove()`` undoes all."""

    venv: Path
    homes: Path
    token: str = field(default_factory=lambda: uuid.uuid4().hex[:6])
    _users: dict[str, str] = field(default_factory=dict)
    _groups: dict[str, str] = field(default_factory=dict)

    def _system_name(self, name: str) -> str:
        # useradd: lower case, at most 32 characters, starting with a letter.
        return f"oe{self.token}{name.lower()}"[:32]

    def group(self, name: str) -> str:
        """A new group (once per name); its system name."""
        if name not in self._groups:
            system = self._system_name(name)
            _run(["groupadd", system])
            self._groups[name] = system
        return self._groups[name]

    def make(self, name: str, groups: list[str] | tuple[str, ...] = ()) -> str:
        """A new user with a home of its own, member of ``groups`` (made when new); its
        system name."""
        system = self._system_name(name)
        home = self.homes / system
        supplementary = [self.group(group) for group in groups]
        argv = ["useradd", "--no-create-home", "--home-dir", str(home), "--shell", "/bin/sh"]
        if supplementary:
            argv += ["--groups", ",".join(supplementary)]
        _run([*argv, system])
        self._users[name] = system
        home.mkdir(mode=0o700)
        shutil.chown(home, system, system)
        return system

    def join(self, name: str, group: str) -> None:
        """Add an existing user to a group; their next ``run`` has it."""
        _run(["usermod", "--append", "--groups", self.group(group), self.user_name(name)])

    def user_name(self, name: str) -> str:
        return self._users[name]

    def group_name(self, name: str) -> str:
        return self._groups[name]

    def home(self, name: str) -> Path:
        return self.homes / self.user_name(name)

    def run(
        self,
        name: str,
        *argv: str,
        env: dict[str, str] | None = None,
        cwd: str | Path | None = None,
        input: str | None = None,
        timeout: float = 120,
    ) -> Result:
        """``argv`` run as the user, with their groups, in a clean environment: HOME their
        own, the venv's bin first on PATH (so "orgeval" is the installed one), English
        unless ``env`` says otherwise; ``cwd`` defaults to their home."""
        user = self.user_name(name)
        home = self.home(name)
        environment = {
            "HOME": str(home),
            "USER": user,
            "LOGNAME": user,
            "PATH": f"{self.venv / 'bin'}:/usr/local/bin:/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "ORGEVAL_LANG": "en",
            "COLUMNS": "200",
            **(env or {}),
        }
        done = subprocess.run(
            ["setpriv", f"--reuid={user}", f"--regid={user}", "--init-groups", "--", *argv],
            env=environment,
            cwd=cwd or home,
            input=input,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        return Result(done.returncode, done.stdout, done.stderr)

    def remove(self) -> None:
        for system in self._users.values():
            subprocess.run(["userdel", "--force", system], capture_output=True)
        for system in self._groups.values():
            subprocess.run(["groupdel", system], capture_output=True)
        self._users.clear()
        self._groups.clear()


def shared_temporary_folder(prefix: str) -> Path:
    """A temporary folder every account can enter (pytest's own are root's alone)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)
    return folder
