"""Whole-network commands: export, backup, restore, info and the demo network."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from orchardist.cli.context import EXIT_REFUSED, fail, print_json, state
from orchardist.formats import registry


@click.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice([written.name for written in registry.exporters()]),
    required=True,
    help="; ".join(f"{written.name}: {written.purpose}" for written in registry.exporters()) + ".",
)
@click.option(
    "--vcard-version",
    "version",
    type=click.Choice(registry.versions()),
    help="The vCard version of a "
    + " or ".join(written.name for written in registry.exporters() if written.versions)
    + f" export (default {registry.VCARD_VERSIONS[0]}).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="File to write, readable by you only and replaced whole (default: standard output); for "
    + ", ".join(written.name for written in registry.exporters() if written.folder)
    + ", the folder to write one file per person in (required).",
)
@click.option(
    "--redact",
    is_flag=True,
    help="Leave out every note, the discretion marks (who knows you are looking, who is a co-worker) "
    "and About me: a file you can share.",
)
@click.pass_context
def export_command(
    ctx: click.Context, fmt: str, version: str | None, output: Path | None, redact: bool
) -> None:
    """Export everyone in your network.

    Every vCard carries the person's UID, the same from one export to the next: an address book
    that reads the file again updates the people it has, and importing an export back into
    Orchardist adds and changes nobody. A vdir export into a folder it wrote before removes the
    files of people deleted since, and no other file.
    """
    from orchardist.services.errors import Refused
    from orchardist.services.exporting import export_network, write_export, write_export_folder

    network = state(ctx).network()
    try:
        if registry.exporter(fmt).folder:
            if output is None:
                fail(f"--format {fmt} writes a folder: name it with -o DIR", EXIT_REFUSED)
            done = write_export_folder(network, fmt, output, redact=redact, version=version)
            click.echo(
                f"wrote {output}: {done.written:,} cards written, {done.unchanged:,} unchanged, "
                f"{done.removed:,} removed",
                err=True,
            )
            return
        if output is None:
            data = export_network(network, fmt, redact=redact, version=version)
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return
        size = write_export(network, fmt, output, redact=redact, version=version)
    except Refused as error:
        fail(str(error), EXIT_REFUSED)
    click.echo(f"wrote {output} ({size:,} bytes)", err=True)


_BACKUP_KINDS = {"sqlite": "an SQLite copy of the store", "json": "an Orchardist JSON backup"}


@click.command("backup")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.pass_context
def backup_command(ctx: click.Context, file: Path) -> None:
    """Write a backup of the whole store to FILE, checked before it is kept.

    An SQLite store is copied with SQLite's online backup (safe while Orchardist runs) and the
    copy passes an integrity check; a PostgreSQL store is written as a JSON backup. A FILE ending
    in .json is a JSON backup of either; one ending in .sqlite3, .sqlite or .db is refused on
    PostgreSQL.
    """
    from orchardist.services.errors import Refused
    from orchardist.services.exporting import backup

    try:
        kind = backup(state(ctx).network(), file)
    except (Refused, OSError) as error:
        fail(f"backup failed: {error}", EXIT_REFUSED)
    click.echo(f"backed up to {file} as {_BACKUP_KINDS[kind]}")


@click.command("restore")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_context
def restore_command(ctx: click.Context, file: Path, yes: bool) -> None:
    """Replace everything in the store with a backup (an SQLite backup or a JSON backup).

    The backup is checked first; a bad file changes nothing.
    """
    from orchardist.services.errors import Refused
    from orchardist.services.exporting import restore
    from orchardist.services.importing import ImportRefused

    network = state(ctx).network()
    if not yes and not click.confirm(f"Replace everything in {network.describe()} with {file}?", err=True):
        fail("nothing was restored", 1)
    try:
        kind = restore(network, file)
    except (ImportRefused, Refused) as refused:
        fail(f"restore refused: {refused}; nothing was changed", EXIT_REFUSED)
    click.echo(f"restored from {file} ({kind})")


@click.command("info")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def info_command(ctx: click.Context, as_json: bool) -> None:
    """Say where your data lives and how much there is."""
    from orchardist.services.settings import about

    found = about(state(ctx).network())
    value = {"store": found.where, "people": found.people, "interactions": found.interactions}
    if as_json:
        print_json(value)
    else:
        click.echo(
            f"store: {value['store']}\npeople: {value['people']}\ninteractions: {value['interactions']}"
        )


@click.command("demo")
@click.option("--remove", is_flag=True, help="Remove the demo people instead of adding them.")
@click.option("--if-empty", is_flag=True, help="Add the demo network only when the store has nobody yet.")
@click.pass_context
def demo_command(ctx: click.Context, remove: bool, if_empty: bool) -> None:
    """Add a small demo network (tagged "demo") to try Orchardist, or remove it."""
    from orchardist.services.demo import load_demo, remove_demo

    network = state(ctx).network()
    if remove:
        click.echo(f"removed {remove_demo(network)} demo people")
        return
    added = load_demo(network, if_empty=if_empty)
    if not added:
        return
    # ``./run`` says how it was started, so the hint is a command that works where it is read.
    command = os.environ.get("ORCHARDIST_COMMAND") or "orchardist"
    click.echo(f'added {added} demo people, tagged "demo"; remove them with: {command} demo --remove')
