"""Messages of roles and accounts: refusals naming the role a change needs, and
`orgeval users`."""

EN = {
    "access.list_separator": ", ",
    "access.no_account": "the account {account} has no role in this database, so it can read but change nothing: an admin gives it one with `orgeval users add {account} --role evaluator`",
    "access.viewer": "{account} is a viewer: a viewer reads everything and changes nothing; this needs the evaluator or admin role",
    "access.not_admin": "this needs the admin role ({account} is an evaluator)",
    "access.other_unit": "{account} is an evaluator for {units} only: work on {unit} needs an evaluator for {unit} (an admin runs `orgeval users grant {account} --unit {unit}`)",
    "access.limited": "{account} is an evaluator for {units} only: this concerns every unit, so it needs an evaluator for all units or an admin",
}

ZH = {
    "access.list_separator": "、",
    "access.no_account": "账户 {account} 在本数据库中没有角色，只能查看、不能修改：请管理员运行 `orgeval users add {account} --role evaluator` 为其添加角色",
    "access.viewer": "{account} 是查看者：可以查看全部内容，但不能修改；此操作需要评估员或管理员角色",
    "access.not_admin": "此操作需要管理员角色（{account} 是评估员）",
    "access.other_unit": "{account} 只是{units}的评估员：{unit}的工作需要该单位的评估员角色（管理员可运行 `orgeval users grant {account} --unit {unit}`）",
    "access.limited": "{account} 只是{units}的评估员：此操作涉及全部单位，需要不限单位的评估员或管理员角色",
}

EN.update(
    {
        "users.bad_role": "{role} is not a role: use one of {roles}",
        "users.bad_name": "{name!r} is not an account name (one word, no spaces or control characters, at most 64 characters)",
        "users.unknown": "{name} has no role in this database (`orgeval users list` shows who has)",
        "users.exists": "{name} already has the role {role}: change it with `orgeval users grant {name} --role ROLE`",
        "users.last_admin": "{name} is the last admin: make another account admin first, or the database would have no one to manage it",
        "users.units_only_evaluator": "{name} is {role}: only an evaluator is limited to units",
        "users.grant_nothing": "say what to grant {name}: --role, --unit or --all-units",
        "users.units_and_all": "--unit and --all-units contradict each other (for {name})",
        "users.not_limited_to": "{name} is not limited to {unit}: nothing to revoke",
        "users.last_unit": "these are all of {name}'s units: an evaluator without units may work on every unit. To take every right away, run `orgeval users revoke {name}`; to lift the limit, `orgeval users grant {name} --all-units`",
        "users.changed": "{name} is now {role}{units}",
        "users.removed": "{name} has no role in this database any more (what it did stays in the audit trail)",
        "users.for_units": " for {units}",
        "users.all_units": "all units",
        "users.not_on_machine": "note: this machine has no OS account named {name}",
        "users.none": "No accounts.",
        "role.admin": "admin",
        "role.evaluator": "evaluator",
        "role.viewer": "viewer",
        "role.none": "no role",
    }
)
ZH.update(
    {
        "users.bad_role": "{role} 不是角色：可用 {roles}",
        "users.bad_name": "{name!r} 不是账户名（应为一个词，不含空格或控制字符，最多 64 个字符）",
        "users.unknown": "{name} 在本数据库中没有角色（`orgeval users list` 列出已有角色的账户）",
        "users.exists": "{name} 已有角色 {role}：如需更改，运行 `orgeval users grant {name} --role 角色`",
        "users.last_admin": "{name} 是最后一名管理员：请先让另一账户成为管理员，否则数据库将无人管理",
        "users.units_only_evaluator": "{name} 的角色是 {role}：只有评估员才能限定单位",
        "users.grant_nothing": "请说明授予 {name} 什么：--role、--unit 或 --all-units",
        "users.units_and_all": "--unit 与 --all-units 相互矛盾（{name}）",
        "users.not_limited_to": "{name} 并未限定于 {unit}：无可收回",
        "users.last_unit": "这是 {name} 的全部单位：没有限定单位的评估员可以评估所有单位。如要收回全部权限，运行 `orgeval users revoke {name}`；如要取消限定，运行 `orgeval users grant {name} --all-units`",
        "users.changed": "{name} 现为{role}{units}",
        "users.removed": "{name} 在本数据库中已无角色（其操作仍保留在审计记录中）",
        "users.for_units": "（限：{units}）",
        "users.all_units": "全部单位",
        "users.not_on_machine": "注意：本机没有名为 {name} 的系统账户",
        "users.none": "没有账户。",
        "role.admin": "管理员",
        "role.evaluator": "评估员",
        "role.viewer": "查看者",
        "role.none": "无角色",
    }
)

EN.update(
    {
        "users.column.name": "account",
        "users.column.role": "role",
        "users.column.units": "units",
        "users.column.added": "added",
    }
)
ZH.update(
    {
        "users.column.name": "账户",
        "users.column.role": "角色",
        "users.column.units": "单位",
        "users.column.added": "添加",
    }
)

# Help texts of `orgeval users ...`, keyed by the English text in cli/users.py.
_HELP = {
    "Accounts and their roles: admin, evaluator (optionally limited to units), viewer.": "账户及其角色：管理员、评估员（可限定单位）、查看者。",
    "A unit the evaluator is limited to (repeat for more).": "评估员限定的单位（可重复给出多个）。",
    "The OS account name.": "系统账户名。",
    "admin, evaluator or viewer.": "角色：管理员、评估员或查看者（依次写作 admin、evaluator、viewer）。",
    "Give an OS account a role in this database (admin only).": "为系统账户在本数据库中设定角色（仅管理员）。",
    "The new role: admin, evaluator or viewer.": "新角色：管理员、评估员或查看者（依次写作 admin、evaluator、viewer）。",
    "Lift the evaluator's limit to units.": "取消评估员的单位限定。",
    "Change an account's role, or the units an evaluator may work on (admin only).": "更改账户的角色，或评估员可评估的单位（仅管理员）。",
    "Take only this unit from the evaluator (repeat for more).": "只收回评估员的此单位（可重复给出多个）。",
    "Take units from an evaluator, or with no --unit the account's role (admin only).": "收回评估员的单位；不给单位时收回该账户的角色（仅管理员）。",
    "List the accounts with a role, and their units.": "列出有角色的账户及其单位。",
}
EN.update({english: english for english in _HELP})
ZH.update(_HELP)

# A unit an evaluator is limited to is not removed from under it (that evaluator would
# be left with fewer units, or with none: every unit).
EN.update(
    {
        "unit.data.account_unit": "{count} evaluators limited to it (`orgeval users revoke NAME --unit UNIT`)",
        "unit.data.account_unit.one": "{count} evaluator limited to it (`orgeval users revoke NAME --unit UNIT`)",
    }
)
ZH.update(
    {
        "unit.data.account_unit": "限定于该单位的评估员 {count} 人（`orgeval users revoke 账户 --unit 单位`）",
        "unit.data.account_unit.one": "限定于该单位的评估员 {count} 人（`orgeval users revoke 账户 --unit 单位`）",
    }
)

EN.update({"tui.access.header": "{account} · {role}"})
ZH.update({"tui.access.header": "{account} · {role}"})
