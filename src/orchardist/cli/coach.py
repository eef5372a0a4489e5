"""``orchardist coach``: the networking coach, starting with the checker of a message before it is sent."""

from __future__ import annotations

import shlex
from typing import IO, Any

import click

from orchardist.cli.context import EXIT_REFUSED, fail, print_json, reported, state

LANGUAGES = ["en", "fr"]


@click.group("coach")
def coach_group() -> None:
    """The networking coach: check a message before you send it."""


@coach_group.command("check")
@click.argument("message", type=click.File("rb"), default="-", metavar="[FILE|-]")
@click.option(
    "--to", "person_id", type=int, metavar="PERSON_ID", help="Who it goes to (their ledger, their name)."
)
@click.option("--from", "sender", default="", metavar="ADDRESS", help="The address you will send it from.")
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default="en",
    show_default=True,
    help="The language of the findings' words.",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help='Print {"findings": [{"rule", "severity", "start", "end", "message", "suggestion"}]} as JSON.',
)
@click.pass_context
def check_command(
    ctx: click.Context, message: IO[bytes], person_id: int | None, sender: str, lang: str, as_json: bool
) -> None:
    """Check a message (FILE, or standard input) before you send it: asks for job openings, asks
    without giving, a first message too long, no personal touch, a begging tone, confidential details.

    Each finding names its rule, whether it is a warning or advice, where it is (line:column; start
    and end count characters from 0 in --json), why it matters and a better way to put it. Findings
    or none, the exit status is 0; an empty message or one that is not UTF-8 text is refused (2).
    """
    from orchardist.services.coaching import check_message

    text = _text(message.read())
    with reported():
        view = check_message(state(ctx).network(), text, to=person_id, sender=sender, lang=lang)
    translate = _translator(lang)
    if as_json:
        print_json(view.to_dict(translate))
        return
    if not view.findings:
        click.echo("No findings: nothing in the message to change.")
        return
    for finding in view.findings:
        said: dict[str, Any] = finding.to_dict(translate)
        line, column = _line_and_column(text, finding.start)
        words = f"  “{text[finding.start : finding.end]}”" if finding.end > finding.start else ""
        click.echo(f"{line}:{column}  {said['severity']}  {said['rule']}{words}")
        click.echo(f"    {said['message']}")
        click.echo(f"    → {said['suggestion']}")


def _text(data: bytes) -> str:
    """The message as text; a clear refusal for binary data, bytes that are not UTF-8, or nothing."""
    if b"\x00" in data:
        fail("the message is not text (it holds NUL bytes); give it as UTF-8 text", EXIT_REFUSED)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        fail(f"the message is not UTF-8 text (byte {error.start} cannot be read)", EXIT_REFUSED)
    if not text.strip():
        from orchardist.coach.wording import NOTHING_TO_CHECK

        fail(str(NOTHING_TO_CHECK()), EXIT_REFUSED)
    return text


def _translator(lang: str) -> Any:
    """gettext for the findings' words in ``lang`` (None: English as written)."""
    if lang == "en":
        return None
    from orchardist.web.i18n import translations

    return translations("fr_CA").gettext


def _line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of ``offset``."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _kind_of(template: Any) -> str:
    if not template.builtin:
        return "your own"
    return "changed" if template.edited else "built-in"


@coach_group.command("templates")
@click.option("--lang", type=click.Choice(LANGUAGES), default="en", show_default=True, help="Their language.")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help='Print {"templates": [{"code", "name", "subject", "body", "gives", "log_kind", "builtin", '
    '"edited", "introduction"}]} as JSON.',
)
@click.pass_context
def templates_command(ctx: click.Context, lang: str, as_json: bool) -> None:
    """The message templates: each one's code (for coach draft), name, whether it asks, gives or
    neither, and whether it is built-in, changed by you or your own. Change them, or add your own,
    on the web app's Message templates page."""
    from orchardist.services.writing import template_list, template_to_dict

    with reported():
        found = template_list(state(ctx).network(), lang, _translator(lang) or _same)
    if as_json:
        print_json({"templates": [template_to_dict(template) for template in found]})
        return
    width = max(len(template.code) for template in found)
    for template in found:
        click.echo(
            f"{template.code:<{width}}  {template.gives.value:<6}  {_kind_of(template):<9}  {template.name}"
        )


def _same(text: str) -> str:
    return text


@coach_group.command("draft")
@click.argument("template")
@click.option("--to", "person_id", type=int, required=True, metavar="PERSON_ID", help="Who it goes to.")
@click.option(
    "--with",
    "other_id",
    type=int,
    metavar="PERSON_ID",
    help="For an introduction (double-opt-in): the other person; a message is drafted to each.",
)
@click.option("--lang", type=click.Choice(LANGUAGES), default="en", show_default=True, help="Its language.")
@click.option(
    "--occasion",
    type=click.Choice(["birthday", "work_anniversary", "new_job", "holiday"]),
    help="For a greeting: what it is for.",
)
@click.option("--holiday", default="", metavar="CODE", help="With --occasion holiday: which one.")
@click.option("--article", default="", metavar="TEXT", help="For share-article: its title and link.")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help='Print {"template", "lang", "to", "name", "email", "subject", "body", "mailto", "findings", '
    '"log": {"direction", "kind"}, "other"} as JSON.',
)
@click.pass_context
def draft_command(
    ctx: click.Context,
    template: str,
    person_id: int,
    other_id: int | None,
    lang: str,
    occasion: str | None,
    holiday: str,
    article: str,
    as_json: bool,
) -> None:
    """Draft a message to a person from TEMPLATE (coach templates lists them), filled from what your
    network knows of them, and checked by the coach. Nothing is sent: copy it into your mail
    program, then log it (log --direction and --kind as printed)."""
    from orchardist.services.writing import compose

    translate = _translator(lang)
    with reported():
        written = compose(
            state(ctx).network(),
            person_id,
            template,
            lang=lang,
            _=translate or _same,
            other_id=other_id,
            occasion=occasion or "",
            holiday=holiday,
            article=article,
        )
    if as_json:
        print_json(written.to_dict(translate))
        return
    letters = [letter for letter in (written.letter, written.other) if letter is not None]
    for index, letter in enumerate(letters):
        if index:
            click.echo("\n" + "-" * 40 + "\n")
        click.echo(f"To: {letter.name}" + (f" <{letter.email}>" if letter.email else ""))
        click.echo(f"Subject: {letter.subject}\n")
        click.echo(letter.body)
        for finding in letter.check.findings:
            said: dict[str, Any] = finding.to_dict(translate)
            click.echo(f"\nCoach: {said['severity']}  {said['rule']}: {said['message']}")
            click.echo(f"    → {said['suggestion']}")
    direction = written.template.gives.direction.value
    summary = shlex.quote(written.template.name)
    click.echo(
        f"\nOnce sent: orchardist log {person_id} --direction {direction} "
        f"--kind {written.template.log_kind} --summary {summary}"
    )
