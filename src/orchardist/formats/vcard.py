"""vCard 2.1, 3.0 and 4.0 in, vCard 3.0 or 4.0 out (``vcard_writing``).

Reading goes through ``vcard_cleanup`` first (structure, charsets, quoted-printable, folding,
malformed and hostile lines), then vobject's content-line parser reads each clean line; vobject is
imported here and nowhere else. Its card-level reader is not used: it builds slow objects (a third
of a millisecond per card) and decodes values lossily (a text value is cut at its first comma).
A card's UID is kept (a ``urn:uuid:`` URN as its bare UUID) and matched on first, so a card edited
in another address book and imported back updates the same person. ``docs/formats.md`` lists every
property read and written.
"""

from __future__ import annotations

import base64
import binascii
import re
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from orchardist.domain.fields import FieldSpec, Kind, with_values
from orchardist.domain.matching import is_linkedin_url, linkedin_key
from orchardist.domain.messages import InputRefused, Message
from orchardist.domain.names import name_from_email
from orchardist.domain.people import (
    DEFAULT_TIER,
    NamedDate,
    PartialDate,
    Person,
    Tier,
    clean_uid,
    with_sources,
)
from orchardist.formats.base import ParsedPerson, ParseResult, Skipped
from orchardist.formats.messages import AT_LINE, CARD_UNREADABLE, IN_FIELD, ROW_HAS_NO_NAME
from orchardist.formats.vcard_cleanup import Card, clean, unescape
from orchardist.formats.vcard_writing import (
    X_EVERY_DAYS,
    X_HOW_MET,
    X_LISTS,
    X_LOCATION,
    X_NOTES,
    X_TIER,
    X_WHERE_MET,
    custom_fields,
    custom_property,
)
from orchardist.formats.vcard_writing import export as export

# vobject's deprecation and syntax warnings on newer Pythons say nothing about any file: they are
# silenced for vobject alone rather than shown to users or turned into errors by strict test runs.
_VOBJECT_NOISE = (DeprecationWarning, PendingDeprecationWarning, SyntaxWarning)
with warnings.catch_warnings():
    for _category in _VOBJECT_NOISE:
        warnings.simplefilter("ignore", _category)
    from vobject.base import VObjectError, parseLine

FORMAT = "vcard"

# Dates other clients write for an anniversary; Apple's X-ABDATE carries its label in X-ABLabel.
_ANNIVERSARIES = frozenset({"ANNIVERSARY", "X-ANNIVERSARY", "X-MS-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY"})
_APPLE_LABEL = re.compile(r"_\$!<(.*)>!\$_", re.DOTALL)
_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
_NO_YEAR = re.compile(r"--(\d{2})-?(\d{2})")
_URI_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_ANGLE_ADDRESS = re.compile(r"<([^<>]*)>")
_EAST_ASIAN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff66-\uff9f]")
_SEPARATORS = {sep: re.compile(rf"\\.|{sep}|[^\\{sep}]+|\\", re.DOTALL) for sep in ";,"}


@dataclass(frozen=True, slots=True)
class _Property:
    """One content line as vobject read it; the value is still in vCard 3.0 escaping."""

    name: str
    group: str
    params: dict[str, list[str]]
    value: str

    def types(self) -> set[str]:
        """TYPE values, upper case, whether written ``TYPE=a,b``, ``TYPE="a,b"`` or repeated."""
        return {kind.strip().upper() for value in self.params.get("TYPE", []) for kind in value.split(",")}

    def text(self) -> str:
        return unescape(self.value)


class _Unreadable(Exception):
    """vobject refused a card: on which line, and vobject's own explanation."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


def sniff(data: bytes) -> bool:
    """A vCard file starts with BEGIN:VCARD (after a byte-order mark, blank or ``#`` lines)."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="replace").encode("utf-8")
    for line in re.split(rb"\r*\n|\r+", head.removeprefix(b"\xef\xbb\xbf")):
        stripped = line.strip()
        if stripped and not stripped.startswith(b"#"):
            return stripped.upper().startswith(b"BEGIN:VCARD")
    return False


def parse(data: bytes, source: str) -> ParseResult:
    """Read every card; a card without any name is skipped, and so is one vobject cannot read."""
    result = ParseResult(format=FORMAT)
    for card in clean(data):
        try:
            properties = _read_with_vobject(card)
        except _Unreadable as error:
            result.skipped.append(Skipped(line=card.line, reason=CARD_UNREADABLE(problem=error.message)))
            continue
        try:
            person = _person(properties)
        except InputRefused as refused:
            # A value no person may hold (a rhythm of 3,730 days): that card is passed over, saying why.
            reason = IN_FIELD(field=repr(refused.field or "card"), reason=refused.message)
            result.skipped.append(Skipped(line=card.line, reason=reason))
            continue
        if person is None:
            result.skipped.append(Skipped(line=card.line, reason=ROW_HAS_NO_NAME()))
        else:
            result.people.append(ParsedPerson(person=with_sources(person, source), line=card.line))
    return result


def _read_with_vobject(card: Card) -> list[_Property]:
    """Each clean line through vobject's parser; it raises VObjectError (the base class) or ParseError."""
    properties = []
    for line in card.lines:
        try:
            name, params, value, group = parseLine(line.to_text(), line.line)
        except VObjectError as error:
            problem = str(getattr(error, "msg", error))
            raise _Unreadable(AT_LINE(line=line.line, reason=problem)) from None
        merged: dict[str, list[str]] = {}
        for param in params:
            merged.setdefault(str(param[0]).upper(), []).extend(str(item) for item in param[1:])
        properties.append(_Property(str(name).upper(), str(group or "").lower(), merged, str(value)))
    return properties


def _person(properties: list[_Property]) -> Person | None:
    """Map one card to a person, or None when it has no FN, N, ORG or e-mail address to name it by."""
    by_name: dict[str, list[_Property]] = {}
    for prop in properties:
        by_name.setdefault(prop.name, []).append(prop)

    def first_text(*names: str) -> str:
        return next((prop.text().strip() for name in names for prop in by_name.get(name, [])), "")

    name = _Name.read(by_name.get("N", []))
    organisation = next(
        (unescape(_components(prop.value, ";")[0]).strip() for prop in by_name.get("ORG", [])), ""
    )
    display_name = first_text("FN") or name.formatted() or organisation
    emails = _unique(_email(prop.text()) for prop in by_name.get("EMAIL", []))
    if not display_name and emails:
        # Phones keep address-only cards (Android's "john.doe@company.com"); name them from the address.
        display_name, given, family = name_from_email(emails[0])
        name = _Name(family=family, given=given)
    if not display_name:
        return None
    linkedin_url, urls = _urls(properties)
    labels = {prop.group: _label(prop.text()) for prop in by_name.get("X-ABLABEL", []) if prop.group}
    custom = {
        spec.name: _custom_read(
            spec, [prop.text().strip() for prop in by_name.get(custom_property(spec), [])]
        )
        for spec in custom_fields()
    }
    person = Person(
        display_name=display_name,
        given_name=name.given,
        family_name=name.family,
        pronouns=first_text("X-PRONOUNS", "PRONOUNS"),
        emails=emails,
        phones=_unique(_phone(prop.text()) for prop in by_name.get("TEL", [])),
        urls=urls,
        linkedin_url=linkedin_url,
        organisation=organisation,
        title=first_text("TITLE"),
        location=first_text(X_LOCATION) or _location(by_name.get("ADR", [])),
        tags=_unique(_list(by_name.get("CATEGORIES", []))),
        tier=_tier(first_text(X_TIER)),
        every_days=_every_days(first_text(X_EVERY_DAYS)),
        interests=_unique(prop.text().strip() for prop in by_name.get(X_LISTS["interests"], [])),
        can_help_with=_unique(prop.text().strip() for prop in by_name.get(X_LISTS["can_help_with"], [])),
        could_use_help_with=_unique(
            prop.text().strip() for prop in by_name.get(X_LISTS["could_use_help_with"], [])
        ),
        how_met=first_text(X_HOW_MET),
        where_met=first_text(X_WHERE_MET),
        birthday=next(filter(None, (_date(prop) for prop in by_name.get("BDAY", []))), None),
        dates=tuple(_dates(properties, labels)),
        notes=_notes(by_name),
        uid=clean_uid(first_text("UID")),
    )
    return with_values(person, custom) if custom else person


def _custom_read(spec: FieldSpec, texts: list[str]) -> object:
    texts = [text.strip() for text in texts if text.strip()]
    if spec.is_list:
        return _unique(texts)
    if spec.kind is Kind.DATE:
        for text in texts:
            try:
                return PartialDate.parse(text)
            except ValueError:
                continue
        return None
    return texts[0] if texts else ""


@dataclass(frozen=True, slots=True)
class _Name:
    """The parts of N: family; given; additional; prefix; suffix (each possibly a list)."""

    family: str = ""
    given: str = ""
    additional: str = ""
    prefix: str = ""
    suffix: str = ""

    @classmethod
    def read(cls, properties: list[_Property]) -> _Name:
        if not properties:
            return cls()
        parts = [" ".join(_list_values(part)) for part in _components(properties[0].value, ";")]
        parts += [""] * (5 - len(parts))
        return cls(*parts[:5])

    def formatted(self) -> str:
        """A display name built from N, family name first for Chinese, Japanese and Korean names."""
        if _EAST_ASIAN.search(self.family + self.given):
            order = (self.prefix, self.family, self.given, self.additional, self.suffix)
        else:
            order = (self.prefix, self.given, self.additional, self.family, self.suffix)
        return " ".join(part for part in order if part)


def _components(value: str, separator: str) -> list[str]:
    """Split a value on unescaped ``separator``; the pieces keep their escaping."""
    parts: list[str] = []
    current: list[str] = []
    for match in _SEPARATORS[separator].finditer(value):
        token = match.group()
        if token == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(token)
    parts.append("".join(current))
    return parts


def _list_values(value: str) -> list[str]:
    """The non-empty, stripped, unescaped items of a comma-separated value."""
    return [item for item in (unescape(part).strip() for part in _components(value, ",")) if item]


def _list(properties: list[_Property]) -> Iterable[str]:
    for prop in properties:
        yield from _list_values(prop.value)


def _unique(values: Iterable[str], key: Callable[[str], str] = str.casefold) -> tuple[str, ...]:
    seen: set[str] = set()
    out: list[str] = []
    for value in values:
        if value and key(value) not in seen:
            seen.add(key(value))
            out.append(value)
    return tuple(out)


def _email(text: str) -> str:
    """The address alone: ``"Omega" <omega@example.com>`` and ``mailto:`` forms are unwrapped."""
    text = text.strip()
    match = _ANGLE_ADDRESS.search(text)
    if match:
        text = match.group(1).strip()
    if text.casefold().startswith("mailto:"):
        text = text[len("mailto:") :].strip()
    return text


def _phone(text: str) -> str:
    """The number as written; a vCard 4.0 ``tel:`` URI is unwrapped, other URIs (``sip:``) are not phones."""
    text = text.strip()
    if text.casefold().startswith("tel:"):
        return text[len("tel:") :].strip()
    if _URI_SCHEME.match(text):
        return ""
    return text


def _urls(properties: list[_Property]) -> tuple[str, tuple[str, ...]]:
    """The first LinkedIn profile (from URL or X-SOCIALPROFILE) and every other web address."""
    linkedin = ""
    others: list[str] = []
    for prop in properties:
        if prop.name not in ("URL", "X-SOCIALPROFILE"):
            continue
        url = prop.text().strip()
        if prop.name == "X-SOCIALPROFILE" and not is_linkedin_url(url):
            user = next(iter(prop.params.get("X-USER", [])), "").strip()
            if "LINKEDIN" in prop.types() and user:
                url = f"https://www.linkedin.com/in/{user}"
            elif not url.casefold().startswith(("http://", "https://")):
                continue  # Apple's "x-apple:handle" and the like are not web addresses
        if not url:
            continue
        if is_linkedin_url(url):
            if not linkedin:
                linkedin = url
                continue
            if linkedin_key(url) == linkedin_key(linkedin):
                continue
        if url not in others:
            others.append(url)
    return linkedin, tuple(others)


def _location(addresses: list[_Property]) -> str:
    """City, region and country of the preferred address (TYPE=pref or PREF) else the first with any."""
    preferred = sorted(addresses, key=lambda prop: not ("PREF" in prop.types() or "PREF" in prop.params))
    for prop in preferred:
        parts = _components(prop.value, ";") + [""] * 7
        place = [" ".join(_list_values(parts[index])) for index in (3, 4, 6)]
        location = ", ".join(part for part in place if part)
        if location:
            return location
    return ""


def _date(prop: _Property) -> PartialDate | None:
    """``1985-03-29``, ``19850329``, ``--0329``, ``--03-29``, with or without a time; None otherwise.

    Apple writes a birthday without a year as ``1604-03-29`` with ``X-APPLE-OMIT-YEAR=1604``.
    """
    text = prop.text().strip().split("T", 1)[0]
    try:
        if match := _NO_YEAR.fullmatch(text):
            return PartialDate(month=int(match.group(1)), day=int(match.group(2)))
        if match := _DATE.fullmatch(text):
            year = int(match.group(1))
            if str(year) in prop.params.get("X-APPLE-OMIT-YEAR", []):
                return PartialDate(month=int(match.group(2)), day=int(match.group(3)))
            return PartialDate(month=int(match.group(2)), day=int(match.group(3)), year=year)
    except ValueError:
        return None  # 30 February and the like
    return None


def _label(text: str) -> str:
    """Apple's built-in labels (``_$!<Anniversary>!$_``) in plain lower case; custom ones as written."""
    match = _APPLE_LABEL.fullmatch(text.strip())
    return match.group(1).strip().lower() if match else text.strip()


def _dates(properties: list[_Property], labels: dict[str, str]) -> Iterable[NamedDate]:
    for prop in properties:
        if prop.name in _ANNIVERSARIES:
            label = "anniversary"
        elif prop.name == "X-ABDATE":
            label = labels.get(prop.group, "") or "other"
        else:
            continue
        date = _date(prop)
        if date is not None:
            yield NamedDate(label=label, date=date)


def _notes(by_name: dict[str, list[_Property]]) -> str:
    """Orchardist's exact copy when present (it keeps control characters NOTE cannot), else every NOTE."""
    for prop in by_name.get(X_NOTES, []):
        try:
            return base64.b64decode(prop.value.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            break
    return "\n".join(prop.text() for prop in by_name.get("NOTE", []))


def _tier(text: str) -> Tier:
    try:
        return Tier(text.casefold())
    except ValueError:
        return DEFAULT_TIER


def _every_days(text: str) -> int | None:
    return int(text) if text.isascii() and text.isdigit() and int(text) > 0 else None
