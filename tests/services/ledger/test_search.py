"""Substring search: exact for terms of 1, 2, 3 and 4+ characters, on both backends, and
in step with every write."""

from __future__ import annotations

import random
from datetime import date

import pytest
from sqlalchemy import select, text

from orgeval_tui.models import Problem, ProblemEvent
from orgeval_tui.services import ledger
from tests.office import add_problem

# (unit, title, description, recommendation); near misses on purpose.
CORPUS = [
    (
        "县工信局",
        "内设机构挂牌不规范",
        "“运行监测科”仍悬挂旧牌，“节能与综合利用科”未挂牌。",
        "对照“三定”规定规范挂牌。",
    ),
    ("县气象局", "人员超编", "实有人数超过核定编制2名，超编人员尚未消化。", "逐步消化超编人员。"),
    ("县气象局", "编 制档案不全", "编、制两字分开：编号不全、制度缺失。", "补齐档案。"),
    ("县总工会", "机关干部队伍年龄老化", "平均年龄52岁，35岁以下无人。", "补充年轻干部。"),
    # 年龄, 龄老 and 老化 all occur here, but never 年龄老化: only the confirmation sees it.
    ("县总工会", "年龄偏大", "年龄大的同志多；高龄老人慰问；设备老化。", "更新设备。"),
    ("县工信局", "OA系统填报率低", "部分人员oa账号未启用，Oa待办积压。", "建立 OA 填报提醒。"),
    ("县工信局", "履职考评系统填报不及时", "月底集中补报。", "每周提醒。"),
    ("县气象局", "预警信息传递滞后", "汛期预警信息到村滞后。", "完善联动机制。"),
]


@pytest.fixture
def corpus(office):
    numbers = []
    for unit, title, description, recommendation in CORPUS:
        numbers.append(
            add_problem(
                office, unit, title, description=description, recommendation=recommendation
            ).number
        )
    # Lives that put text where search must find it: measures, reports, notes, reasons.
    ledger.feedback(office, numbers[6], date(2021, 7, 28))
    ledger.plan(
        office, numbers[6], "建立每周提醒制度", "徐志刚", date(2021, 9, 30), past_deadline=True
    )
    ledger.report(office, numbers[6], "提醒制度已印发")
    ledger.reopen(office, numbers[6], "回头看发现挂牌仍不规范")  # only in an event's reason
    ledger.feedback(office, numbers[7], date(2021, 7, 28))
    ledger.plan(
        office, numbers[7], "建立信息员队伍", "侯雪梅", date(2021, 9, 30), past_deadline=True
    )
    ledger.extend(office, numbers[7], date(2021, 12, 31), "应急广播统一招标", past_deadline=True)
    ledger.withdraw(office, numbers[2], "与档案问题重复录入")
    ledger.feedback(office, numbers[0], date(2021, 7, 28))
    ledger.plan(office, numbers[0], "更换标牌", "李倩", date(2021, 8, 31), past_deadline=True)
    ledger.report(office, numbers[0], "标牌已更换")
    ledger.verify(office, numbers[0], "实地复查：挂牌规范，同意销号")
    return numbers


def _texts(database) -> dict[str, list[str]]:
    """Every searchable text of every problem, straight from the tables."""
    with database.read() as session:
        texts = {}
        for problem in session.scalars(select(Problem)):
            texts[problem.number] = [
                getattr(problem, name) or ""
                for name in (
                    "number",
                    "title",
                    "description",
                    "recommendation",
                    "measures",
                    "report_text",
                    "verify_note",
                    "withdraw_reason",
                )
            ]
            texts[problem.number] += [
                reason or ""
                for reason in session.scalars(
                    select(ProblemEvent.reason).where(ProblemEvent.problem_id == problem.id)
                )
            ]
    return texts


def _expected(texts, query: str) -> list[str]:
    terms = query.lower().split()
    return sorted(
        number
        for number, values in texts.items()
        if all(any(term in value.lower() for value in values) for term in terms)
    )


def _found(database, query: str) -> list[str]:
    return sorted(p.number for p in ledger.list_problems(database, search=query))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("挂", [0, 6]),  # 1 character; problem 6 only through its reopen reason
        ("挂牌", [0, 6]),  # 2
        ("编制", [1]),  # 2: "编 制" and "编、制" are not 编制
        ("超编", [1]),
        ("不规范", [0, 6]),  # 3
        ("年龄老化", [3]),  # 4: 年龄, 龄老, 老化 are all in problem 4, but apart
        ("“三定”", [0]),  # punctuation around the term
        ("oa", [5]),  # A–Z in either case
        ("OA 提醒", [5]),  # terms are ANDed
        ("提醒 挂牌", [6]),
        ("应急广播", [7]),  # an extension's reason
        ("重复录入", [2]),  # a withdrawn problem's reason: still found
        ("同意销号", [0]),  # the look-back note
        ("2021-00", [0, 1, 2, 3, 4, 5, 6, 7]),
        ("2021-008", [7]),
        ("不存在的词", []),
        ("龄老化", [3]),
        ("高龄老化", []),
    ],
)
def test_search_finds_exactly_the_problems_containing_the_term(office, corpus, query, expected):
    assert _found(office, query) == sorted(corpus[i] for i in expected)
    assert ledger.count_problems(office, search=query) == len(expected)


def test_every_substring_up_to_five_characters_gives_exactly_the_brute_force_answer(office, corpus):
    texts = _texts(office)
    pieces = set()
    for values in texts.values():
        for value in values:
            for size in range(1, 6):
                pieces.update(value[i : i + size] for i in range(len(value) - size + 1))
    queries = sorted(q for q in pieces if q.strip() == q and q)
    sample = random.Random(5).sample(queries, min(400, len(queries)))

    wrong = {q: (_found(office, q), _expected(texts, q)) for q in sample}
    wrong = {q: pair for q, pair in wrong.items() if pair[0] != pair[1]}

    assert wrong == {}


def test_search_keeps_in_step_with_every_write(office, corpus):
    number = corpus[5]
    assert _found(office, "钉钉") == []

    ledger.feedback(office, number, date(2021, 7, 28))
    ledger.plan(office, number, "改用钉钉提醒", "徐志刚", date(2021, 9, 30), past_deadline=True)
    assert _found(office, "钉钉") == [number]

    ledger.report(office, number, "已接入政务微信")
    assert _found(office, "政务微信") == [number]
    ledger.reopen(office, number, "微信群未建立")
    ledger.report(office, number, "群已建立")  # the new report replaces the old text
    assert _found(office, "政务微信") == []
    assert _found(office, "微信") == [number]  # still in the reopen reason
    assert _found(office, "群已建立") == [number]

    ledger.verify(office, number, "复查通过")
    assert _found(office, "复查通过") == [number]
    ledger.reopen(office, number, "仍有积压")  # a reopened problem loses its look-back note
    assert _found(office, "复查通过") == []


def test_writes_outside_the_service_are_indexed_too(office, corpus):
    """Other writers (imports with SQLAlchemy Core, a repair in SQL) keep the index right:
    on SQLite the triggers do it in their transaction."""
    with office.write() as session:
        session.execute(
            text("UPDATE problem SET title = '窗口单位挂牌' WHERE number = :n"),
            {"n": corpus[3]},
        )
    assert _found(office, "窗口单位") == [corpus[3]]
    assert _found(office, "队伍年龄") == []
    assert corpus[3] in _found(office, "挂牌")


def test_a_failed_write_leaves_the_index_as_it_was(office, corpus):
    with pytest.raises(RuntimeError), office.write() as session:
        row = session.scalars(select(Problem).where(Problem.number == corpus[1])).one()
        row.title = "暂不保存的标题"
        session.flush()
        assert session.execute(text("SELECT 1")).scalar() == 1
        raise RuntimeError("the evaluator cancels")

    assert _found(office, "暂不保存") == []
    assert _found(office, "人员超编") == [corpus[1]]


def test_a_search_with_other_filters(office, corpus):
    assert [p.number for p in ledger.list_problems(office, search="挂牌", unit="县工信局")] == [
        corpus[0],
        corpus[6],
    ]
    assert [p.number for p in ledger.list_problems(office, search="挂牌", status="closed")] == [
        corpus[0]
    ]
    assert [p.number for p in ledger.list_problems(office, search="编", limit=1, offset=1)] == [
        corpus[2]
    ]


def test_the_cli_searches(run, corpus):
    found = run("ledger", "ls", "--search", "超编", "--json")

    assert found.code == 0, found.err
    assert [p["number"] for p in found.json()] == [corpus[1]]
    assert run("ledger", "ls", "--search", "没有这个词").out.strip() == "no problems match"


def test_random_texts_over_a_small_alphabet_give_exactly_the_brute_force_answer(office):
    """Many repeated bigrams, punctuation, spaces, digits and both cases of a letter:
    every way a phrase of bigrams could be mistaken for a substring."""
    rng = random.Random(7)
    alphabet = "编制挂牌超编，、 “”aA1"
    for i in range(30):
        body = "".join(rng.choice(alphabet) for _ in range(rng.randint(10, 60)))
        number = add_problem(office, "县工信局", body[:20].strip() or "题", description=body).number
        if i % 3 == 0:  # reasons of events go into the same document
            ledger.feedback(office, number)
            ledger.plan(office, number, body[::-1], "甲", date(2099, 1, 1))
            reason = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 20)))
            ledger.extend(office, number, date(2099, 6, 1), reason.strip() or "延")
    texts = _texts(office)
    queries = sorted(
        {
            "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 5))).strip()
            for _ in range(600)
        }
        - {""}
    )

    wrong = {q: (_found(office, q), _expected(texts, q)) for q in queries}
    wrong = {q: pair for q, pair in wrong.items() if pair[0] != pair[1]}

    assert wrong == {}
    for q in queries[:50]:
        assert ledger.count_problems(office, search=q) == len(_expected(texts, q))
        assert len(ledger.matching_ids(office, q)) == len(_expected(texts, q))
