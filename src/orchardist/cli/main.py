"""The ``orchardist`` command group and its global ``--db`` option.

Modules here import only click at the top; each command imports what it needs when it runs,
so ``orchardist --help`` starts fast.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from orchardist import __version__
from orchardist.cli.admin import admin_group, migrate_command
from orchardist.cli.capture import capture_command
from orchardist.cli.card import card_command
from orchardist.cli.coach import coach_group
from orchardist.cli.context import EXIT_NOT_FOUND, EXIT_REFUSED, CliState, fail
from orchardist.cli.data import backup_command, demo_command, export_command, info_command, restore_command
from orchardist.cli.digest import digest_group
from orchardist.cli.groups import events_group, groups_group
from orchardist.cli.importing import import_command
from orchardist.cli.interactions import log_command
from orchardist.cli.introductions import intro_group
from orchardist.cli.leads import leads_group, who_knows_command
from orchardist.cli.me import me_group
from orchardist.cli.offers import offers_group
from orchardist.cli.passcode import passcode_group
from orchardist.cli.people import people_group
from orchardist.cli.pitch import pitch_group
from orchardist.cli.presence import presence_group
from orchardist.cli.progress import progress_command
from orchardist.cli.reconnecting import reconnect_group
from orchardist.cli.reminders import reminders_group
from orchardist.cli.serve import serve_command
from orchardist.cli.settings import settings_group
from orchardist.cli.sharing import share_group
from orchardist.cli.tending import (
    dismiss_command,
    snooze_command,
    today_command,
    undismiss_command,
    unsnooze_command,
)


class OrchardistGroup(click.Group):
    """The command group: a refusal or a failure of the database or a file is one sentence on standard
    error and exit 2 (1 for something not found), never a traceback, unless ``--debug`` is given."""

    def invoke(self, ctx: click.Context) -> Any:
        from orchardist.services.errors import NotFound, Refused

        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise  # the reader went away (``| head``): Click ends quietly, as other tools do
        except (Refused, OSError) as error:
            if _debugging(ctx):
                raise
            if isinstance(error, NotFound):
                fail(str(error.message), EXIT_NOT_FOUND)  # "no person with id 9" says where
            fail(_said(error), EXIT_REFUSED)


def _debugging(ctx: click.Context) -> bool:
    found = ctx.find_object(CliState)
    return bool(found and found.debug)


def _said(error: Exception) -> str:
    """One sentence for a refusal or a file that could not be used (its path, never its content)."""
    if isinstance(error, OSError) and not isinstance(error, click.ClickException):
        what = error.strerror or type(error).__name__
        return f"{error.filename}: {what}" if error.filename else what
    return str(error)


@click.group(
    cls=OrchardistGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100, "terminal_width": 100},
)
@click.option(
    "--db",
    metavar="PATH_OR_URL",
    envvar="ORCHARDIST_DB",
    help=(
        "SQLite file or PostgreSQL URL (also ORCHARDIST_DB). "
        "Default: orchardist.sqlite3 in your data directory."
    ),
)
@click.option(
    "--debug",
    is_flag=True,
    envvar="ORCHARDIST_DEBUG",
    help="Show the full traceback of an error (it may quote stored data; also ORCHARDIST_DEBUG=1).",
)
@click.version_option(__version__, prog_name="orchardist")
@click.pass_context
def cli(ctx: click.Context, db: str | None, debug: bool) -> None:
    """Orchardist keeps your professional network, privately, on your own machine."""
    ctx.obj = CliState(db=db, debug=debug)
    ctx.call_on_close(ctx.obj.close)


cli.add_command(import_command)
cli.add_command(people_group)
cli.add_command(log_command)
cli.add_command(export_command)
cli.add_command(backup_command)
cli.add_command(restore_command)
cli.add_command(info_command)
cli.add_command(demo_command)
cli.add_command(serve_command)
cli.add_command(admin_group)
cli.add_command(migrate_command)
cli.add_command(passcode_group)
cli.add_command(today_command)
cli.add_command(snooze_command)
cli.add_command(dismiss_command)
cli.add_command(unsnooze_command)
cli.add_command(undismiss_command)
cli.add_command(reconnect_group)
cli.add_command(settings_group)
cli.add_command(me_group)
cli.add_command(reminders_group)
cli.add_command(digest_group)
cli.add_command(progress_command)
cli.add_command(offers_group)
cli.add_command(coach_group)
cli.add_command(presence_group)
cli.add_command(pitch_group)
cli.add_command(card_command)
cli.add_command(capture_command)
cli.add_command(leads_group)
cli.add_command(who_knows_command)
cli.add_command(groups_group)
cli.add_command(events_group)
cli.add_command(intro_group)
cli.add_command(share_group)


def main() -> None:
    """The ``orchardist`` command: an error nobody foresaw is one line too, never a traceback that could
    quote stored data, unless ``--debug`` (or ``ORCHARDIST_DEBUG=1``) asks for it."""
    try:
        cli(prog_name="orchardist")
    except Exception as error:
        if "--debug" in sys.argv or os.environ.get("ORCHARDIST_DEBUG") == "1":
            raise
        fail(
            f"an unexpected error ({type(error).__name__}) stopped the command; "
            "run it again with --debug to see where",
            EXIT_REFUSED,
        )
