"""`orgeval serve`: the same application in a browser (textual-serve), for a colleague
without a terminal. Each browser tab runs its own orgeval as the account that serves,
so everything done there is recorded as that account: serve it as the evaluator who is
to act, behind an SSH tunnel or an authenticating reverse proxy (README). It listens on
this machine only unless ``--public`` says that another address is meant."""

from __future__ import annotations

import ipaddress
import shlex
import sys
from typing import Annotated

import typer

from .common import settings


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    ctx: typer.Context,
    host: Annotated[
        str, typer.Option("--host", help="The address to listen on (this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="The port to listen on.")] = 8000,
    public: Annotated[
        bool,
        typer.Option(
            "--public",
            help="Listen on an address other machines reach (behind a proxy that authenticates).",
        ),
    ] = False,
) -> None:
    """Run the application in a browser, on this machine's address (textual-serve)."""
    from ..domain.errors import UserError
    from ..i18n import t
    from ..storage.database import Database, resolve_url

    if not is_loopback(host) and not public:
        raise UserError(t("serve.not_loopback", host=host))
    chosen = settings(ctx)
    url = resolve_url(chosen.db)
    Database.open(url).dispose()  # a database that cannot be opened is said here, once
    command = shlex.join([sys.executable, "-m", "orgeval_tui", "--db", url, "--lang", chosen.lang])
    from textual_serve.server import Server

    typer.echo(t("serve.listening", url=f"http://{host}:{port}/"))
    Server(command, host=host, port=port, title="orgeval").serve()
