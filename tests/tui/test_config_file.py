"""What config.toml says and orgeval does not know is named at start-up, never silently
dropped; the rest of the file still applies."""

from __future__ import annotations

from orgeval_tui.app import OrgevalApp
from orgeval_tui.dialogs.help import HelpScreen
from orgeval_tui.i18n import set_language
from orgeval_tui.storage.database import Database

from .helpers import settle

CONFIG = """
[keys]
"app.help" = "f1"
"app.hlep" = "f2"

[kyes]
"app.quit" = "f3"
"""


def _config(tmp_path, monkeypatch):
    path = tmp_path / "config.toml"
    path.write_text(CONFIG, encoding="utf-8")
    monkeypatch.setenv("ORGEVAL_CONFIG", str(path))
    return path


async def test_unknown_key_ids_and_sections_are_notified_and_known_ones_apply(
    demo_db, tmp_path, monkeypatch
):
    path = _config(tmp_path, monkeypatch)
    set_language("zh")
    app = OrgevalApp(Database.open(str(demo_db)))

    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        notices = [str(toast.render()) for toast in app.screen.query("Toast")]
        await pilot.press("f1")
        await pilot.pause()
        help_opened = isinstance(app.screen, HelpScreen)

    assert help_opened, "the known rebinding still applies"
    assert any(str(path) in n and '"app.hlep"' in n and "已忽略" in n for n in notices), notices
    assert any(str(path) in n and "[kyes]" in n for n in notices), notices
    assert not any('"app.help"' in n for n in notices), "a known id is not reported"


def test_the_command_line_says_it_on_stderr_before_the_screen_opens(
    cli, demo_db, tmp_path, monkeypatch
):
    path = _config(tmp_path, monkeypatch)
    started = []
    monkeypatch.setattr("orgeval_tui.cli.root.require_terminal", lambda: None)
    monkeypatch.setattr(OrgevalApp, "run", lambda self: started.append(self))

    result = cli("--db", str(demo_db), "--lang", "en")

    assert result.code == 0 and started, "orgeval still starts"
    assert f'orgeval: warning: {path}: [keys] "app.hlep" is not a binding id' in result.err
    assert f"{path}: orgeval has no section [kyes]" in result.err
