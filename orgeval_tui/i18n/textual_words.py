"""Textual's own binding descriptions, as `?` and the footer show them in zh.

Keys are the English descriptions Textual gives its widgets' bindings; the English
catalogue maps each to itself."""

_WORDS = {
    "Bottom": "末行",
    "Copy selected text": "复制所选文字",
    "Cursor Down": "下移",
    "Cursor Up": "上移",
    "Cursor down": "下移",
    "Cursor left": "左移",
    "Cursor right": "右移",
    "Cursor to next ancestor": "到上上级",
    "Cursor to next sibling": "到下一同级",
    "Cursor to parent": "到上级",
    "Cursor to previous sibling": "到上一同级",
    "Cursor up": "上移",
    "End": "行尾",
    "Expand or collapse all": "全部展开或收起",
    "Focus Next": "下一栏",
    "Focus Previous": "上一栏",
    "Home": "行首",
    "Page Down": "下翻页",
    "Page Left": "左翻页",
    "Page Right": "右翻页",
    "Page Up": "上翻页",
    "Page down": "下翻页",
    "Page up": "上翻页",
    "Scroll End": "到底",
    "Scroll Home": "到顶",
    "Scroll Left": "左滚",
    "Scroll Right": "右滚",
    "Select": "选中",
    "Toggle": "展开/收起",
    "Top": "首行",
    "palette": "命令",
    "Open the command palette": "打开命令面板",
    # The palette's system commands (App.get_system_commands): title, then help.
    "Theme": "主题",
    "Change the current theme": "更换配色主题",
    "Quit": "退出",
    "Quit the application as soon as possible": "立即退出程序",
    "Keys": "按键",
    "Show help for the focused widget and a summary of available keys": "显示当前栏的说明和可用按键",
    "Hide the keys and widget help panel": "收起按键和说明面板",
    "Maximize": "最大化",
    "Maximize the focused widget": "把当前栏放大到全屏",
    "Minimize": "还原",
    "Minimize the widget and restore to normal size": "把放大的栏还原为原来大小",
    "Screenshot": "截图",
    "Save an SVG 'screenshot' of the current screen": "把当前屏幕保存为 SVG 截图",
}

EN = {english: english for english in _WORDS}

ZH = dict(_WORDS)
