"""State shared by the commands of one invocation, and how they report errors."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NoReturn

import click

if TYPE_CHECKING:
    from orchardist.services.network import Network

EXIT_REFUSED = 2
EXIT_NOT_FOUND = 1


@dataclass
class CliState:
    db: str | None
    debug: bool = False
    _network: Network | None = field(default=None, repr=False)

    def network(self, *, reads_only: bool = False) -> Network:
        """Open the store named by ``--db`` once per invocation. ``reads_only``: the command only reads,
        so an SQLite store already up to date is read without loading SQLAlchemy (it starts faster)."""
        if self._network is None:
            from orchardist.services.errors import Refused
            from orchardist.services.network import open_network

            try:
                self._network = open_network(self.db, reads_only=reads_only)
            except Refused as error:
                fail(str(error), EXIT_REFUSED)
        return self._network

    def close(self) -> None:
        """Release the store's connections when the invocation ends."""
        if self._network is not None:
            self._network.close()
            self._network = None


def state(ctx: click.Context) -> CliState:
    obj = ctx.find_object(CliState)
    if obj is None:
        raise click.UsageError("orchardist commands run inside the orchardist group")
    return obj


def fail(message: str, code: int = EXIT_REFUSED) -> NoReturn:
    """Print ``message`` to standard error and exit with ``code``."""
    click.echo(f"orchardist: {message}", err=True)
    sys.exit(code)


@contextmanager
def reported() -> Iterator[None]:
    """Turn an unknown id into exit 1 and any other refusal into exit 2, each with its message."""
    from orchardist.services.errors import NotFound, Refused

    try:
        yield
    except NotFound as error:
        fail(str(error.message), EXIT_NOT_FOUND)  # "no person with id 9" says where
    except Refused as error:
        fail(str(error), EXIT_REFUSED)


def print_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))
