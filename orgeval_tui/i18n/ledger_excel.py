"""Messages of the ledger's workbook: `orgeval export ledger` and `orgeval import ledger`.

The workbook itself is always written in Chinese (the office's 台账 layout, read back by
its Chinese headers); the English entries of the ``ledger_excel.sheet.*`` keys say what
those words mean. ``ledger.action.import`` and ``ledger.no_such_evaluation`` are read by
services/ledger.py (the timeline's name of an imported problem's first event; a
``--evaluation`` that names none).
"""

EN = {
    "ledger.action.import": "import (from a spreadsheet)",
    "ledger.no_such_evaluation": "no evaluation named {name} (evaluations: {names})",
    "ledger_excel.sheet.name": "Problem ledger",
    "ledger_excel.sheet.title": "{evaluation}: problem rectification ledger",
    "ledger_excel.sheet.subtitle": "As of {today} (overdue on that day are marked) · unit: {unit} · status: {status} · {count} problem(s)",
    "ledger_excel.sheet.all": "all",
    "ledger_excel.sheet.seq": "No.",
    "ledger_excel.sheet.footer": "page &P of &N",
    "ledger_excel.exported": "{file}: {rows} problem(s) of {evaluation}, {overdue} overdue on {today}",
    "ledger_excel.not_xlsx": "{file}: the ledger is written as an Excel workbook; name the file *.xlsx",
    "ledger_excel.cannot_write": "cannot write {file}: {reason}",
    "ledger_excel.summary": "{file} → {evaluation}: {added} problem(s) added, {unchanged} unchanged",
    "ledger_excel.summary_dry": "{file} → {evaluation}: {added} problem(s) would be added, {unchanged} unchanged (dry run: nothing written)",
    "ledger_excel.bad_number": "{value} is not a problem number of {evaluation}: its numbers are {prefix}-NNN, e.g. {example} (another evaluation: --evaluation NAME)",
    "ledger_excel.duplicate": "{number} is already listed in row {row}",
    "ledger_excel.differs": "{number} is already in the ledger with other values: {changes}. An import only adds problems and never changes one: use `orgeval ledger feedback|plan|report|verify|reopen|extend|withdraw` for that",
    "ledger_excel.change": "{column} (ledger: {old}; file: {new})",
    "ledger_excel.blank": "blank",
    "ledger_excel.needed": "required when the status is {state}",
    "ledger_excel.not_allowed": "must be blank when the status is {state}",
    "ledger_excel.needed_with": "required when {column} is filled in",
    "ledger_excel.bad_hash": "not a SHA-256 (64 hexadecimal digits): {value}",
    "ledger_excel.month_only": "{value} names a month, not a day: write the whole date",
    "ledger_excel.too_long": "{length} characters long; at most {limit} fit",
    "ledger_excel.busy": "someone else added a problem with one of these numbers during the import; nothing was imported: run the import again",
}

ZH = {
    "ledger.action.import": "导入",
    "ledger.no_such_evaluation": "没有名为 {name} 的评估项目（现有：{names}）",
    "ledger_excel.sheet.name": "问题台账",
    "ledger_excel.sheet.title": "{evaluation}问题整改台账",
    "ledger_excel.sheet.subtitle": "截至 {today}（逾期按此日标注）　单位：{unit}　整改状态：{status}　共 {count} 个问题",
    "ledger_excel.sheet.all": "全部",
    "ledger_excel.sheet.seq": "序号",
    "ledger_excel.sheet.footer": "第 &P 页，共 &N 页",
    "ledger_excel.exported": "{file}：{evaluation} 的 {rows} 个问题，截至 {today} 逾期 {overdue} 个",
    "ledger_excel.not_xlsx": "{file}：台账导出为 Excel 工作簿，文件名须以 .xlsx 结尾",
    "ledger_excel.cannot_write": "无法写入 {file}：{reason}",
    "ledger_excel.summary": "{file} → {evaluation}：新增 {added} 个问题，{unchanged} 个未变",
    "ledger_excel.summary_dry": "{file} → {evaluation}：将新增 {added} 个问题，{unchanged} 个未变（试运行，未写入）",
    "ledger_excel.bad_number": "{value} 不是{evaluation}的问题编号：编号应为 {prefix}-NNN，如 {example}（导入其他评估项目请用 --evaluation 名称）",
    "ledger_excel.duplicate": "{number} 已在第 {row} 行列出",
    "ledger_excel.differs": "{number} 已在台账中，但内容不同：{changes}。导入只新增问题，不修改已有问题；请用 `orgeval ledger feedback|plan|report|verify|reopen|extend|withdraw` 办理",
    "ledger_excel.change": "{column}（台账：{old}；文件：{new}）",
    "ledger_excel.blank": "空",
    "ledger_excel.needed": "整改状态为“{state}”时必填",
    "ledger_excel.not_allowed": "整改状态为“{state}”时应为空",
    "ledger_excel.needed_with": "填写了{column}时必填",
    "ledger_excel.bad_hash": "不是 SHA-256 值（64 位十六进制数）：{value}",
    "ledger_excel.month_only": "{value} 只有年月，没有日：请写完整日期",
    "ledger_excel.too_long": "共 {length} 个字，最多 {limit} 个",
    "ledger_excel.busy": "导入期间他人登记了编号相同的问题，本次未导入任何问题：请重新导入",
}
