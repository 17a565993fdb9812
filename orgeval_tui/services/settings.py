"""The user's configuration file (TOML, in the platform config dir): key rebindings,
and where the office keeps its report templates and what its documents are signed.

    # ~/.config/orgeval/config.toml
    [keys]
    "app.help" = "f1"
    "units.filter" = "slash,f"

    [reports]
    templates = "/srv/orgeval/templates"  # the office's edited Word templates
    office = "沂水县委编办"                 # who signs the documents

Keys are binding ids (shown in the help screen), values Textual key names, several
separated by commas. What the file says that orgeval does not know (a section, a binding
id) is ignored and named, so a typo never silently does nothing.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.errors import UserError
from ..i18n import t
from ..i18n.os_errors import os_reason

ENV_CONFIG = "ORGEVAL_CONFIG"
SECTIONS = ("keys", "reports")
REPORT_SETTINGS = ("templates", "office")


def config_path() -> Path:
    if os.environ.get(ENV_CONFIG):
        return Path(os.environ[ENV_CONFIG])
    from platformdirs import user_config_dir

    return Path(user_config_dir("orgeval", appauthor=False)) / "config.toml"


@dataclass(frozen=True)
class UserConfig:
    path: Path
    keymap: dict[str, str] = field(default_factory=dict)
    unknown_sections: tuple[str, ...] = ()
    report_templates: Path | None = None
    report_office: str | None = None

    def ignored(self, binding_ids: Iterable[str]) -> list[str]:
        """One message per entry of the file that changes nothing, naming file and entry."""
        known = set(binding_ids)
        notes = [
            t("config.unknown_section", path=self.path, section=name)
            for name in self.unknown_sections
        ]
        notes += [
            t("config.unknown_key", path=self.path, binding=key)
            for key in self.keymap
            if key not in known
        ]
        return notes


def load_config(path: Path | None = None) -> UserConfig:
    path = path or config_path()
    if not path.exists():
        return UserConfig(path)
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UserError(t("os.file_refused", file=str(path), reason=os_reason(exc))) from exc
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UserError(t("config.not_toml", path=path, reason=exc)) from exc
    keys = document.get("keys", {})
    if not isinstance(keys, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in keys.items()
    ):
        raise UserError(t("config.bad_keys", path=path))
    reports = document.get("reports", {})
    if not isinstance(reports, dict) or not all(
        key in REPORT_SETTINGS and isinstance(value, str) and value.strip()
        for key, value in reports.items()
    ):
        raise UserError(t("config.bad_reports", path=path, settings="、".join(REPORT_SETTINGS)))
    templates = reports.get("templates")
    unknown = tuple(name for name in document if name not in SECTIONS)
    return UserConfig(
        path,
        dict(keys),
        unknown,
        Path(templates).expanduser() if templates else None,
        reports.get("office"),
    )


def load_keymap(path: Path | None = None) -> dict[str, str]:
    return load_config(path).keymap
