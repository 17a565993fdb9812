"""Help texts of `orgeval fieldwork ...`, keyed by the English text written in
cli/fieldwork.py, as i18n/cli_help does for the other groups. In Chinese, the kinds'
identifiers stay as the user types them; the encodings are named in words."""

_WORDS = {
    "On-site evaluation (实地评): activities, their notes, files and findings.": "实地评：活动及其记录、附件和发现。",
    "Record an on-site activity of a unit; prints its number.": "记录单位的一项实地评活动，输出其编号。",
    "briefing, archive, site, interview, meeting, callback, questionnaire (or the Chinese name, e.g. 个别访谈).": "briefing（听取汇报）、archive（查阅资料）、site（实地查看）、interview（个别访谈）、meeting（座谈会）、callback（电话回访）、questionnaire（问卷发放），也可直接写中文名称。",
    "The day it was held, YYYY-MM-DD.": "活动日期，YYYY-MM-DD。",
    "Where it was held.": "地点。",
    "The evaluators present (default: you).": "参加的评估人员（默认为本人）。",
    "Someone met, by role, the name optional: 科室负责人 or 科员:张三 (repeatable).": "访谈对象，写职务，姓名可不写：科室负责人 或 科员:张三（可多次给出）。",
    "The notes taken.": "记录内容。",
    "The notes in a text file (UTF-8 or GB18030).": "记录所在的文本文件（国际通用编码或国标编码均可）。",
    "List the evaluation's on-site activities (one unit's with --unit), by date.": "按日期列出本评估项目的实地评活动（给出 --unit 时只列该单位的）。",
    "One activity: particulars, people met, notes, answers per question, files, findings.": "查看一项活动：基本情况、访谈对象、记录、按提纲问题的回答、附件和发现。",
    "The activity's number, as `fieldwork list` shows it.": "活动编号，见 `fieldwork list`。",
    "Record a finding of an activity; prints its number (and the problem's).": "记录活动的一条发现，输出其编号（列入台账时还输出问题编号）。",
    "What was found.": "发现的内容。",
    "The code of a rubric leaf it bears on, e.g. A1.2 (repeatable).": "所涉末级指标的编号，见 `score show`（可多次给出）。",
    "Also record it as a problem in the ledger, linked.": "同时列入问题台账，并相互关联。",
    "The problem's title (default: the finding's first sentence).": "问题标题（默认取发现的第一句）。",
    "Record a finding as a problem in the ledger, linked both ways.": "把一条发现列入问题台账，两者相互关联。",
    "The finding's number, as `fieldwork show` lists it.": "发现编号，见 `fieldwork show`。",
    "Attach files to an activity (the files stay where they are); all or none.": "为活动添加附件（文件留在原处）；要么全部添加，要么一个也不添加。",
    "Photos or scans: their name and SHA-256 are kept.": "照片或扫描件：保存其文件名和 SHA-256 校验值。",
    "Save an activity's notes (replacing them); a pending draft is done with.": "保存活动的记录（替换原记录）；未保存的草稿随之清除。",
    "The notes.": "记录内容。",
    "Only if the activity is still at this version (as `show --json` gave it).": "仅当活动仍是此版本（`show --json` 所示）时保存。",
    "Show the interview outlines (访谈提纲), or set one kind's with --set.": "查看访谈提纲，或用 --set 设定一类活动的提纲。",
    "One kind of activity (default: every kind).": "一类活动（默认为全部类型）。",
    "Replace the kind's questions by those of FILE, one per line; an empty file brings back the shipped ones.": "用 FILE 中的问题（每行一个）替换该类活动的提纲；空文件则恢复默认提纲。",
}

EN = {english: english for english in _WORDS}

ZH = dict(_WORDS)
