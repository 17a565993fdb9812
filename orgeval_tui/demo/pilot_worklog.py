"""县工信局's duty catalogue and its work log in the duty-performance system (履职考评系统).

The 2020 log reproduces the pilot's figures exactly (DOMAIN.md "Duty performance"), with
``persons`` = the 19 people on the roster and ``workdays`` = the 249 official working days
of 2020:

- 132 duties defined, 94 executed (the catalogue marks the 38 idle ones with weight 0);
- fill rate 3911 / (19 x 249) = 82.67 %;
- workload ratio 29877.25 h / (19 x 249 x 8) = 78.94 %;
- business share by times 7/9 = 77.78 %, by hours 22760.5 / 29877.25 = 76.18 %.

The log is drawn at random under those totals, then the last steps nudge hours (in
quarter hours, exact in binary floating point) and times until every total is exact.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta
from itertools import accumulate

from chinese_calendar import get_workdays

from .pilot_random import weighted
from .pilot_rosters import GXJ, ROSTERS, SECTIONS

# Targets of the 2020 log (see the module docstring).
FILLED_PAIRS_2020 = 3911
TOTAL_HOURS_2020 = 29877.25
BUSINESS_HOURS_2020 = 22760.5
BUSINESS_TIMES_PARTS = (7, 2)  # business : other times

# section → (duty, category, weight); weight is how often staff log it, 0 = not executed
# in 2020.
CATALOGUE: dict[str, list[tuple[str, str, int]]] = {
    "办公室": [
        ("负责机关日常运转和综合协调", "general", 6),
        ("负责文电、会务、机要、保密和档案管理", "general", 6),
        ("负责局党组会议、局长办公会议的组织和纪要整理", "general", 3),
        ("负责重要文稿、工作总结和计划的起草", "general", 4),
        ("负责督查督办县委县政府重要决策部署落实情况", "general", 3),
        ("负责机关财务、资产管理和预决算编制", "general", 4),
        ("负责机关及所属单位人事、机构编制和工资福利", "general", 2),
        ("负责机关党的建设、党风廉政建设和精神文明建设", "general", 3),
        ("负责信息宣传、政务公开和门户网站管理", "general", 3),
        ("负责人大代表建议和政协委员提案的办理", "general", 1),
        ("负责信访接待和12345热线交办件的办理", "business", 5),
        ("负责机关安全保卫、值班值守和车辆管理", "general", 3),
        ("组织机关干部政治理论学习和业务培训", "general", 0),
        ("参加县委县政府安排的中心工作（包村帮扶、文明城市创建）", "other", 2),
        ("负责全县工业和信息化统计资料的汇编", "business", 4),
        ("负责离退休干部服务管理", "general", 0),
        ("负责公共机构节能和机关能源资源管理", "general", 0),
        ("负责机关工会、共青团和妇女工作", "other", 0),
        ("负责国防动员和民兵预备役相关工作", "other", 0),
        ("负责对口支援和东西部协作相关工作", "other", 0),
    ],
    "综合法规科": [
        ("研究提出全县工业和信息化发展战略，拟订发展规划并组织实施", "business", 3),
        ("起草全县工业和信息化方面的规范性文件和政策措施", "business", 3),
        ("负责工业和信息化领域政策宣传解读和落实情况评估", "business", 2),
        ("负责行政执法监督、行政复议和行政应诉", "business", 1),
        ("负责权责清单、行政许可事项的动态调整", "business", 2),
        ("负责法治政府建设和普法工作", "general", 1),
        ("承担全县工业经济综合考核相关工作", "business", 3),
        ("负责落实减轻企业负担政策，开展涉企收费监督检查", "business", 2),
        ("负责清理拖欠民营企业中小企业账款工作", "business", 2),
        ("承担“双随机、一公开”监管工作", "business", 1),
        ("负责重大课题调研和综合性材料起草", "general", 1),
        ("负责工业和信息化领域地方标准的组织实施", "business", 0),
        ("负责全县盐业行业管理", "business", 0),
        ("负责军民融合发展和国防科技工业相关工作", "business", 0),
        ("负责工业和信息化领域对外交流与合作", "business", 0),
        ("负责工业产品质量品牌建设的政策研究", "business", 0),
    ],
    "运行监测科": [
        ("负责全县工业经济运行监测分析", "business", 8),
        ("负责规模以上工业企业生产经营情况调度", "business", 6),
        ("负责工业经济运行月度、季度分析报告的撰写", "business", 4),
        ("负责协调解决工业经济运行中的重大问题", "business", 3),
        ("负责煤电油气运行的协调保障", "business", 2),
        ("负责电力需求侧管理和有序用电", "business", 2),
        ("负责重要物资应急储备和生产调度", "business", 2),
        ("负责疫情防控期间工业企业复工复产调度", "business", 4),
        ("负责“小升规”企业培育和入库工作", "business", 3),
        ("负责工业企业“亩产效益”评价", "business", 2),
        ("负责工业领域统计数据质量核查", "business", 2),
        ("负责重点工业企业包保服务和走访", "business", 4),
        ("负责科室文件收发、资料归档", "general", 1),
        ("负责交通运输、邮电通信等运行协调", "business", 0),
        ("负责重要工业品价格监测预警", "business", 0),
        ("负责工业企业用地用能要素保障研究", "business", 0),
        ("负责工业领域应急预案的编制", "general", 0),
    ],
    "投资与技术改造科": [
        ("负责工业技术改造投资项目的备案和管理", "business", 5),
        ("负责全县重点工业项目的谋划、储备和推进", "business", 6),
        ("负责省市重点技改项目的申报和跟踪服务", "business", 4),
        ("负责工业转型升级专项资金项目的申报和监管", "business", 3),
        ("负责智能化技术改造和智能工厂、数字化车间培育", "business", 3),
        ("负责工业项目建设进度调度和督导", "business", 4),
        ("负责工业投资统计和分析", "business", 2),
        ("负责新旧动能转换重大工业项目推进", "business", 3),
        ("负责企业技术中心认定和创新平台建设", "business", 2),
        ("负责首台（套）技术装备和新材料首批次推广应用", "business", 1),
        ("负责科室文件收发、资料归档", "general", 1),
        ("完成局领导交办的其他工作", "other", 2),
        ("负责工业园区规划建设的指导", "business", 0),
        ("负责工业项目节地评价", "business", 0),
        ("负责外资工业项目的协调服务", "business", 0),
        ("负责工业设计中心的培育认定", "business", 0),
        ("负责工业遗产保护利用", "business", 0),
    ],
    "中小企业科": [
        ("负责中小企业和民营经济发展的宏观指导", "business", 3),
        ("负责“专精特新”中小企业培育和认定", "business", 4),
        ("负责中小企业公共服务平台和创业创新基地建设", "business", 2),
        ("负责企业上市挂牌培育和辅导", "business", 2),
        ("负责协调解决中小企业融资问题，组织银企对接", "business", 4),
        ("负责企业家培训和中小企业人才培养", "business", 2),
        ("负责中小企业“一企一策”服务和问题诉求办理", "business", 4),
        ("负责优化营商环境涉企事项的落实", "business", 3),
        ("负责民营经济统计监测和分析", "business", 2),
        ("负责助企纾困和惠企政策宣传兑现", "business", 4),
        ("负责科室文件收发、资料归档", "general", 1),
        ("完成局领导交办的其他工作", "other", 1),
        ("负责中小企业国际合作交流", "business", 0),
        ("负责中小企业信用担保体系建设的指导", "business", 0),
        ("负责中小企业服务券的发放管理", "business", 0),
        ("负责中小企业发展专项资金绩效评价", "business", 0),
        ("负责个体工商户转企业工作", "business", 0),
    ],
    "信息化推进科": [
        ("负责推进信息化和工业化深度融合", "business", 4),
        ("负责5G基站建设协调和通信基础设施建设", "business", 4),
        ("负责工业互联网推广和企业“上云用数赋智”", "business", 3),
        ("负责软件和信息技术服务业发展", "business", 2),
        ("负责电子信息制造业发展", "business", 2),
        ("负责两化融合管理体系贯标", "business", 2),
        ("负责信息通信行业的协调服务", "business", 2),
        ("负责工业领域网络安全和数据安全相关工作", "business", 2),
        ("负责数字经济统计监测", "business", 2),
        ("负责科室文件收发、资料归档", "general", 1),
        ("完成局领导交办的其他工作", "other", 1),
        ("负责无线电管理协调工作", "business", 0),
        ("负责电子商务进企业推广", "business", 0),
        ("负责大数据产业发展规划的实施", "business", 0),
        ("负责信息化项目资金绩效评价", "business", 0),
        ("负责智慧城市建设相关工作的协调", "business", 0),
    ],
    "节能与综合利用科": [
        ("负责工业节能降耗和绿色发展工作", "business", 4),
        ("负责重点用能企业节能监察", "business", 3),
        ("负责清洁生产审核和推广", "business", 2),
        ("负责工业固体废物综合利用", "business", 2),
        ("负责淘汰落后产能和化解过剩产能", "business", 2),
        ("负责绿色工厂、绿色园区的创建申报", "business", 2),
        ("负责能耗“双控”目标任务的分解落实", "business", 3),
        ("负责工业领域大气污染防治相关工作", "business", 2),
        ("负责科室文件收发、资料归档", "general", 1),
        ("完成局领导交办的其他工作", "other", 1),
        ("负责新能源汽车推广应用", "business", 0),
        ("负责再生资源回收利用行业管理", "business", 0),
        ("负责墙体材料革新和散装水泥推广", "business", 0),
        ("负责节能技术和产品推广目录的发布", "business", 0),
    ],
    "安全生产科": [
        ("负责工业和信息化行业安全生产监督管理", "business", 5),
        ("负责民用爆炸物品生产、销售的安全监管", "business", 3),
        ("负责工业企业安全生产隐患排查治理", "business", 4),
        ("负责安全生产专项整治三年行动", "business", 3),
        ("负责工贸行业安全生产培训和宣传", "business", 2),
        ("负责汛期和节假日工业企业安全生产检查", "business", 3),
        ("负责化工园区安全风险防控", "business", 2),
        ("负责企业安全生产标准化建设", "business", 2),
        ("负责科室文件收发、资料归档", "general", 1),
        ("负责局安全生产委员会办公室日常工作", "general", 1),
        ("完成局领导交办的其他工作", "other", 1),
        ("负责应急救援物资储备和调度", "business", 0),
        ("负责船舶工业安全管理", "business", 0),
        ("负责城镇燃气安全监管的配合工作", "business", 0),
        ("负责安全生产责任保险推广", "business", 0),
    ],
}

# Share of a person's entries that go to duties of another section: staff help out with
# the office's common duties; the leadership (section None) spreads over every section.
CROSS_SECTION_SHARE = 0.05
# The leadership oversees the business sections: their business duties weigh this much more.
LEADERSHIP_BUSINESS_WEIGHT = 2
# Entries per filled person-day, and how a day's hours are drawn (in half hours).
ENTRIES_PER_DAY = ((1, 25), (2, 50), (3, 25))
DAY_HOURS = ((6.0, 2), (6.5, 3), (7.0, 6), (7.5, 8), (8.0, 9), (8.5, 4), (9.0, 2))
# Month → shift of the day's hours: the Spring-Festival lull, the epidemic and
# resumption of work in February-March, the year-end rush.
MONTH_HOURS_SHIFT = {1: -0.5, 2: 0.5, 3: 0.5, 7: -0.5, 8: -0.5, 12: 0.5}
# Month → weight of a workday being left unlogged (leave, trips, forgetting).
MONTH_GAP_WEIGHT = {1: 1.6, 2: 0.7, 3: 0.8, 7: 1.4, 8: 1.5, 10: 1.3, 12: 0.7}
# Business entries: how many times a duty was performed.
BUSINESS_TIMES = ((1, 90), (2, 8), (3, 2))
# Weekend and holiday work (counts in hours and times, not in the fill rate).
WEEKEND_DAYS_2020 = 46
# The first half of 2021 is drawn the same way, without exact targets.
GAP_SHARE_2021 = 0.15
WEEKEND_DAYS_2021 = 18
WEEKEND_MONTHS = {1: 1, 2: 8, 3: 3, 6: 1, 7: 2, 8: 4, 10: 2, 12: 1}
WEEKEND_SECTIONS = ("运行监测科", "安全生产科", "办公室", None)


def catalogue() -> list[dict]:
    """The 132 duties, coded GXJ001… in section order."""
    duties = []
    for section in SECTIONS[GXJ]:
        for name, category, _weight in CATALOGUE[section]:
            code = f"GXJ{len(duties) + 1:03d}"
            duties.append({"code": code, "name": name, "section": section, "category": category})
    return duties


def _weights() -> dict[str, int]:
    """Duty code → weight, in the order of ``catalogue()``."""
    rows = [row for section in SECTIONS[GXJ] for row in CATALOGUE[section]]
    return {f"GXJ{i:03d}": weight for i, (_name, _category, weight) in enumerate(rows, start=1)}


def _largest_remainder(total: int, weights: list[float]) -> list[int]:
    scale = total / sum(weights)
    raw = [w * scale for w in weights]
    counts = [int(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: raw[i] - counts[i], reverse=True)
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


class _Log:
    """The log of one period while it is drawn: entries as mutable dicts."""

    def __init__(self, rng: random.Random, duties: list[dict]):
        self.rng = rng
        self.duties = {d["code"]: d for d in duties}
        weights = _weights()
        self.active = [c for c in self.duties if weights[c] > 0]
        own: dict[str | None, list[tuple[str, int]]] = defaultdict(list)
        common: list[tuple[str, int]] = []
        for code in self.active:
            duty = self.duties[code]
            own[duty["section"]].append((code, weights[code]))
            lead = LEADERSHIP_BUSINESS_WEIGHT if duty["category"] == "business" else 1
            own[None].append((code, weights[code] * lead))
            if duty["section"] == "办公室" and duty["category"] != "business":
                common.append((code, weights[code]))
        # (code, weight) tables, as tuples so their cumulative weights are cached
        self.own = {section: tuple(pool) for section, pool in own.items()}
        self.common = tuple(common)
        self.entries: list[dict] = []

    def pick_duty(self, section: str | None) -> str:
        if section is not None and self.rng.random() < CROSS_SECTION_SHARE:
            return weighted(self.rng, self.common)
        return weighted(self.rng, self.own[section])

    def add_day(self, person: str, section: str | None, day: date, total: float, n: int):
        """``n`` entries on one person-day sharing ``total`` hours (half-hour parts)."""
        halves = int(total * 2)
        n = max(n, -(-halves // 16))  # no entry over 8 hours
        while True:
            cuts = sorted(self.rng.sample(range(1, halves), n - 1)) if n > 1 else []
            parts = [b - a for a, b in zip([0, *cuts], [*cuts, halves], strict=True)]
            if max(parts) <= 16:
                break
        codes = []
        for _ in parts:
            code = self.pick_duty(section)
            while code in codes and len(self.own[section]) > n:
                code = self.pick_duty(section)
            codes.append(code)
        for code, part in zip(codes, parts, strict=True):
            business = self.duties[code]["category"] == "business"
            times = weighted(self.rng, BUSINESS_TIMES) if business else 1
            self.entries.append(
                {
                    "duty_code": code,
                    "person": person,
                    "section": section,
                    "day": day,
                    "times": times,
                    "hours": part / 2,
                }
            )

    def is_business(self, entry: dict) -> bool:
        return self.duties[entry["duty_code"]]["category"] == "business"


def _gap_days(rng: random.Random, people: list[tuple], workdays: list[date], gaps: int):
    """Choose ``gaps`` unlogged (person, workday) pairs: leave blocks and single days."""
    # The leadership is out at meetings and inspections more; staff differ among themselves.
    weights = [
        rng.uniform(1.8, 2.6) if section is None else rng.uniform(0.5, 1.5)
        for _name, section in people
    ]
    per_person = _largest_remainder(gaps, weights)
    day_weights = list(accumulate(MONTH_GAP_WEIGHT.get(d.month, 1.0) for d in workdays))
    missing: set[tuple[str, date]] = set()
    for (name, _section), count in zip(people, per_person, strict=True):
        chosen: set[int] = set()
        while len(chosen) < count:
            start = rng.choices(range(len(workdays)), cum_weights=day_weights)[0]
            length = weighted(rng, ((1, 10), (2, 3), (3, 2), (5, 1)))
            for i in range(start, min(start + length, len(workdays))):
                if len(chosen) < count:
                    chosen.add(i)
        missing.update((name, workdays[i]) for i in chosen)
    return missing


def _draw(
    rng: random.Random, duties: list[dict], start: date, end: date, gaps: int, weekend: int
) -> _Log:
    people = [(row[0], row[6]) for row in ROSTERS[GXJ]]
    workdays = get_workdays(start, end)
    missing = _gap_days(rng, people, workdays, gaps)
    log = _Log(rng, duties)
    for day in workdays:
        shift = MONTH_HOURS_SHIFT.get(day.month, 0.0)
        for name, section in people:
            if (name, day) in missing:
                continue
            total = weighted(rng, DAY_HOURS) + shift
            log.add_day(name, section, day, total, weighted(rng, ENTRIES_PER_DAY))
    working = set(workdays)
    every_day = (start + timedelta(days=i) for i in range((end - start).days + 1))
    off_days = [d for d in every_day if d not in working]
    off_weights = [WEEKEND_MONTHS.get(d.month, 0) for d in off_days]
    on_call = [(n, s) for n, s in people if s in WEEKEND_SECTIONS]
    seen: set[tuple[str, date]] = set()
    while len(seen) < weekend and any(off_weights):
        day = rng.choices(off_days, off_weights)[0]
        name, section = rng.choice(on_call)
        if (name, day) in seen:
            continue
        seen.add((name, day))
        total = weighted(rng, ((2.0, 2), (3.0, 3), (4.0, 3), (5.5, 1), (6.0, 1)))
        log.add_day(name, section, day, total, weighted(rng, ((1, 2), (2, 1))))
    log.entries.sort(key=lambda e: (e["day"], e["person"]))
    return log


def _use_every_active_duty(log: _Log) -> None:
    """Give each active duty that the draw missed an entry from a busy duty of the same
    section and category (so no share moves)."""
    counts: dict[str, int] = defaultdict(int)
    for entry in log.entries:
        counts[entry["duty_code"]] += 1
    for code in log.active:
        if counts[code]:
            continue
        duty = log.duties[code]
        donors = [
            e
            for e in log.entries
            if counts[e["duty_code"]] > 3
            and log.duties[e["duty_code"]]["section"] == duty["section"]
            and log.duties[e["duty_code"]]["category"] == duty["category"]
        ]
        entry = log.rng.choice(donors)
        counts[entry["duty_code"]] -= 1
        entry["duty_code"] = code
        counts[code] += 1


def _hit_total_hours(log: _Log, target: float) -> None:
    """Add or remove half (then quarter) hours on random entries until the total is exact."""
    rng = log.rng
    day_total: dict[tuple, float] = defaultdict(float)
    for e in log.entries:
        day_total[e["person"], e["day"]] += e["hours"]
    diff = target - sum(e["hours"] for e in log.entries)
    while diff:
        step = 0.5 if abs(diff) >= 0.5 else 0.25
        step = step if diff > 0 else -step
        entry = rng.choice(log.entries)
        key = entry["person"], entry["day"]
        hours = entry["hours"] + step
        if 0.5 <= hours <= 8 and 5.5 <= day_total[key] + step <= 10:
            entry["hours"] = hours
            day_total[key] += step
            diff -= step


def _hit_business_hours(log: _Log, target: float) -> None:
    """Move half (then quarter) hours between a business and another entry of the same
    person-day, leaving every day's total alone, until business hours are exact."""
    rng = log.rng
    days: dict[tuple, list[dict]] = defaultdict(list)
    for e in log.entries:
        days[e["person"], e["day"]].append(e)
    mixed = [
        (b, o)
        for group in days.values()
        for b in group
        if log.is_business(b)
        for o in group
        if not log.is_business(o)
    ]
    diff = target - sum(e["hours"] for e in log.entries if log.is_business(e))
    while diff:
        step = 0.5 if abs(diff) >= 0.5 else 0.25
        step = step if diff > 0 else -step
        business, other = rng.choice(mixed)
        if 0.5 <= business["hours"] + step <= 8 and 0.5 <= other["hours"] - step <= 8:
            business["hours"] += step
            other["hours"] -= step
            diff -= step


def _hit_times_share(log: _Log, parts: tuple[int, int]) -> None:
    """Raise ``times`` on random entries until business : other times = parts exactly."""
    rng = log.rng
    business = [e for e in log.entries if log.is_business(e)]
    other = [e for e in log.entries if not log.is_business(e)]
    t_business = sum(e["times"] for e in business)
    t_other = sum(e["times"] for e in other)
    k = max(-(-t_business // parts[0]), -(-t_other // parts[1]))
    for group, missing in ((business, parts[0] * k - t_business), (other, parts[1] * k - t_other)):
        while missing:
            entry = rng.choice(group)
            if entry["times"] < 4:
                entry["times"] += 1
                missing -= 1


def work_log(rng: random.Random, duties: list[dict]) -> list[dict]:
    """The 2020 log (exact to the pilot's figures) followed by the first half of 2021."""
    start, end = date(2020, 1, 1), date(2020, 12, 31)
    persons = len(ROSTERS[GXJ])
    gaps = persons * len(get_workdays(start, end)) - FILLED_PAIRS_2020
    log = _draw(rng, duties, start, end, gaps, WEEKEND_DAYS_2020)
    _use_every_active_duty(log)
    _hit_total_hours(log, TOTAL_HOURS_2020)
    _hit_business_hours(log, BUSINESS_HOURS_2020)
    _hit_times_share(log, BUSINESS_TIMES_PARTS)
    entries = log.entries

    start, end = date(2021, 1, 1), date(2021, 6, 30)
    gaps = round(persons * len(get_workdays(start, end)) * GAP_SHARE_2021)
    entries += _draw(rng, duties, start, end, gaps, WEEKEND_DAYS_2021).entries
    return entries
