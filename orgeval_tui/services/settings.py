"""The user's configuration file: key rebindings (TOML, in the platform config dir).

    # ~/.config/orgeval/config.toml
    [keys]
    "app.help" = "f1"
    "units.filter" = "slash,f"

Keys are binding ids (shown in the help screen), values Textual key names, several
separated by commas.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from ..domain.errors import UserError

ENV_CONFIG = "ORGEVAL_CONFIG"


def config_path() -> Path:
    if os.environ.get(ENV_CONFIG):
        return Path(os.environ[ENV_CONFIG])
    from platformdirs import user_config_dir

    return Path(user_config_dir("orgeval", appauthor=False)) / "config.toml"


def load_keymap(path: Path | None = None) -> dict[str, str]:
    path = path or config_path()
    if not path.exists():
        return {}
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UserError(f"{path}: {exc}") from exc
    keys = document.get("keys", {})
    if not isinstance(keys, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in keys.items()
    ):
        raise UserError(f'{path}: [keys] maps binding ids to key names, e.g. "app.help" = "f1"')
    return dict(keys)
