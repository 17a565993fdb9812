"""What the account at the keys may change, as the screens ask before offering a key:
read in a worker when the application starts and again whenever the data moves (an
admin may have changed the role meanwhile). Until it is read, everything is offered and
the services refuse what they must; once read, what is refused is greyed out.

The header names the account and its role when it is not an admin's, so a viewer
knows why keys are grey."""

from __future__ import annotations

from textual.message import Message

from ..domain.roles import Need, Role
from ..i18n import t
from .workers import db_worker


class AccessRead(Message):
    def __init__(self, access) -> None:
        super().__init__()
        self.access = access


class Rights:
    """Mixed into the application, which has ``database`` and a screen stack."""

    access = None

    @db_worker(group="access")
    def read_access(self) -> None:
        from ..services.access import my_access

        self.post_message(AccessRead(my_access(self.database)))

    def on_access_read(self, message: AccessRead) -> None:
        changed = message.access != self.access
        self.access = message.access
        role = message.access.role
        # An admin has every key: the header speaks only when some are greyed.
        self.sub_title = (
            ""
            if role is Role.ADMIN
            else t(
                "tui.access.header",
                account=message.access.account,
                role=t(f"role.{role.value}" if role else "role.none"),
            )
        )
        if changed:
            for screen in self.screen_stack:
                screen.refresh_bindings()
                hook = getattr(screen, "access_changed", None)
                if hook is not None:
                    hook()

    def may(self, need: Need, unit: int | str | None = None) -> bool:
        """Whether to offer a change; ``unit`` by id or by full name."""
        access = self.access
        if access is None:
            return True
        if isinstance(unit, str):
            return access.may_for_unit_name(need, unit)
        return access.may(need, unit)

    def may_change(self) -> bool:
        """Whether any change at all may be offered (a form chooses the unit later)."""
        return self.access is None or self.access.may_change_anything
