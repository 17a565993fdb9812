"""Roles with real OS accounts made by the test (tests/os_accounts.py): on one shared
database, an admin, an evaluator limited to one unit and a viewer each get exactly their
rights, in the command line and on the screens, whatever their environment claims."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.os_accounts import shared_temporary_folder

# Run as the account with the venv's Python: the application driven by Pilot, reporting
# which keys it offers on the home screen and on the ledger at two problems.
SCREEN_PROBE = """
import asyncio, json, sys
from orgeval_tui.app import OrgevalApp
from orgeval_tui.i18n import set_language
from orgeval_tui.storage.database import Database

async def settle(pilot):
    for _ in range(4):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()

def offered(screen):
    return sorted(
        f"{b.binding.action}" for b in screen.active_bindings.values() if b.enabled
    )

async def main():
    set_language("en")
    app = OrgevalApp(Database.open(sys.argv[1]), keymap={})
    seen = {}
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        seen["header"] = app.sub_title
        seen["home"] = offered(app.screen)
        await pilot.press("L")
        await settle(pilot)
        table = app.screen.query_one("#ledger-table").table
        for row in range(table.row_count):
            table.move_cursor(row=row)
            await settle(pilot)
            number = str(table.get_row_at(row)[1])
            seen[number] = offered(app.screen)
    print(json.dumps(seen, ensure_ascii=False))

asyncio.run(main())
"""


@pytest.fixture
def office(os_accounts):
    """A shared database set up by the admin ("chief"), with two units, the evaluation
    and a problem of each unit; an evaluator for 县工信局 and a viewer."""
    folder = shared_temporary_folder("orgeval-roles-")
    os_accounts.group("office")
    for name in ("chief", "wang", "li"):
        os_accounts.make(name, groups=["office"])
    shutil.chown(folder, os_accounts.user_name("chief"))
    database = folder / "shared" / "orgeval.db"
    env = {"ORGEVAL_DB": str(database)}

    def chief(*argv: str):
        done = os_accounts.run("chief", "orgeval", *argv, env=env)
        assert done.code == 0, (argv, done.err)
        return done

    chief("setup-shared", str(database.parent), "--group", os_accounts.group_name("office"))
    chief("units", "add", "县工业和信息化局", "--short", "县工信局")
    chief("units", "add", "县总工会", "--short", "总工会")
    chief("evaluation", "new", "2021年度评估", "--reference-date", "2021-06-30",
          "--prefix", "2021", "--unit", "县工信局", "--unit", "总工会")  # fmt: skip
    chief("ledger", "add", "--unit", "县工信局", "--title", "门牌未更新")
    chief("ledger", "add", "--unit", "总工会", "--title", "职责交叉")
    chief("users", "add", os_accounts.user_name("wang"), "--role", "evaluator",
          "--unit", "县工信局")  # fmt: skip
    chief("users", "add", os_accounts.user_name("li"), "--role", "viewer")
    yield env, database
    shutil.rmtree(folder, ignore_errors=True)


def test_each_account_gets_exactly_its_rights_on_the_command_line(os_accounts, office):
    env, _ = office

    def run(name, *argv, **extra):
        return os_accounts.run(name, "orgeval", *argv, env={**env, **extra})

    wang, li = os_accounts.user_name("wang"), os_accounts.user_name("li")
    # The viewer reads everything...
    listed = run("li", "ledger", "ls", "--json")
    assert listed.code == 0, listed.err
    assert [p["number"] for p in json.loads(listed.out)] == ["2021-001", "2021-002"]
    # ...and changes nothing, even claiming to be the admin in its environment.
    chief = os_accounts.user_name("chief")
    refused = run("li", "ledger", "add", "--unit", "县工信局", "--title", "x", USER=chief,
                  LOGNAME=chief)  # fmt: skip
    assert refused.code == 1
    assert refused.err.strip() == (
        f"orgeval: error: {li} is a viewer: a viewer reads everything and changes nothing; "
        "this needs the evaluator or admin role"
    )
    # The evaluator works on its unit, and only there.
    assert run("wang", "ledger", "feedback", "2021-001").code == 0
    other = run("wang", "ledger", "feedback", "2021-002")
    assert other.code == 1 and f"{wang} is an evaluator for 县工业和信息化局 only" in other.err
    assert "work on 县总工会 needs an evaluator for 县总工会" in other.err
    setup = run("wang", "units", "add", "县气象局")
    assert setup.code == 1 and "needs the admin role" in setup.err
    roles = run("wang", "users", "add", li, "--role", "admin")
    assert roles.code == 1 and "needs the admin role" in roles.err
    # The admin does the setting up.
    assert run("chief", "units", "add", "县气象局").code == 0

    shown = json.loads(run("li", "ledger", "ls", "--json").out)
    assert [p["status"] for p in shown] == ["fed_back", "identified"]
    trail = run("chief", "audit", "verify")
    assert trail.code == 0, trail.err


def test_each_account_gets_exactly_its_rights_on_the_screens(os_accounts, office):
    env, database = office

    def screens(name: str) -> dict:
        python = str(os_accounts.venv / "bin" / "python")
        done = os_accounts.run(name, python, "-", str(database), env=env, input=SCREEN_PROBE)
        assert done.code == 0, done.err
        return json.loads(done.out.strip().splitlines()[-1])

    setup = {"app.setup('evaluation')", "app.setup('unit')", "app.setup('import')"}
    chief, wang, li = screens("chief"), screens("wang"), screens("li")

    assert chief["header"] == ""
    assert setup <= set(chief["home"])
    assert {"add", "step('feedback')"} <= set(chief["2021-001"]) & set(chief["2021-002"])

    assert wang["header"] == f"{os_accounts.user_name('wang')} · evaluator"
    assert set(wang["home"]) & setup == {"app.setup('import')"}
    assert "step('feedback')" in wang["2021-001"]  # 县工信局's
    assert not [a for a in wang["2021-002"] if a.startswith("step")]  # 县总工会's

    assert li["header"] == f"{os_accounts.user_name('li')} · viewer"
    assert not set(li["home"]) & setup
    for number in ("2021-001", "2021-002"):
        assert "add" not in li[number]
        assert not [a for a in li[number] if a.startswith("step")]
        assert "search" in li[number]  # reading is offered
