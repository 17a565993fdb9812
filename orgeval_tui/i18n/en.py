"""English messages."""

MESSAGES = {
    "error.prefix": "error",
    "db.upgrade_failed": "cannot upgrade the database at {url}: {reason}",
    "db.error": "database error: {reason}",
    "db.no_folder": "cannot create the folder {folder} for the database: {reason}",
    "db.initialised": "database ready at {url} (schema {revision})",
    "conflict.unknown": "a record was changed by someone else meanwhile; nothing was saved",
    "conflict.by_someone": "{label} was changed by someone else meanwhile; nothing was saved",
    "conflict.by": (
        "{label} was changed by {actor} at {when} ({what}); nothing was saved:"
        " reload it and apply your change again"
    ),
    "conflict.deleted": "{label} was deleted by {actor} at {when}; nothing was saved",
    "unit.not_found": "no such unit: {ref}",
    "unit.ambiguous": "{ref} names several units ({names}): use the full name",
    "unit.exists": "a unit named {name} already exists",
    "unit.short_taken": "the short name {short} is already used by {other}",
    "unit.name_empty": "a unit needs a name",
    "unit.bad_kind": "unknown unit kind {kind}: use one of {kinds}",
    "unit.negative_quota": "{field} cannot be negative (got {value})",
    "unit.added": "added {name} (id {id})",
    "unit.none": "no units yet: add one with `orgeval units add NAME`",
    "unit.quota": "quota",
    "unit.headers": "unit|short|kind|admin|public|service|leaders",
    "unit.kind.department": "department",
    "unit.kind.institution": "institution",
    "unit.kind.township": "township",
    "unit.kind.other": "other",
    "tui.title": "orgeval — establishment evaluation",
    "tui.units": "Units",
    "tui.loading": "Loading…",
    "tui.no_units": "No units yet. Add one with `orgeval units add NAME`.",
    "tui.placeholder": "The full workspace is being built; this screen lists the registered units.",
    "tui.error_title": "Something went wrong",
    "tui.close": "Close",
    "tui.quit": "Quit",
    "tui.no_terminal": (
        "orgeval needs a terminal: connect with `ssh -t HOST orgeval`,"
        " or use the `orgeval` commands for quick lookups"
    ),
    "demo.ready": "demo database at {path}",
}
