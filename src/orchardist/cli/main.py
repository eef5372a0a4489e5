"""The ``orchardist`` command group and its global ``--db`` option.

Modules here import only click at the top; each command imports what it needs when it runs,
so ``orchardist --help`` starts fast.
"""

from __future__ import annotations

import click

from orchardist import __version__
from orchardist.cli.context import CliState
from orchardist.cli.data import backup_command, demo_command, export_command, info_command, restore_command
from orchardist.cli.digest import digest_group
from orchardist.cli.importing import import_command
from orchardist.cli.interactions import log_command
from orchardist.cli.offers import offers_group
from orchardist.cli.people import people_group
from orchardist.cli.progress import progress_command
from orchardist.cli.reminders import reminders_group
from orchardist.cli.serve import serve_command
from orchardist.cli.settings import settings_group
from orchardist.cli.tending import dismiss_command, reconnect_group, snooze_command, today_command


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100, "terminal_width": 100}
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
@click.version_option(__version__, prog_name="orchardist")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """Orchardist keeps your professional network, privately, on your own machine."""
    ctx.obj = CliState(db=db)
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
cli.add_command(today_command)
cli.add_command(snooze_command)
cli.add_command(dismiss_command)
cli.add_command(reconnect_group)
cli.add_command(settings_group)
cli.add_command(reminders_group)
cli.add_command(digest_group)
cli.add_command(progress_command)
cli.add_command(offers_group)


def main() -> None:
    cli(prog_name="orchardist")
