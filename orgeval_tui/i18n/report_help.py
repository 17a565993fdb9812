"""Help texts of `orgeval report ...`, `orgeval backup`, `orgeval restore` and `orgeval serve`, keyed by the English text written in
cli/report.py, as i18n/cli_help does for the other groups."""

_WORDS = {
    "Write reports: a unit's evaluation report, its feedback letter, the special report to the leadership, and the templates they are filled from.": "生成报告：单位评估报告、问题反馈函、呈报领导的评估专报，以及填写它们的模板。",
    "The unit: its name or short name.": "单位：全称或简称。",
    "The file to write (.docx, or .xlsx for a unit report).": "要写入的文件（.docx；单位评估报告也可为 .xlsx）。",
    "A Word template to fill instead of the office's or the shipped one.": "用此 Word 模板代替本办模板或内置模板。",
    "The report's date, YYYY-MM-DD (today).": "报告日期，YYYY-MM-DD（默认今天）。",
    "Rectification complete by, YYYY-MM-DD (60 days after the report's date).": "整改完成时限，YYYY-MM-DD（默认报告日期后 60 天）。",
    "Written rectification report due by, YYYY-MM-DD (the deadline).": "书面整改报告报送日期，YYYY-MM-DD（默认同整改完成时限）。",
    "A unit's evaluation report (评估报告): Word to send, or Excel with its charts.": "单位评估报告：Word 文档用于印发，或带图表的 Excel 工作簿。",
    "The letter feeding a unit's problems back (问题反馈函), with what it must do by when.": "问题反馈函：反馈单位存在的问题，提出整改要求和时限。",
    "The special report to the county leadership (专报): every evaluated unit side by side.": "呈报县领导的评估专报：各被评估单位并列比较。",
    "The folder to write them into.": "写入的文件夹。",
    "Replace templates already in the folder.": "替换文件夹中已有的模板。",
    "Write the Word templates and their field list, for the office to edit.": "写出 Word 模板及其字段说明，供本办修改。",
    # backup, restore
    "The backup file to write (a new file).": "要写入的备份文件（须为新文件）。",
    "Back up the database while others work (SQLite: VACUUM INTO; PostgreSQL: pg_dump).": "在他人照常工作时备份整个数据库。",
    "A backup written by `orgeval backup`.": "由 `orgeval backup` 写出的备份。",
    "Replace the whole database with the backup.": "用备份替换整个数据库。",
    "Replace the database with a backup, once it passes the integrity check.": "通过完整性检查后，用备份替换数据库。",
    # audit
    "The audit trail: check that no record was changed, and read who changed what.": "审计记录：检查有无记录被改动，查看谁改了什么。",
    "Who changed what and when, newest first: each changed field with its old and new value.": "谁在何时改了什么，最新的在前：每个改动的字段及其原值和新值。",
    "Unit name or short name: the unit's own records and those of its problems, scores, sections and on-site work.": "单位全称或简称：该单位本身的记录，以及其问题、评分、科室和实地评估的记录。",
    "Only the changes of this account.": "只看该账号所做的改动。",
    "Only changes on or after this day, YYYY-MM-DD.": "只看该日（含）以后的改动，格式 YYYY-MM-DD。",
    "At most this many records, the newest.": "最多显示这么多条，取最新的。",
    "Walk the audit chain; name the first record edited, removed or added by hand.": "逐条核对审计链，指出第一条被改动、删除或手工添加的记录。",
    # serve
    "The address to listen on (this machine only).": "监听的地址（仅限本机）。",
    "The port to listen on.": "监听的端口。",
    "Listen on an address other machines reach (behind a proxy that authenticates).": "在其他机器可访问的地址上监听（须在带身份验证的代理之后）。",
    "Run the application in a browser, on this machine's address (textual-serve).": "在浏览器中运行本程序，只在本机地址上提供。",
}

EN = {english: english for english in _WORDS}

ZH = dict(_WORDS)
