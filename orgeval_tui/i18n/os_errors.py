"""Why the system refused a file, in the user's language: the one place that maps an
``OSError`` (its errno, else its class) to a message, with the
messages themselves. The system's own ``strerror`` is English whatever the user's
language."""

from __future__ import annotations

import errno

from . import t

_BY_ERRNO = {
    errno.ENOENT: "os.missing",
    errno.EACCES: "os.denied",
    errno.EPERM: "os.denied",
    errno.EISDIR: "os.is_folder",
    errno.ENOTDIR: "os.not_folder",
    errno.EEXIST: "os.exists",
    errno.ENOSPC: "os.disk_full",
    errno.EDQUOT: "os.disk_full",
    errno.EROFS: "os.read_only",
    errno.EBUSY: "os.busy",
    errno.ETXTBSY: "os.busy",
    errno.ENAMETOOLONG: "os.name_too_long",
    errno.EIO: "os.io",
    errno.ENOTEMPTY: "os.not_empty",
}
_BY_CLASS = (
    (FileNotFoundError, "os.missing"),
    (PermissionError, "os.denied"),
    (IsADirectoryError, "os.is_folder"),
    (NotADirectoryError, "os.not_folder"),
    (FileExistsError, "os.exists"),
)


def os_reason(exc: OSError) -> str:
    """Why, as the user reads it: 文件或文件夹不存在, permission denied…"""
    key = _BY_ERRNO.get(exc.errno) if exc.errno is not None else None
    if key is None:
        key = next((k for cls, k in _BY_CLASS if isinstance(exc, cls)), None)
    if key is not None:
        return t(key)
    code = errno.errorcode.get(exc.errno, type(exc).__name__) if exc.errno else type(exc).__name__
    return t("os.other", code=code, reason=exc.strerror or str(exc))


def os_error_message(exc: OSError) -> str:
    """The file the system refused and why; for an error no caller put in context."""
    if exc.filename is None:
        return os_reason(exc)
    return t("os.file_refused", file=str(exc.filename), reason=os_reason(exc))


EN = {
    "os.file_refused": "{file}: {reason}",
    "os.missing": "no such file or folder",
    "os.denied": "permission denied",
    "os.is_folder": "it is a folder, not a file",
    "os.not_folder": "a part of the path is a file, not a folder",
    "os.exists": "it exists already",
    "os.disk_full": "the disk is full",
    "os.read_only": "the disk is read-only",
    "os.busy": "it is in use by another program",
    "os.name_too_long": "the name is too long",
    "os.io": "the disk could not be read or written",
    "os.not_empty": "the folder is not empty",
    "os.other": "the system refused it ({code}: {reason})",
    "files.cannot_write": "cannot write into {folder}: {reason}",
}

ZH = {
    "os.file_refused": "{file}：{reason}",
    "os.missing": "文件或文件夹不存在",
    "os.denied": "没有访问权限",
    "os.is_folder": "这是文件夹，不是文件",
    "os.not_folder": "路径中有一段是文件而不是文件夹",
    "os.exists": "已经存在",
    "os.disk_full": "磁盘已满",
    "os.read_only": "磁盘为只读",
    "os.busy": "正被其他程序占用",
    "os.name_too_long": "名称过长",
    "os.io": "磁盘读写出错",
    "os.not_empty": "文件夹不是空的",
    "os.other": "系统拒绝了操作（{code}：{reason}）",
    "files.cannot_write": "无法写入文件夹 {folder}：{reason}",
}
