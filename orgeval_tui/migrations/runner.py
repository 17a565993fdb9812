"""Running Alembic from inside the application (no alembic.ini needed)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config

SCRIPT_LOCATION = "orgeval_tui:migrations"


def alembic_config(database) -> Config:
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    config.attributes["database"] = database
    return config


def upgrade(database, revision: str = "head") -> None:
    command.upgrade(alembic_config(database), revision)


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    return ScriptDirectory.from_config(config).get_current_head()


def known_revisions() -> list[str]:
    """Every revision this orgeval can upgrade from, oldest first."""
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    return [
        script.revision
        for script in reversed(list(ScriptDirectory.from_config(config).walk_revisions()))
    ]
