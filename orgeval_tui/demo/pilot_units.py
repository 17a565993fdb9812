"""The units of the pilot: the three evaluated bodies, 县总工会's institution, and the 50
departments that evaluate them as peers and appear in the 12345 hotline export."""

from __future__ import annotations

from .pilot_rosters import GXJ, QXJ, WHG, ZGH

# name, short name, kind, parent, admin, public, service, leaders, evaluated.
# 县工人文化宫 is not a unit under evaluation: its roster is read as 县总工会's subordinate
# institution (the report compares the two).
EVALUATED = (
    (ZGH, "总工会", "department", None, 8, 0, 0, 4, True),
    (WHG, "文化宫", "institution", ZGH, 0, 13, 0, 1, False),
    (GXJ, "县工信局", "department", None, 18, 0, 1, 5, True),
    (QXJ, "气象局", "department", None, 9, 0, 0, 3, True),
)

# The 50 related departments: name, short name, kind, admin, public, service, leaders,
# 12345 cases received in 2020 (None: not in the hotline export).
PEERS = (
    ("沂城街道", "沂城", "township", 62, 85, 2, 9, 268),
    ("龙家圈街道", "龙家圈", "township", 48, 64, 1, 8, 171),
    ("许家湖镇", "许家湖", "township", 41, 58, 1, 8, 96),
    ("黄山铺镇", "黄山铺", "township", 40, 55, 1, 8, 88),
    ("姚店子镇", "姚店子", "township", 38, 52, 1, 8, 74),
    ("诸葛镇", "诸葛", "township", 39, 54, 1, 8, 81),
    ("崔家峪镇", "崔家峪", "township", 37, 50, 1, 8, 67),
    ("四十里堡镇", "四十里堡", "township", 40, 56, 1, 8, 92),
    ("杨庄镇", "杨庄", "township", 38, 53, 1, 8, 79),
    ("夏蔚镇", "夏蔚", "township", 39, 55, 1, 8, 63),
    ("沙沟镇", "沙沟", "township", 36, 49, 1, 8, 58),
    ("高庄镇", "高庄", "township", 40, 57, 1, 8, 85),
    ("院东头镇", "院东头", "township", 37, 51, 1, 8, 71),
    ("马站镇", "马站", "township", 36, 50, 1, 8, 66),
    ("高桥镇", "高桥", "township", 35, 48, 1, 8, 54),
    ("泉庄镇", "泉庄", "township", 35, 47, 1, 8, 48),
    ("富官庄镇", "富官庄", "township", 37, 50, 1, 8, 62),
    ("道托镇", "道托", "township", 36, 49, 1, 8, 57),
    ("圈里乡", "圈里", "township", 30, 40, 1, 7, 39),
    ("县纪委监委", "纪委监委", "department", 38, 0, 1, 9, None),
    ("县委组织部", "组织部", "department", 21, 0, 1, 6, None),
    ("县委宣传部", "宣传部", "department", 16, 0, 1, 5, 12),
    ("县审计局", "审计局", "department", 20, 0, 1, 4, None),
    ("县12345政务服务热线中心", "热线中心", "institution", 0, 18, 0, 2, None),
    ("县行政审批服务局", "审批局", "department", 24, 0, 1, 5, 47),
    ("县发展和改革局", "县发改局", "department", 22, 0, 1, 5, 26),
    ("县财政局", "财政局", "department", 30, 0, 2, 6, 21),
    ("县人力资源和社会保障局", "县人社局", "department", 26, 0, 1, 5, 168),
    ("县市场监督管理局", "市场监管局", "department", 46, 0, 2, 6, 187),
    ("县应急管理局", "应急局", "department", 20, 0, 1, 5, 29),
    ("县住房和城乡建设局", "住建局", "department", 24, 0, 1, 5, 212),
    ("县交通运输局", "交通局", "department", 22, 0, 1, 5, 88),
    ("县农业农村局", "农业农村局", "department", 28, 0, 1, 6, 62),
    ("县水利局", "水利局", "department", 18, 0, 1, 5, 37),
    ("县商务局", "商务局", "department", 16, 0, 1, 4, 24),
    ("县统计局", "统计局", "department", 14, 0, 1, 4, 6),
    ("县科学技术局", "县科技局", "department", 12, 0, 1, 4, 7),
    ("县教育和体育局", "教体局", "department", 30, 0, 1, 6, 154),
    ("县卫生健康局", "卫健局", "department", 28, 0, 1, 6, 131),
    ("县民政局", "民政局", "department", 18, 0, 1, 5, 52),
    ("县自然资源和规划局", "自然资源局", "department", 26, 0, 1, 5, 96),
    ("县文化和旅游局", "文旅局", "department", 16, 0, 1, 4, 19),
    ("县退役军人事务局", "退役军人局", "department", 14, 0, 1, 4, 33),
    ("县司法局", "司法局", "department", 22, 0, 1, 5, 14),
    ("县医疗保障局", "医保局", "department", 14, 0, 1, 4, 58),
    ("县综合行政执法局", "执法局", "department", 40, 0, 2, 6, 243),
    ("国家税务总局沂水县税务局", "县税务局", "other", 0, 0, 0, 0, 41),
    ("临沂市生态环境局沂水县分局", "生态环境分局", "other", 0, 0, 0, 0, 118),
    ("国网沂水县供电公司", "供电公司", "other", 0, 0, 0, 0, 145),
    ("沂水经济开发区管委会", "开发区", "other", 32, 0, 1, 6, 66),
)

# The evaluated units' own 12345 cases: 2020 and the first half of 2021.
EVALUATED_CASES = {GXJ: (110, 44), ZGH: (9, 4), QXJ: (5, 3)}


def units() -> list[dict]:
    rows = [
        {
            "name": name,
            "short_name": short,
            "kind": kind,
            "parent": parent,
            "quota_admin": admin,
            "quota_public": public,
            "quota_service": service,
            "quota_leaders": leaders,
            "evaluated": evaluated,
        }
        for name, short, kind, parent, admin, public, service, leaders, evaluated in EVALUATED
    ]
    for name, short, kind, admin, public, service, leaders, _cases in PEERS:
        rows.append(
            {
                "name": name,
                "short_name": short,
                "kind": kind,
                "parent": None,
                "quota_admin": admin,
                "quota_public": public,
                "quota_service": service,
                "quota_leaders": leaders,
                "evaluated": False,
            }
        )
    return rows


def peer_departments() -> list[str]:
    return [row[0] for row in PEERS]
