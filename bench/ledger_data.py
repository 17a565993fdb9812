"""A large ledger for the ledger benchmarks (not a benchmark itself).

`build(path, problems)` writes an SQLite database through the migrations: 60 units, one
evaluation per year 2019–2026, and N problems spread over them, written with SQLAlchemy
Core in batches (the search index fills through its triggers, as with any writer), plus
an event with a reason for about one problem in twelve (failed look-backs, extensions).

Text: each problem's title, description, recommendation, measures, report and note are
made of clauses. About one clause in six is the office's own language — the clauses of
the pilot's ledger, of the source report (../shared/seed, when present) and a few dozen
more of the same kind (超编, 空编, 混岗 …) — and the rest are made of random words: two
thirds random pairs of CJK ideographs, one third bigrams of those domain clauses, so the
bigrams of a term also occur apart from it. Domain words therefore recur the way they do
in a real ledger (编制 in a large share of problems, 挂牌 or 年龄老化 in a few percent) and
every other bigram is rare. Statuses follow the age of the evaluation (old ones mostly
closed), deadlines fall around the day the database is built.
"""

from __future__ import annotations

import random
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from orgeval_tui.demo import pilot_ledger
from orgeval_tui.models import Evaluation, Problem, ProblemEvent
from orgeval_tui.services.units import add_unit
from orgeval_tui.storage.database import Database

SEED_REPORT = Path(__file__).resolve().parents[2] / "shared" / "seed" / "pilot-report.zh.txt"
UNIT = "县工业和信息化局"
MORE_CLAUSES = """
实有人数超编2名 存在超编进人现象 超编人员尚未消化 编制空缺长期未补充 空编率偏高
机关与下属事业单位混编混岗 借调人员长期在机关工作 内设机构未按三定规定挂牌
挂牌名称与批复不一致 部分科室挂牌不规范 领导职数超配1名 超职数配备干部
干部队伍年龄老化 年龄结构不合理 35岁以下干部偏少 专业技术人员不足
编制使用计划未报备 用编进人审批材料不全 编制台账更新不及时 机构编制档案管理不规范
职责边界不清 部门间职责交叉 履职考评系统填报率偏低 业务工作占比偏低
事业单位职能定位不清 公益属性不突出 人员统筹使用不够 一人多岗现象突出
""".split()


def _clauses(text: str) -> list[str]:
    return [c.strip() for c in re.split(r"[，。；：、\n（）]", text) if len(c.strip()) >= 4]


def domain_clauses() -> list[str]:
    texts = []
    for spec in pilot_ledger.PROBLEMS:
        texts += [spec["title"], spec["description"], spec["recommendation"]]
        texts += [part for step in spec["life"] for part in step[2:] if isinstance(part, str)]
    if SEED_REPORT.exists():
        texts.append(SEED_REPORT.read_text(encoding="utf-8"))
    clauses = sorted({c for text in texts for c in _clauses(text)} | set(MORE_CLAUSES))
    return clauses


class Writer:
    def __init__(self, seed: int = 2021):
        self.rng = random.Random(seed)
        self.domain = domain_clauses()
        self.domain_words = sorted({c[i : i + 2] for c in self.domain for i in range(len(c) - 1)})

    def word(self) -> str:
        if self.rng.random() < 1 / 3:
            return self.rng.choice(self.domain_words)
        return chr(self.rng.randint(0x4E00, 0x9FA5)) + chr(self.rng.randint(0x4E00, 0x9FA5))

    def clause(self) -> str:
        if self.rng.random() < 1 / 6:
            return self.rng.choice(self.domain)
        return "".join(self.word() for _ in range(self.rng.randint(3, 7)))

    def text(self, low: int, high: int) -> str:
        return "，".join(self.clause() for _ in range(self.rng.randint(low, high))) + "。"


STATUS_BY_AGE = [  # years before the newest evaluation → (status, weight)
    [
        ("identified", 8),
        ("fed_back", 12),
        ("rectifying", 45),
        ("reported", 20),
        ("closed", 10),
        ("withdrawn", 5),
    ],
    [("rectifying", 20), ("reported", 15), ("closed", 60), ("withdrawn", 5)],
    [("rectifying", 4), ("reported", 4), ("closed", 88), ("withdrawn", 4)],
]


def build(path: Path, problems: int, *, today: date | None = None, seed: int = 2021) -> None:
    today = today or date.today()
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    database = Database.open(str(path))
    fill(database, problems, today=today, seed=seed)
    database.dispose()


def fill(database: Database, problems: int, *, today: date | None = None, seed: int = 2021):
    """The same ledger written into an empty database of either backend (PostgreSQL's
    search index fills through its triggers too)."""
    today = today or date.today()
    writer, rng = Writer(seed), random.Random(seed + 1)
    years = list(range(2019, 2027))
    names = (
        [UNIT] + [f"县直部门{i:02d}" for i in range(1, 40)] + [f"乡镇{i:02d}" for i in range(1, 21)]
    )
    unit_ids = [add_unit(database, name).id for name in names]
    with database.write() as session:
        for y in years:
            session.add(
                Evaluation(
                    name=f"{y}年度机构编制评估",
                    reference_date=date(y, 6, 30),
                    number_prefix=str(y),
                    created_at=datetime(y, 7, 1, tzinfo=UTC),
                )
            )
        session.flush()
        evaluation_ids = dict(
            session.execute(select(Evaluation.number_prefix, Evaluation.id)).all()
        )
    per_year = problems // len(years)
    batch, rows, events, serial = 20_000, [], [], {}
    next_id = 1
    for n in range(problems):
        year = years[min(n // per_year, len(years) - 1)]
        age = min(years[-1] - year, 2)
        statuses, weights = zip(*STATUS_BY_AGE[age], strict=True)
        status = rng.choices(statuses, weights)[0]
        serial[year] = serial.get(year, 0) + 1
        created = datetime(year, 7, 1, tzinfo=UTC) + timedelta(minutes=rng.randint(0, 150_000))
        planned = status not in ("identified", "fed_back") and not (
            status == "withdrawn" and rng.random() < 0.5
        )
        if year == years[-1]:
            deadline = today + timedelta(days=rng.randint(-90, 120))
        else:
            deadline = date(year, 12, 31) + timedelta(days=rng.randint(-120, 180))
        reported = status in ("reported", "closed")
        row = {
            "id": next_id,
            "evaluation_id": evaluation_ids[str(year)],
            "number": f"{year}-{serial[year]:03d}",
            "unit_id": rng.choice(unit_ids),
            "source": rng.choice(("self", "peer", "onsite", "roster", "duties", "cases")),
            "category": rng.choice(("机构挂牌", "档案管理", "队伍结构", "职责履行", "编制使用")),
            "title": writer.clause()[:40],
            "description": writer.text(2, 4),
            "recommendation": writer.text(1, 2),
            "severity": rng.choice(("high", "medium", "low")),
            "status": status,
            "fed_back_on": created.date() + timedelta(days=5) if status != "identified" else None,
            "measures": writer.text(1, 3) if planned else None,
            "responsible": "负责人" if planned else None,
            "deadline": deadline if planned else None,
            "report_text": writer.text(1, 2) if reported else None,
            "reported_on": deadline - timedelta(days=10) if reported else None,
            "verifier": "督导小组" if status == "closed" else None,
            "verified_on": deadline + timedelta(days=5) if status == "closed" else None,
            "verify_note": writer.clause() if status == "closed" else None,
            "withdraw_reason": writer.clause() if status == "withdrawn" else None,
            "withdrawn_on": created.date() + timedelta(days=20) if status == "withdrawn" else None,
            "created_at": created,
            "version": 1,
        }
        rows.append(row)
        if planned and rng.random() < 1 / 12:
            events.append(
                {
                    "problem_id": next_id,
                    "action": "extend",
                    "to_status": status,
                    "actor": "bench",
                    "at": created + timedelta(days=30),
                    "reason": writer.clause(),
                }
            )
        next_id += 1
        if len(rows) == batch or n == problems - 1:
            with database.write() as session:
                session.execute(insert(Problem), rows)
                if events:
                    session.execute(insert(ProblemEvent), events)
            rows, events = [], []
    with database.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
