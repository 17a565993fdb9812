"""Nothing heavy is imported before the first screen shows the units.

The app is started in a fresh interpreter (imports are per process), headless, on a copy
of the demo database; when the home screen has filled its progress table the script
reports which heavy modules are already in `sys.modules`. pypinyin may be there: a
worker loads it for the palette after the first screen.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

HEAVY = ("pandas", "openpyxl", "plotext", "python_calamine", "docx")

SCRIPT = textwrap.dedent(
    """
    import asyncio, json, sys

    from orgeval_tui.app import OrgevalApp
    from orgeval_tui.storage.database import Database
    from orgeval_tui.screens.home import HomeScreen

    HEAVY = {heavy!r}
    seen = {{}}
    original = HomeScreen.on_home_screen_loaded

    def loaded(self, message):
        original(self, message)
        table = self.query_one("#progress")
        seen["rows"] = table.row_count
        seen["heavy"] = [name for name in HEAVY if name in sys.modules]
        seen["modules"] = len(sys.modules)

    HomeScreen.on_home_screen_loaded = loaded

    async def main(path):
        app = OrgevalApp(Database.open(path), keymap={{}})
        async with app.run_test(size=(80, 24)) as pilot:
            for _ in range(400):
                if "rows" in seen:
                    break
                await pilot.pause(0.05)

    asyncio.run(main(sys.argv[1]))
    print(json.dumps(seen))
    """
)


def test_no_heavy_module_is_loaded_before_the_first_screen(demo_db):
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(heavy=HEAVY), str(demo_db)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])

    assert seen.get("rows") == 3, f"the home screen never showed the units: {seen}"
    assert seen["heavy"] == [], f"loaded before the first screen: {seen['heavy']}"
