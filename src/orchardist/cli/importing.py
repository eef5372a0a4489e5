"""``orchardist import FILE``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from orchardist.cli.context import EXIT_REFUSED, fail, print_json, state
from orchardist.formats import registry

if TYPE_CHECKING:
    from orchardist.services.importing import ImportReport, Progress

FORMATS = ["auto", *(read.name for read in registry.importers())]
# Below this many records an import is over before a progress bar would be read.
PROGRESS_FROM_BYTES = 512 * 1024


@click.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="auto",
    show_default=True,
    help="The file's format; auto detects it from the content, not the name.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
@click.option("--dry-run", is_flag=True, help="Show what would be added and merged without storing anything.")
@click.pass_context
def import_command(ctx: click.Context, file: Path, fmt: str, as_json: bool, dry_run: bool) -> None:
    """Import people from a LinkedIn, Google or Outlook CSV, a vCard file or a JSON backup.

    The whole file is imported or none of it. People already in your network are matched by
    LinkedIn profile, e-mail, phone, then name and organisation, and merged rather than added again.
    """
    from orchardist.services.importing import ImportRefused, import_file

    network = state(ctx).network()
    progress = _progress_bar() if not as_json and _is_large(file) and sys.stderr.isatty() else None
    try:
        if progress is None:
            report = import_file(network, file, fmt=fmt, dry_run=dry_run)
        else:
            with progress as callback:
                report = import_file(network, file, fmt=fmt, dry_run=dry_run, progress=callback)
    except ImportRefused as refused:
        line = f", line {refused.error.line}" if refused.error.line is not None else ""
        fail(
            f"import refused: {refused.file}{line}: {refused.error.reason}; nothing was stored", EXIT_REFUSED
        )
    if as_json:
        print_json(report.to_dict())
    else:
        _print_report(report, dry_run)


def _is_large(file: Path) -> bool:
    try:
        return file.stat().st_size >= PROGRESS_FROM_BYTES
    except OSError:
        return False


class _progress_bar:
    """A rich progress bar on standard error, fed by the import's progress callback."""

    def __enter__(self) -> Progress:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self._bar = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=Console(stderr=True)
        )
        self._bar.start()
        self._task = self._bar.add_task("reading", total=None)

        def update(stage: str, done: int, total: int) -> None:
            self._bar.update(self._task, description=stage, completed=done, total=total)

        return update

    def __exit__(self, *exc: object) -> None:
        self._bar.stop()


def _print_report(report: ImportReport, dry_run: bool) -> None:
    verb = "would add" if dry_run else "added"
    click.echo(f"{report.file}: {report.format} format")
    click.echo(
        f"  {verb} {report.added:,}, merged {report.merged:,} with people already known"
        f" ({report.updated:,} updated), skipped {len(report.skipped):,}"
    )
    if report.interactions:
        click.echo(f"  interactions: {report.interactions:,}")
    for change in report.job_changes[:20]:
        click.echo(
            f"  new job: {change.name}: {change.old_title or '?'} at {change.old_organisation or '?'}"
            f" -> {change.new_title or '?'} at {change.new_organisation or '?'}"
        )
    if len(report.job_changes) > 20:
        click.echo(f"  … and {len(report.job_changes) - 20} more job changes")
    for skipped in report.skipped[:50]:
        where = f"line {skipped.line}" if skipped.line is not None else "a record"
        click.echo(f"  skipped {where}: {skipped.reason}")
    if len(report.skipped) > 50:
        click.echo(f"  … and {len(report.skipped) - 50} more skipped (see --json for all)")
    if dry_run:
        click.echo("  nothing was stored (--dry-run)")
