"""Messages of setting up from the TUI: the first steps on an empty database, the new
evaluation and new unit forms, and importing a file."""

EN = {
    "tui.setup.first_steps": (
        "The database is empty. First set up the evaluation (name, reference date, "
        "periods), then register the units, or import the office's files."
    ),
    "tui.setup.no_units": (
        "No unit is registered yet: add the units, or import the office's files."
    ),
    "tui.setup.no_evaluation": (
        "No evaluation is set up yet: set one up to number problems and take ages at "
        "its reference date."
    ),
    "tui.setup.evaluation_button": "New evaluation",
    "tui.setup.unit_button": "Add a unit",
    "tui.setup.import_button": "Import a file",
    "key.setup": "New/import",
    "key.setup.evaluation": "New evaluation",
    "key.setup.unit": "Add unit",
    "key.setup.import": "Import",
    "tui.setup.palette.evaluation": "Set up an evaluation; it becomes the current one",
    "tui.setup.palette.unit": "Register a unit",
    "tui.setup.palette.import": "Import a roster, duty log, cases, questionnaires or a ledger",
    "tui.evaluation_form.title": "New evaluation",
    "tui.evaluation_form.note": (
        "It becomes the current evaluation. Periods: one a line, LABEL=START..END, "
        "e.g. 2020年度=2020-01-01..2020-12-31."
    ),
    "tui.evaluation_form.name": "Name",
    "tui.evaluation_form.reference_date": "Reference date",
    "tui.evaluation_form.prefix": "Number prefix",
    "tui.evaluation_form.periods": "Periods",
    "tui.evaluation_form.all_units": "Take in all {count} units",
    "tui.evaluation_form.created": "{name} set up; it is the current evaluation.",
    "tui.unit_form.title": "Add a unit",
    "tui.unit_form.parent": "Parent unit",
    "tui.unit_form.in_evaluation": "Under evaluation",
    "tui.unit_form.current": "The current evaluation: {name}",
    "tui.unit_form.no_parent": "(none: a top-level unit)",
    "tui.unit_form.bad_quota": "{field}: {value} is not a whole number",
    "tui.unit_form.added": "{name} registered.",
    "tui.unit_form.added_in": "{name} registered, under {evaluation}.",
    "tui.import.title": "Import a file",
    "tui.import.note": "A file is written whole or not at all. Ctrl+O: choose the file.",
    "tui.import.kind": "Kind",
    "tui.import.file": "File",
    "tui.import.unit": "Unit",
    "tui.import.unit_from_file": "(as the file names them)",
    "tui.import.kind.roster": "Roster (在编人员)",
    "tui.import.kind.duties": "Duties and work log",
    "tui.import.kind.cases:hotline": "Cases: 12345 hotline",
    "tui.import.kind.cases:service": "Cases: government service",
    "tui.import.kind.survey:peer": "Peer questionnaires",
    "tui.import.kind.survey:staff": "Staff questionnaires",
    "tui.import.kind.ledger": "Problem ledger",
    "tui.import.browse": "Choose file",
    "tui.import.picker_title": "Choose the file to import",
    "tui.import.picker_open": "Choose",
    "tui.import.working": "Importing {file} …",
    "tui.import.done": "{file}: {rows} rows of {kind} imported.",
    "tui.import.done_ledger": "{file}: {added} problems added, {unchanged} already there.",
    "tui.import.refused_short": "Not imported: {count} problem(s), listed row by row. Fix the file, then OK again.",
    "tui.import_errors.title": "{file}: not imported",
    "tui.import_errors.summary": "{count} problem(s), row by row; nothing was written.",
}

ZH = {
    "tui.setup.first_steps": (
        "数据库还是空的。第一步：设立评估项目（名称、基准日、评估期间），"
        "再登记单位，或导入本办的文件。"
    ),
    "tui.setup.no_units": "尚未登记单位：请登记单位，或导入本办的文件。",
    "tui.setup.no_evaluation": "尚未设立评估项目：设立后才能给问题编号，并按其基准日计算年龄。",
    "tui.setup.evaluation_button": "新建评估项目",
    "tui.setup.unit_button": "登记单位",
    "tui.setup.import_button": "导入文件",
    "key.setup": "新建/导入",
    "key.setup.evaluation": "新建评估",
    "key.setup.unit": "登记单位",
    "key.setup.import": "导入",
    "tui.setup.palette.evaluation": "设立评估项目，并设为当前评估项目",
    "tui.setup.palette.unit": "登记一个单位",
    "tui.setup.palette.import": "导入名册、履职台账、工单、问卷或问题台账",
    "tui.evaluation_form.title": "新建评估项目",
    "tui.evaluation_form.note": (
        "设立后即为当前评估项目。评估期间每行一个，写作 名称=起始..截止，"
        "如 2020年度=2020-01-01..2020-12-31。"
    ),
    "tui.evaluation_form.name": "名称",
    "tui.evaluation_form.reference_date": "基准日",
    "tui.evaluation_form.prefix": "问题编号前缀",
    "tui.evaluation_form.periods": "评估期间",
    "tui.evaluation_form.all_units": "纳入已登记的全部 {count} 个单位",
    "tui.evaluation_form.created": "已设立 {name}，现为当前评估项目。",
    "tui.unit_form.title": "登记单位",
    "tui.unit_form.parent": "上级单位",
    "tui.unit_form.in_evaluation": "纳入评估",
    "tui.unit_form.current": "当前评估项目：{name}",
    "tui.unit_form.no_parent": "（无：顶层单位）",
    "tui.unit_form.bad_quota": "{field}：{value} 不是整数",
    "tui.unit_form.added": "已登记 {name}。",
    "tui.unit_form.added_in": "已登记 {name}，并纳入 {evaluation}。",
    "tui.import.title": "导入文件",
    "tui.import.note": "一个文件要么全部写入，要么一行也不写。Ctrl+O：选择文件。",
    "tui.import.kind": "文件类型",
    "tui.import.file": "文件",
    "tui.import.unit": "单位",
    "tui.import.unit_from_file": "（按文件所列单位）",
    "tui.import.kind.roster": "在编人员名册",
    "tui.import.kind.duties": "职责清单和履职台账",
    "tui.import.kind.cases:hotline": "工单：12345 热线",
    "tui.import.kind.cases:service": "工单：政务服务",
    "tui.import.kind.survey:peer": "互评问卷",
    "tui.import.kind.survey:staff": "干部职工问卷",
    "tui.import.kind.ledger": "问题台账",
    "tui.import.browse": "选择文件",
    "tui.import.picker_title": "选择要导入的文件",
    "tui.import.picker_open": "选定",
    "tui.import.working": "正在导入 {file} ……",
    "tui.import.done": "{file}：已导入{kind} {rows} 行。",
    "tui.import.done_ledger": "{file}：新增问题 {added} 个，已有 {unchanged} 个。",
    "tui.import.refused_short": "未导入：共 {count} 处问题，已逐行列出。改好文件后再按确定。",
    "tui.import_errors.title": "{file}：未导入",
    "tui.import_errors.summary": "共 {count} 处问题，逐行列出；未写入任何数据。",
}
