"""`orgeval fieldwork ...` for a shell user: every command, and every refusal as one clear
line (exit 1, or 2 for a usage error) with nothing written."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys

import pytest
from sqlalchemy import text

# Everything the on-site commands may write, and the ledger and audit trail beside them.
WRITTEN = ("onsite_activity", "activity_file", "finding", "finding_indicator",
           "interview_outline", "problem", "problem_event", "audit_event")  # fmt: skip
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _state(database) -> dict:
    with database.read() as session:
        return {
            name: session.execute(text(f"SELECT * FROM {name} ORDER BY 1")).all()
            for name in WRITTEN
        }


@pytest.fixture
def activity(run):
    """An interview at 县工信局, with notes under two questions of its outline."""
    done = run(
        "fieldwork", "add", "--unit", "县工信局", "--kind", "interview", "--on", "2021-07-02",
        "--place", "局会议室", "--met", "科室负责人", "--met", "科员:张三",
        "--notes", "【岗位职责是否清晰】\n基本清晰\n【工作量是否饱和】\n饱和", "--json",
    )  # fmt: skip
    assert done.code == 0, done.err
    return done.json()["id"]


def _refused(done, code: int = 1) -> str:
    """The refusal's one line, checked: the exit code, nothing on stdout, no traceback."""
    assert done.code == code, (done.code, done.out, done.err)
    assert done.out == ""
    assert "Traceback" not in done.err
    if code == 1:
        assert done.err.startswith("orgeval: error: ") and done.err.count("\n") == 1, done.err
    return done.err


# add


def test_add_prints_the_new_number_first(run, office):
    done = run(
        "fieldwork", "add", "--unit", "县工信局", "--kind", "实地查看", "--on", "2021-07-03",
    )  # fmt: skip

    assert done.code == 0, done.err
    number = done.out.split()[0]
    shown = run("fieldwork", "show", number, "--json").json()
    assert (shown["kind"], shown["on"], shown["unit"]) == ("site", "2021-07-03", "县工业和信息化局")
    assert done.out.strip() == f"{number}  县工业和信息化局 · site check · 2021-07-03"


def test_add_in_json_gives_the_activity(run, activity):
    shown = run("fieldwork", "show", str(activity), "--json").json()

    assert shown["people_met"] == [
        {"role": "科室负责人", "name": None},
        {"role": "科员", "name": "张三"},
    ]
    assert shown["place"] == "局会议室" and shown["kind"] == "interview"
    assert shown["answers"] == {"岗位职责是否清晰": "基本清晰", "工作量是否饱和": "饱和"}


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_notes_come_from_a_file_in_utf8_or_gb18030(run, tmp_path, encoding):
    notes = tmp_path / "访谈记录.txt"
    notes.write_bytes("【内设机构运行】\n科室之间协作顺畅".encode(encoding))

    done = run(
        "fieldwork", "add", "--unit", "总工会", "--kind", "interview", "--on", "2021-07-04",
        "--notes-file", str(notes), "--json",
    )  # fmt: skip

    assert done.code == 0, done.err
    assert done.json()["notes"] == "【内设机构运行】\n科室之间协作顺畅"
    assert done.json()["answers"] == {"内设机构运行": "科室之间协作顺畅"}


ADD = ("fieldwork", "add", "--unit", "县工信局", "--kind", "site", "--on", "2021-07-02")


@pytest.mark.parametrize(
    ("change", "refusal"),
    [
        ({"--kind": "chat"}, "unknown kind of activity 'chat': use one of briefing (briefing)"),
        ({"--unit": "县不存在局"}, "县不存在局"),
        ({"--on": "2021-13-40"}, "--on 2021-13-40: not a date; write it as YYYY-MM-DD"),
        ({"--on": "明天"}, "--on 明天: not a date"),
        ({"--notes-file": "/nowhere/记录.txt"}, "cannot read /nowhere/记录.txt"),
        ({"--met": "："}, "a person met needs a role"),
    ],
    ids=["kind", "unit", "month-13", "tomorrow", "notes-file", "nobody"],
)
def test_add_refuses_bad_input_and_writes_nothing(run, office, change, refusal):
    arguments = list(ADD)
    for option, value in change.items():
        if option in arguments:
            arguments[arguments.index(option) + 1] = value
        else:
            arguments += [option, value]
    before = _state(office)

    message = _refused(run(*arguments))

    assert refusal in message
    assert _state(office) == before


def test_notes_given_twice_are_a_usage_error(run, office, tmp_path):
    notes = tmp_path / "n.txt"
    notes.write_text("记录", encoding="utf-8")
    before = _state(office)

    done = run(*ADD, "--notes", "记录", "--notes-file", str(notes))

    _refused(done, code=2)
    assert "--notes or --notes-file, not both" in done.err
    assert _state(office) == before


def test_undecodable_notes_are_refused_naming_the_file(run, office, tmp_path):
    notes = tmp_path / "乱码.txt"
    notes.write_bytes(b"\xe8\xae\xb0\x80\xff")
    before = _state(office)

    message = _refused(run(*ADD, "--notes-file", str(notes)))

    assert "乱码.txt" in message
    assert _state(office) == before


# list


def test_list_shows_each_activity_with_its_findings_and_pending_draft(
    run, office, activity, monkeypatch
):
    from orgeval_tui.services import fieldwork

    monkeypatch.setenv("COLUMNS", "120")

    run("fieldwork", "add", "--unit", "总工会", "--kind", "briefing", "--on", "2021-07-01")
    run("fieldwork", "finding", str(activity), "--text", "岗位交叉")
    fieldwork.save_draft(office, activity, "正在输入")

    listed = run("fieldwork", "list")
    one_unit = run("fieldwork", "list", "--unit", "县工信局", "--json")

    assert listed.code == 0, listed.err
    lines = listed.out.splitlines()
    assert lines[0].split() == ["No.", "Date", "Unit", "Kind", "Place", "Findings", "Draft"]
    assert lines[1].split() == ["2", "2021-07-01", "县总工会", "briefing", "0"]
    assert lines[2].split() == [
        "1", "2021-07-02", "县工业和信息化局", "individual", "interview", "局会议室", "1",
        "unsaved",
    ]  # fmt: skip
    assert [row["id"] for row in one_unit.json()] == [activity]
    assert one_unit.json()[0]["findings"] == 1 and one_unit.json()[0]["draft"] is True


def test_an_empty_list_says_so_and_an_unknown_unit_is_refused(run, office):
    assert run("fieldwork", "list").out.strip() == "No on-site activity recorded yet"
    assert run("fieldwork", "list", "--json").json() == []
    assert "县不存在局" in _refused(run("fieldwork", "list", "--unit", "县不存在局"))


# show


def test_show_gives_notes_answers_files_and_findings_with_their_numbers(run, activity, tmp_path):
    photo = tmp_path / "挂牌.jpg"
    photo.write_bytes(b"photo")
    run("fieldwork", "attach", str(activity), str(photo))
    run("fieldwork", "finding", str(activity), "--text", "挂牌不规范", "--indicator", "A1.2",
        "--to-ledger")  # fmt: skip

    shown = run("fieldwork", "show", str(activity))
    document = run("fieldwork", "show", str(activity), "--json").json()

    assert shown.code == 0, shown.err
    text = " ".join(shown.out.split())
    assert "People met 科室负责人, 科员（张三）" in text
    assert "1. 岗位职责是否清晰 基本清晰 2. 工作量是否饱和 饱和 3. 内设机构运行 no answer" in text
    assert str(photo.resolve()) in text and hashlib.sha256(b"photo").hexdigest() in text
    assert "1 A1.2 2021-001 挂牌不规范" in text
    assert document["notes"] == "【岗位职责是否清晰】\n基本清晰\n【工作量是否饱和】\n饱和"
    assert document["findings"] == [
        {"id": 1, "activity": activity, "text": "挂牌不规范", "severity": None,
         "indicators": ["A1.2"], "number": "2021-001", "status": "identified"},
    ]  # fmt: skip


def test_show_of_an_unknown_activity_is_refused(run):
    message = _refused(run("fieldwork", "show", "99"))

    assert "no on-site activity 99" in message


# finding, to-ledger


def test_a_finding_prints_its_number_and_with_to_ledger_the_problems(run, office, activity):
    plain = run("fieldwork", "finding", str(activity), "--text", "编制使用不规范",
                "--severity", "低")  # fmt: skip
    sent = run("fieldwork", "finding", str(activity), "--text", "挂牌不规范。共两处",
               "--severity", "high", "--indicator", "a1.2", "--indicator", "B1.1",
               "--to-ledger", "--category", "机构挂牌", "--json")  # fmt: skip

    assert plain.code == 0, plain.err
    assert plain.out.strip() == f"1  finding recorded on activity {activity}"
    assert sent.code == 0, sent.err
    finding = sent.json()
    assert (finding["id"], finding["number"], finding["indicators"]) == (
        2,
        "2021-001",
        ["A1.2", "B1.1"],
    )
    problem = run("ledger", "show", "2021-001", "--json").json()
    assert (problem["title"], problem["source"], problem["category"]) == (
        "挂牌不规范",
        "onsite",
        "机构挂牌",
    )
    assert problem["description"] == "挂牌不规范。共两处" and problem["severity"] == "high"
    assert [f["id"] for f in problem["findings"]] == [2]


def test_a_title_without_to_ledger_is_a_usage_error(run, office, activity):
    before = _state(office)

    done = run("fieldwork", "finding", str(activity), "--text", "x", "--category", "机构挂牌")

    _refused(done, code=2)
    assert "--title and --category are the problem's: give them with --to-ledger" in " ".join(
        re.sub("[│╭╮╰╯─]", " ", done.err).split()
    )
    assert _state(office) == before


def test_an_existing_finding_goes_to_the_ledger_once(run, office, activity):
    run("fieldwork", "finding", str(activity), "--text", "人员在岗率低")

    sent = run("fieldwork", "to-ledger", "1", "--title", "在岗率低", "--category", "人员管理")
    before = _state(office)
    again = run("fieldwork", "to-ledger", "1")

    assert sent.code == 0, sent.err
    assert sent.out.strip() == f"1  finding of activity {activity}, in the ledger as 2021-001"
    assert "finding 1 is already in the ledger as 2021-001" in _refused(again)
    assert _state(office) == before
    assert run("ledger", "show", "2021-001", "--json").json()["title"] == "在岗率低"


@pytest.mark.parametrize(
    ("arguments", "refusal"),
    [
        (("finding", "99", "--text", "x"), "no on-site activity 99"),
        (("finding", "1", "--text", "x", "--indicator", "Z9.9"), "no leaf Z9.9"),
        (("finding", "1", "--text", "x", "--indicator", "Z9.9", "--to-ledger"), "no leaf Z9.9"),
        (("finding", "1", "--text", "x", "--severity", "极高"), "极高"),
        (("finding", "1", "--text", " "), "a finding needs its text"),
        (("finding", "1", "--text", "x", "--to-ledger", "--title", "题" * 201), "title"),
        (("to-ledger", "42"), "no finding 42"),
    ],
    ids=["activity", "indicator", "indicator-to-ledger", "severity", "empty", "title", "finding"],
)
def test_a_bad_finding_is_refused_and_nothing_written(run, office, activity, arguments, refusal):
    before = _state(office)

    message = _refused(run("fieldwork", *arguments))

    assert refusal in message
    assert _state(office) == before


# attach


def test_attach_records_each_files_hash_and_leaves_the_file(run, activity, tmp_path):
    first, second = tmp_path / "照片1.jpg", tmp_path / "扫描件.pdf"
    first.write_bytes(b"one")
    second.write_bytes(b"two")

    done = run("fieldwork", "attach", str(activity), str(first), str(second))

    assert done.code == 0, done.err
    assert done.out.splitlines() == [
        f"{first.resolve()}  sha256:{hashlib.sha256(b'one').hexdigest()}",
        f"{second.resolve()}  sha256:{hashlib.sha256(b'two').hexdigest()}",
    ]
    assert first.read_bytes() == b"one"
    files = run("fieldwork", "show", str(activity), "--json").json()["files"]
    assert [f["sha256"] for f in files] == [hashlib.sha256(x).hexdigest() for x in (b"one", b"two")]


def test_attach_with_a_missing_file_attaches_none(run, office, activity, tmp_path):
    photo = tmp_path / "照片.jpg"
    photo.write_bytes(b"photo")
    before = _state(office)

    missing = _refused(
        run("fieldwork", "attach", str(activity), str(photo), str(tmp_path / "没有.jpg"))
    )
    unknown = _refused(run("fieldwork", "attach", "99", str(photo)))

    assert "没有.jpg" in missing
    assert "no on-site activity 99" in unknown
    assert _state(office) == before


# notes


def test_notes_are_saved_from_text_or_a_file(run, activity, tmp_path):
    notes = tmp_path / "记录.txt"
    notes.write_bytes("【编制使用与人员结构】\n空编两名".encode("gb18030"))

    by_text = run("fieldwork", "notes", str(activity), "--text", "简要记录")
    by_file = run("fieldwork", "notes", str(activity), "--file", str(notes))

    assert by_text.code == 0, by_text.err
    assert by_text.out.strip() == f"Notes of activity {activity} saved (4 characters)"
    shown = run("fieldwork", "show", str(activity), "--json").json()
    assert by_file.code == 0, by_file.err
    assert shown["notes"] == "【编制使用与人员结构】\n空编两名"
    assert shown["answers"] == {"编制使用与人员结构": "空编两名"}
    assert shown["version"] == 3


def test_notes_are_refused_without_text_twice_or_on_a_stale_version(
    run, office, activity, tmp_path
):
    notes = tmp_path / "记录.txt"
    notes.write_text("记录", encoding="utf-8")
    run("fieldwork", "notes", str(activity), "--text", "他人保存")
    before = _state(office)

    neither = run("fieldwork", "notes", str(activity))
    both = run("fieldwork", "notes", str(activity), "--text", "x", "--file", str(notes))
    stale = run("fieldwork", "notes", str(activity), "--text", "我的", "--if-version", "1")
    missing = run("fieldwork", "notes", str(activity), "--file", str(tmp_path / "无.txt"))

    assert "--text or --file" in _refused(neither, code=2)
    assert "--text or --file, not both" in _refused(both, code=2)
    assert f"activity {activity} was saved meanwhile by someone else" in (
        message := _refused(stale)
    )
    assert "(it is at version 2 now); nothing was saved" in message
    assert "无.txt" in _refused(missing)
    assert _state(office) == before


# outline


def test_outline_shows_every_kind_or_one(run):
    every = run("fieldwork", "outline", "--json").json()
    one = run("fieldwork", "outline", "--kind", "个别访谈")

    assert list(every) == [
        "briefing", "archive", "site", "interview", "meeting", "callback", "questionnaire",
    ]  # fmt: skip
    assert every["interview"] == {
        "questions": ["岗位职责是否清晰", "工作量是否饱和", "内设机构运行", "编制使用与人员结构",
                      "履职中的困难与建议"],
        "shipped": True,
    }  # fmt: skip
    assert one.out.splitlines()[0].split() == ["individual", "interview", "(interview)", "shipped"]
    assert one.out.splitlines()[1] == "1. 岗位职责是否清晰"


def test_an_outline_is_set_from_a_file_and_an_empty_file_restores_it(run, activity, tmp_path):
    questions = tmp_path / "提纲.txt"
    questions.write_bytes("分工是否明确\n\n加班情况\n".encode("gb18030"))
    empty = tmp_path / "空.txt"
    empty.write_text("", encoding="utf-8")

    done = run("fieldwork", "outline", "--kind", "interview", "--set", str(questions))
    shown = run("fieldwork", "show", str(activity), "--json").json()
    restored = run("fieldwork", "outline", "--kind", "interview", "--set", str(empty), "--json")

    assert done.code == 0, done.err
    assert done.out.splitlines() == [
        "individual interview (interview)  this evaluation's own",
        "1. 分工是否明确",
        "2. 加班情况",
    ]
    assert shown["outline"] == ["分工是否明确", "加班情况"]
    assert restored.json()["interview"]["shipped"] is True
    assert restored.json()["interview"]["questions"][0] == "岗位职责是否清晰"


def test_a_bad_outline_request_is_refused_and_nothing_written(run, office, tmp_path):
    questions = tmp_path / "提纲.txt"
    questions.write_text("问题一\n", encoding="utf-8")
    before = _state(office)

    no_kind = run("fieldwork", "outline", "--set", str(questions))
    bad_kind = run("fieldwork", "outline", "--kind", "chat", "--set", str(questions))
    missing = run("fieldwork", "outline", "--kind", "site", "--set", str(tmp_path / "无.txt"))

    assert "--set needs --kind" in _refused(no_kind, code=2)
    assert "unknown kind of activity 'chat'" in _refused(bad_kind)
    assert "无.txt" in _refused(missing)
    assert _state(office) == before


# ledger show


def test_ledger_show_lists_the_findings_a_problem_came_from(run, activity):
    run("fieldwork", "finding", str(activity), "--text", "挂牌不规范", "--to-ledger")

    shown = run("ledger", "show", "2021-001")
    document = run("ledger", "show", "2021-001", "--json").json()

    assert shown.code == 0, shown.err
    assert "On-site findings" in shown.out
    assert f"finding 1 · activity {activity} · 2021-07-02 individual interview" in shown.out
    assert document["findings"][0]["number"] == "2021-001"
    assert (document["findings"][0]["kind"], document["findings"][0]["on"]) == (
        "interview",
        "2021-07-02",
    )
    assert run("ledger", "add", "--unit", "总工会", "--title", "其他").code == 0
    assert run("ledger", "show", "2021-002", "--json").json()["findings"] == []
    assert "On-site findings" not in run("ledger", "show", "2021-002").out


# Text as written, both languages.


def test_user_text_is_printed_as_written_never_as_markup_or_control(run, office):
    escapes = "\x1b[2J\x1b]0;owned\x07"
    added = run(
        "fieldwork", "add", "--unit", "县工信局", "--kind", "site", "--on", "2021-07-02",
        "--place", f"[bold]会议室{escapes}", "--met", "[red]科长",
        "--notes", f"【人员在岗情况】\n[/]在岗{escapes}",
    )  # fmt: skip
    number = added.out.split()[0]
    run("fieldwork", "finding", number, "--text", f"[link=x]挂牌{escapes}")

    outputs = [run("fieldwork", "list").out, run("fieldwork", "show", number).out]

    for out in outputs:
        assert not CONTROL.search(out), out
        assert "[bold]会议室" in out
    assert "[red]科长" in outputs[1] and "[/]在岗" in outputs[1] and "[link=x]挂牌" in outputs[1]


def test_messages_and_tables_speak_chinese(run, office):
    run("fieldwork", "add", "--unit", "县工信局", "--kind", "座谈会", "--on", "2021-07-02",
        lang="zh")  # fmt: skip

    listed = run("fieldwork", "list", lang="zh")
    kind = run(*ADD[:5], "闲聊", *ADD[6:], lang="zh")
    day = run(*ADD[:7], "明天", lang="zh")

    assert listed.out.splitlines()[0].split() == [
        "编号",
        "日期",
        "单位",
        "类型",
        "地点",
        "发现",
        "草稿",
    ]
    assert "座谈会" in listed.out and "共 1 项活动" in listed.out
    assert "未知的活动类型“闲聊”" in _refused_zh(kind)
    assert "--on 明天：不是日期，请写成 YYYY-MM-DD" in _refused_zh(day)


def _refused_zh(done) -> str:
    assert done.code == 1 and done.out == "", (done.code, done.out, done.err)
    assert done.err.startswith("orgeval: 错误: ") and done.err.count("\n") == 1, done.err
    return done.err


# A shell lookup stays light.

PROBE = """
import json, sys
sys.argv = ["orgeval", *{args!r}]
from orgeval_tui import cli
code = 0
try:
    cli.main()
except SystemExit as exc:
    code = exc.code
sys.stdout.flush()
print(json.dumps([code, [m for m in ("textual", "pandas", "openpyxl") if m in sys.modules]]),
      file=sys.stderr)
"""


@pytest.mark.parametrize(
    "args",
    [["fieldwork", "list"], ["fieldwork", "show", "1"], ["ledger", "show", "2021-001"]],
    ids=["list", "show", "ledger-show"],
)
def test_on_site_lookups_load_no_heavy_modules(demo_db, args):
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=["--db", str(demo_db), *args])],
        capture_output=True,
        text=True,
        timeout=120,
    )

    code, loaded = json.loads(done.stderr.strip().splitlines()[-1])
    assert code in (0, None), done.stderr
    assert loaded == [], done.stderr
