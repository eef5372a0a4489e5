"""``orchardist share``: the people an article suits, and the note that shares it."""

from __future__ import annotations

import click

from orchardist.cli.context import print_json, reported, state


@click.group("share")
def share_group() -> None:
    """Share an article with the people it suits (the link is never fetched)."""


def _text(source: str | None) -> str:
    if source is None:
        return ""
    with click.open_file(source, encoding="utf-8", errors="replace") as stream:
        return str(stream.read())


@share_group.command("suggest")
@click.argument("source", metavar="[FILE|-]", required=False)
@click.option("--title", default="", help="The article's title.")
@click.option("--link", default="", help="The article's link (never fetched; the words of its path count).")
@click.option(
    "--limit", type=click.IntRange(1, 200), default=10, show_default=True, help="At most this many people."
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help='Print [{"person_id", "name", "score", "why"}] as JSON, best first.',
)
@click.pass_context
def suggest_command(
    ctx: click.Context, source: str | None, title: str, link: str, limit: int, as_json: bool
) -> None:
    """The people an article suits, best first, each with the words of theirs that matched (interests,
    needs, tags, field, organisation, notes). The article's text is read from FILE, or standard input
    with -; a title and link alone will do."""
    from orchardist.services.sharing import suggest_sharing, suited_to_dict

    text = _text(source)
    with reported():
        found = suggest_sharing(state(ctx).network(), text, title=title, link=link, limit=limit)
    if as_json:
        print_json([suited_to_dict(item) for item in found.suited])
        return
    if not found.suited:
        click.echo("Nobody in your network matches this article's words.")
        return
    for item in found.suited:
        click.echo(f"{item.score:>6.2f}  {item.name} (#{item.person_id}) — {item.why()}")


@share_group.command("note")
@click.argument("person_id", type=int)
@click.argument("source", metavar="[FILE|-]", required=False)
@click.option("--title", default="", help="The article's title.")
@click.option("--link", default="", help="The article's link.")
@click.option("--log", is_flag=True, help="Log the note as a give (an article shared) once you send it.")
@click.option("--json", "as_json", is_flag=True, help="Print the note (and what was logged) as JSON.")
@click.pass_context
def note_command(
    ctx: click.Context, person_id: int, source: str | None, title: str, link: str, log: bool, as_json: bool
) -> None:
    """Draft the note sharing the article with PERSON_ID; with --log, log the give too."""
    from orchardist.services.sharing import share_note

    text = _text(source)
    with reported():
        note = share_note(state(ctx).network(), person_id, text=text, title=title, link=link, log=log)
    if as_json:
        print_json({**note.letter.to_dict(), "logged": note.logged.id if note.logged else None})
        return
    click.echo(f"{note.letter.subject}\n\n{note.letter.body}")
    if note.logged is not None:
        click.echo(f"\nlogged a give: {note.logged.summary}")
