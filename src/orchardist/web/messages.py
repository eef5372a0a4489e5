"""The fixed English sentences the rest of Orchardist writes, in the language of the page.

The domain, services, formats and store explain themselves in English (the CLI and the API show
those words as they are). Where a page shows one of them — a reason two records look alike, why a
field or a file was refused, why a row was skipped — it goes through ``translate_message``: each
sentence below is written exactly as its source writes it, with ``%(name)s`` where the source puts
a value, so it is recognised, translated, and the values put back. English comes out unchanged; a
sentence not listed here (say, a library's own explanation) stays in English.
"""

from __future__ import annotations

import re
from functools import cache

from orchardist.web.i18n import N_, gettext

# What a value may look like where it is not just "some text"; a ``reason`` is itself translated.
_VALUE_PATTERNS = {"line": r"\d+", "column": r"\d+", "values": r"\d+", "columns": r"\d+"}
_PLACEHOLDER = re.compile(r"%\((\w+)\)s")

SENTENCES: tuple[str, ...] = (
    # Why two records look like one person (orchardist.domain.duplicates).
    N_("same LinkedIn profile"),
    N_("same e-mail %(email)s"),
    N_("same phone %(phone)s"),
    N_("same web address %(address)s"),
    N_("same name (accents and case folded)"),
    N_("given and family names swapped"),
    N_("same name but for a middle initial"),
    N_("nickname: %(first)s = %(second)s"),
    N_("similar name (score %(score)s)"),
    N_("same organisation"),
    # A person or an interaction refused (orchardist.services.people, .interactions).
    N_("a person needs a name"),
    N_("%(email)s is not an e-mail address: %(reason)s"),
    N_("must be a number of days from 1 to 3650"),
    N_("a person cannot be introduced by themselves"),
    N_("must be one of %(choices)s"),
    N_("expected a whole number, got %(value)s"),
    N_("expected YYYY-MM-DD or --MM-DD, got %(value)s"),
    N_("no person with id %(id)s"),
    N_("cannot merge a person with themselves"),
    N_("an interaction needs at least one person"),
    N_("an interaction needs a kind, such as coffee, call or introduction"),
    N_("an interaction needs a short summary"),
    # An offer refused (orchardist.services.offers).
    N_("say what you can offer"),
    N_("must be at most %(limit)s characters, got %(length)s"),
    N_("no offer with id %(id)s"),
    # Where in a file, and why it was refused or a record skipped (orchardist.formats).
    N_("line %(line)s, field %(field)s: %(reason)s"),
    N_("line %(line)s: %(reason)s"),
    N_("field %(field)s: %(reason)s"),
    N_("the file is empty"),
    N_("this is a binary file, not a contacts export (CSV, vCard or JSON backup)"),
    N_(
        "the format was not recognised: expected a LinkedIn, Google or Outlook CSV export, "
        "a vCard file or an Orchardist JSON backup"
    ),
    N_("no vCard was found in the file (expected BEGIN:VCARD)"),
    N_("this is a binary file, not a vCard file"),
    N_("text outside a vCard: expected BEGIN:VCARD"),
    N_("this indented line continues nothing (a stray folded line)"),
    N_("the file took too long to read (%(seconds)s s); it may be malformed or hostile"),
    N_(
        "a quoted value opened on this line is never closed, so the rest of the file would be "
        "read as one value"
    ),
    N_("not valid JSON: %(problem)s (column %(column)s)"),
    N_("not a valid backup: nested too deeply"),
    N_("the row holds no name or profile URL"),
    N_("the row holds only a connection date (%(date)s) and no name, profile URL, e-mail or company"),
    N_("the row has no name and no profile URL, so it cannot be told apart from others"),
    N_("the row has no name, e-mail, phone or company"),
    N_("the row has no name, e-mail, phone or organisation"),
    N_("no name"),
    N_("this card could not be read: %(problem)s"),
    N_(
        "the row has %(values)s values but the header has %(columns)s columns, so its values cannot "
        "be matched to columns (an unquoted delimiter in a value?)"
    ),
    N_("the %(column_name)s cell holds a spreadsheet formula (%(formula)s), so the row was not imported"),
    # A backup that cannot be restored (orchardist.store.backup, orchardist.services.exporting).
    N_("%(file)s is not an SQLite database"),
    N_("%(file)s is an SQLite database but not an Orchardist store"),
    N_("%(file)s failed its integrity check: %(problems)s"),
    N_("%(file)s cannot be read as an SQLite database: %(reason)s"),
    N_("an SQLite backup restores into an SQLite store; use a JSON backup for PostgreSQL"),
)


def _pattern(sentence: str) -> re.Pattern[str]:
    """The regular expression that recognises ``sentence`` with any values in its placeholders."""
    parts: list[str] = []
    position = 0
    for match in _PLACEHOLDER.finditer(sentence):
        parts.append(re.escape(sentence[position : match.start()]))
        name = match.group(1)
        parts.append(f"(?P<{name}>{_VALUE_PATTERNS.get(name, '.+?')})")
        position = match.end()
    parts.append(re.escape(sentence[position:]))
    return re.compile("".join(parts), re.DOTALL)


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((sentence, _pattern(sentence)) for sentence in SENTENCES)


def translate_message(text: str) -> str:
    """``text`` in the current language when it is one of the sentences above, else as it is."""
    if not text:
        return text
    for sentence, pattern in _patterns():
        match = pattern.fullmatch(text)
        if match is None:
            continue
        values = match.groupdict()
        if "reason" in values:
            values["reason"] = translate_message(values["reason"])
        return gettext(sentence) % values if values else gettext(sentence)
    return gettext(text)
