"""``orchardist coach``: the networking coach, starting with the checker of a message before it is sent."""

from __future__ import annotations

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
