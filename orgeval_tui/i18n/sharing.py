"""Messages of one database shared by several OS accounts: `orgeval setup-shared`, and
what to do when the file system refuses this account the database; the help texts of
`orgeval setup-shared`, keyed by the English text written in cli/sharing.py."""

_HELP = {
    "Make a folder and a database in it that every member of an OS group can write.": "新建一个文件夹及其中的数据库，供某个系统用户组的全体成员共同读写。",
    "The folder to share (new, or empty).": "要共享的文件夹（新的或空的）。",
    "The OS group whose members share it.": "共享它的系统用户组。",
}

EN = {
    **{english: english for english in _HELP},
    "access.enter": "cannot open the database: this account may not enter the folder {path} (owner {owner}, group {group}, mode {mode} {symbolic}; this account is {account}, in the groups {groups}). {fix}",
    "access.create": "cannot use the database: this account may not create files in the folder {path}, which it must for the database and its -wal and -shm files (owner {owner}, group {group}, mode {mode} {symbolic}; this account is {account}, in the groups {groups}). {fix}",
    "access.use": "cannot use the database: this account may not read and write {path} (owner {owner}, group {group}, mode {mode} {symbolic}; this account is {account}, in the groups {groups}). {fix}",
    "access.fix.own": "Run: {command}",
    "access.fix.group_rights": "Ask {owner} (or an administrator) to run: {command}",
    "access.fix.log_in_again": "This account was added to the group {group} after this session began: log in again (or run `newgrp {group}`).",
    "access.fix.join": "It is shared with the group {group}: ask an administrator to add this account to it (`usermod -aG {group} {account}`), then log in again.",
    "access.fix.share": "Ask {owner} to move it into a folder shared with a group you are in: `orgeval setup-shared DIR --group GROUP` makes one, `orgeval backup` and `orgeval restore` move the data (README, \"One database for several OS users\"); an administrator adds you to that group with `usermod -aG GROUP {account}`, then you log in again.",
    "shared.unknown_group": "there is no group named {group} on this server: an administrator creates it with `groupadd {group}` and adds each colleague with `usermod -aG {group} NAME`; nothing was changed",
    "shared.not_a_folder": "{path} is a file, not a folder: give a new or empty folder; nothing was changed",
    "shared.world_writable": "{path} may be written by every account on this server (mode {mode}): nothing was changed; make it {wanted} first (`chmod {wanted} {path}`) and check that nobody changed it",
    "shared.not_empty": "{folder} holds other files ({names}): setup-shared gives the whole folder to the group, so give a new or empty folder (or one holding only orgeval.db); nothing was changed",
    "shared.not_member": "this account ({account}) is not in the group {group}, so it cannot give {folder} to that group: an administrator adds it (`usermod -aG {group} {account}`, then log in again) or runs `orgeval setup-shared {folder} --group {group}` as root; nothing was changed",
    "shared.not_owner": "{path} belongs to {owner}, not to this account ({account}), so only {owner} or an administrator can give it to the group {group}: ask them to run `{command}`; nothing was changed",
    "shared.cannot_create": "cannot create the folder {folder}: {reason}",
    "shared.done": "shared folder {folder}: group {group}, mode 2770 (setgid: each file made in it belongs to {group})\ndatabase {database}: group {group}, mode 0660, schema {revision}; its -wal and -shm files take the same mode\ncolleagues in the group {group} use it with either of:\n  export ORGEVAL_DB={database}   (e.g. in ~/.profile, or for everyone in /etc/profile.d/orgeval.sh)\n  orgeval --db {database} ...\nanother account joins the group with: usermod -aG {group} NAME (then logs in again)",
}

ZH = {
    **_HELP,
    "access.enter": "无法打开数据库：本账号无权进入文件夹 {path}（属主 {owner}，属组 {group}，权限 {mode} {symbolic}；本账号为 {account}，所在组：{groups}）。{fix}",
    "access.create": "无法使用数据库：本账号无权在文件夹 {path} 中新建文件，而数据库及其 -wal、-shm 文件需要在此新建（属主 {owner}，属组 {group}，权限 {mode} {symbolic}；本账号为 {account}，所在组：{groups}）。{fix}",
    "access.use": "无法使用数据库：本账号无权读写 {path}（属主 {owner}，属组 {group}，权限 {mode} {symbolic}；本账号为 {account}，所在组：{groups}）。{fix}",
    "access.fix.own": "请运行：{command}",
    "access.fix.group_rights": "请 {owner}（或管理员）运行：{command}",
    "access.fix.log_in_again": "本账号是在本次登录之后才加入组 {group} 的：请重新登录（或运行 `newgrp {group}`）。",
    "access.fix.join": "它已共享给组 {group}：请管理员把本账号加入该组（`usermod -aG {group} {account}`），然后重新登录。",
    "access.fix.share": "请 {owner} 把它移到与您所在组共享的文件夹：`orgeval setup-shared 文件夹 --group 组名` 可建立这样的文件夹，再用 `orgeval backup` 和 `orgeval restore` 迁移数据（见 README“One database for several OS users”一节）；由管理员用 `usermod -aG 组名 {account}` 把您加入该组，然后重新登录。",
    "shared.unknown_group": "本服务器上没有名为 {group} 的组：请管理员用 `groupadd {group}` 创建，并用 `usermod -aG {group} 账号` 加入每位同事；未做任何改动",
    "shared.not_a_folder": "{path} 是文件，不是文件夹：请给出一个新的或空的文件夹；未做任何改动",
    "shared.world_writable": "{path} 可被本服务器上的任何账号写入（权限 {mode}）：未做任何改动；请先改为 {wanted}（`chmod {wanted} {path}`），并确认无人改动过它",
    "shared.not_empty": "{folder} 中还有其他文件（{names}）：共享设置会把整个文件夹交给该组，请给出一个新的或空的文件夹（或只有 orgeval.db 的文件夹）；未做任何改动",
    "shared.not_member": "本账号（{account}）不在组 {group} 中，无法把 {folder} 交给该组：请管理员把本账号加入该组（`usermod -aG {group} {account}`，然后重新登录），或由管理员以 root 运行 `orgeval setup-shared {folder} --group {group}`；未做任何改动",
    "shared.not_owner": "{path} 属于 {owner}，不属于本账号（{account}），只有 {owner} 或管理员能把它交给组 {group}：请他们运行 `{command}`；未做任何改动",
    "shared.cannot_create": "无法创建文件夹 {folder}：{reason}",
    "shared.done": "共享文件夹 {folder}：属组 {group}，权限 2770（setgid：其中新建的文件都属于 {group}）\n数据库 {database}：属组 {group}，权限 0660，结构版本 {revision}；其 -wal、-shm 文件权限相同\n组 {group} 中的同事用以下任一方式使用它：\n  export ORGEVAL_DB={database}   （例如写入 ~/.profile，或为所有人写入 /etc/profile.d/orgeval.sh）\n  orgeval --db {database} ...\n其他账号加入该组：usermod -aG {group} 账号（然后重新登录）",
}
