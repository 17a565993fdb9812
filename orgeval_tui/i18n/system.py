"""Messages about the machine around orgeval: the config file, files the system refuses,
the command palette, the names of the widgets whose keys `?` lists."""

EN = {
    "warning.prefix": "warning",
    "config.unknown_key": '{path}: [keys] "{binding}" is not a binding id of orgeval (see the ids in ?); ignored',
    "config.unknown_section": "{path}: orgeval has no section [{section}]; ignored",
    "config.bad_keys": '{path}: [keys] maps binding ids to key names, e.g. "app.help" = "f1"',
}

ZH = {
    "warning.prefix": "警告",
    "config.unknown_key": '{path}：[keys] 中的 "{binding}" 不是 orgeval 的按键编号（编号见 ? 帮助），已忽略',
    "config.unknown_section": "{path}：orgeval 没有 [{section}] 这一节，已忽略",
    "config.bad_keys": '{path}：[keys] 应把按键编号对应到键名，如 "app.help" = "f1"',
}
