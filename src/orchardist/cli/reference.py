"""Render docs/cli.md from the commands' own help, so the reference cannot drift from the code.

.venv/bin/python -m orchardist.cli.reference > docs/cli.md
"""

from __future__ import annotations

import click

from orchardist.cli.main import cli

INTRO = """# CLI reference

Every command takes the global `--db PATH_OR_URL` option before its name (or the `ORCHARDIST_DB` environment
variable); without either, Orchardist uses `orchardist.sqlite3` in your user data directory.

Exit codes: `0` success; `1` the person (or other thing) named does not exist, or you declined a confirmation;
`2` the input was refused (bad option, bad value, a file that cannot be imported) and nothing was changed.
Errors go to standard error as `orchardist: …`, saying what and where.

Every listing takes `--json`. The JSON shapes below are a stable contract for scripts: fields may be added,
never removed or renamed.

- `import --json`: `{"format", "added", "merged", "skipped": [{"line", "reason", "code"}], "updated",
  "interactions", "job_changes", "file"}`; `line` is `null` when unknown; `code` is in `docs/messages.md`.
- `people list --json`: an array of people, a person a line (written as they are read), each with `id`,
  `uid` (the UID of their vCards, never changed), `name`, `given_name`, `family_name`, `pronouns`,
  `organisation`, `title`, `emails`, `phones`, `urls`, `linkedin_url`, `location`, `tags`, `tier`,
  `every_days`, `interests`, `can_help_with`,
  `could_use_help_with`, `how_met`, `where_met`, `met_through_id`, `birthday` (`YYYY-MM-DD` or `--MM-DD`),
  `dates`, `notes`, `coworker`, `coworker_maybe`, `knows_search`, `coworker_override`, `sources`,
  `last_contact`.
- `people show ID --json`: the same object plus `ledger` (`{"gave", "asked", "mutual", "social"}`),
  `next_due` (`YYYY-MM-DD`, or `null` when dormant), `today` (`due`, `snoozed`, `dismissed`, `later`
  or `dormant`), `snoozed_until` (`YYYY-MM-DD` or `null`), `met_through` (`{"id", "name"}` or `null`),
  `interactions` (newest first, each `{"id", "date", "direction", "channel", "kind", "summary", "notes",
  "person_ids"}`), `met_at` (the events you met them at, each `{"event_id", "name", "date", "group_name"}`),
  `leads` (those they told you of, each `{"id", "organisation", "role", "status"}`), `warnings` (what to
  know before an ask of them, as the Person page says it, each `{"detail", "code", "params"}`:
  `discretion.ask_of_coworker` or `discretion.ask_of_maybe_coworker` when your search is discreet and they
  could carry word of it, `offers.give_before_ask` when you have only asked of them so far) and
  `likely_duplicates` (other records probably the same person, each `{"id", "name", "score", "reasons"}`,
  most likely first). Without `--json` the warnings come under the name, and the likely duplicates as
  "may be the same as".
- The person fields are those of `src/orchardist/domain/fields.py`; a field added there appears in every
  person object under its name.
- `people duplicates --json`: an array of `{"first": {"id", "name"}, "second": {"id", "name"}, "score",
  "reasons"}`, most likely first.
"""


def _walk(
    command: click.Command, name: str, parent: click.Context | None
) -> list[tuple[list[str], click.Command, str]]:
    # A real context chain, so settings such as -h inherit exactly as they do when the CLI runs.
    with command.make_context(name, [], parent=parent, resilient_parsing=True) as ctx:
        found = [(ctx.command_path.split(), command, command.get_help(ctx))]
        if isinstance(command, click.Group):
            for sub in command.list_commands(ctx):
                loaded = command.get_command(ctx, sub)
                assert loaded is not None  # every name listed is a command
                found.extend(_walk(loaded, sub, ctx))
    return found


def commands() -> list[tuple[list[str], click.Command]]:
    """Every command and group, as (path of names, command)."""
    return [(path, command) for path, command, _help in _walk(cli, "orchardist", None)]


def render() -> str:
    parts = [INTRO]
    for path, _command, help_text in _walk(cli, "orchardist", None):
        parts.append(f"## {' '.join(path)}\n\n```\n{help_text}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    click.echo(render(), nl=False)
