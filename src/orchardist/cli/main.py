"""The ``orchardist`` command group and its global ``--db`` option.

Modules here import only click at the top; each command imports what it needs when it runs, and the
group imports a command's module only when that command is asked for (``COMMANDS``): a command starts
without loading the others, and ``orchardist --help`` fast.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import click

from orchardist import __version__
from orchardist.cli.context import EXIT_NOT_FOUND, EXIT_REFUSED, CliState, fail

# Every command by name: its module and the name it has there. A command's module is imported only when
# the command runs (or when the help lists them all), so a command loads its own module, not thirty.
COMMANDS: dict[str, tuple[str, str]] = {
    "import": ("importing", "import_command"),
    "people": ("people", "people_group"),
    "log": ("interactions", "log_command"),
    "export": ("data", "export_command"),
    "backup": ("data", "backup_command"),
    "restore": ("data", "restore_command"),
    "info": ("data", "info_command"),
    "demo": ("data", "demo_command"),
    "serve": ("serve", "serve_command"),
    "admin": ("admin", "admin_group"),
    "migrate": ("admin", "migrate_command"),
    "passcode": ("passcode", "passcode_group"),
    "today": ("tending", "today_command"),
    "snooze": ("tending", "snooze_command"),
    "dismiss": ("tending", "dismiss_command"),
    "unsnooze": ("tending", "unsnooze_command"),
    "undismiss": ("tending", "undismiss_command"),
    "reconnect": ("reconnecting", "reconnect_group"),
    "settings": ("settings", "settings_group"),
    "me": ("me", "me_group"),
    "reminders": ("reminders", "reminders_group"),
    "digest": ("digest", "digest_group"),
    "progress": ("progress", "progress_command"),
    "offers": ("offers", "offers_group"),
    "coach": ("coach", "coach_group"),
    "presence": ("presence", "presence_group"),
    "pitch": ("pitch", "pitch_group"),
    "card": ("card", "card_command"),
    "capture": ("capture", "capture_command"),
    "leads": ("leads", "leads_group"),
    "who-knows": ("leads", "who_knows_command"),
    "groups": ("groups", "groups_group"),
    "events": ("groups", "events_group"),
    "intro": ("introductions", "intro_group"),
    "share": ("sharing", "share_group"),
}


class OrchardistGroup(click.Group):
    """The command group: a refusal or a failure of the database or a file is one sentence on standard
    error and exit 2 (1 for something not found), never a traceback, unless ``--debug`` is given.

    Its commands are those of ``COMMANDS``, each loaded from its module the first time it is asked for.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module, name = COMMANDS[cmd_name]
            command = getattr(importlib.import_module(f"orchardist.cli.{module}"), name)
            self.add_command(command, cmd_name)
        return self.commands.get(cmd_name)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] not in COMMANDS:
            # An unknown name: every command loaded, so the error can suggest the one meant.
            for name in COMMANDS:
                self.get_command(ctx, name)
        return super().resolve_command(ctx, args)

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
