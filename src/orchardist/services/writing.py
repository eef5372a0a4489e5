"""Write a message: a template filled from what the network knows of the person, checked by the coach.

``compose`` is the "Write a message" page, ``orchardist coach draft`` and ``POST /api/v1/coach/draft``:
in one read transaction it takes the template (the user's copy when they changed it), the person (and
for an introduction the other person), their last conversation, an offer that meets one of their
needs and the user's name, fills the template in the page's language and runs the coach over it.
Nothing is sent: the page shows the words to copy, and a ``mailto:`` link that opens the user's own mail
program when the person has an e-mail address.

The templates themselves: ``template_list`` (built-in ones, the user's copies, and their own),
``save_template`` and ``forget_template``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any
from urllib.parse import quote

from orchardist.coach.builtin_templates import BUILTIN
from orchardist.coach.templates import (
    FIELDS,
    MAX_OWN,
    Gives,
    Template,
    code_for,
    code_problem,
    fill,
    template_problem,
)
from orchardist.coach.wording import NO_SUCH_TEMPLATE, TOO_MANY_TEMPLATES
from orchardist.domain.holidays import BY_CODE
from orchardist.domain.interactions import KNOWN_KINDS
from orchardist.domain.messages import Translate
from orchardist.domain.names import split_display_name
from orchardist.domain.people import Person
from orchardist.domain.queries import Text
from orchardist.domain.tending import Occasion
from orchardist.domain.wording import NO_SUCH_PERSON
from orchardist.services import refusals
from orchardist.services.coaching import LANGUAGES, CheckView, checked_in
from orchardist.services.discretion import about_me_in
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.network import Network
from orchardist.services.offers import suggestions_for
from orchardist.store.unit import Unit

MAX_CHOICES = 20
"""The most people offered as the other side of an introduction for what the user typed."""


def _same(text: str) -> str:
    return text


def addressed_to(person: Person) -> str:
    """The name a message opens with: the given name, else the first part of the whole name."""
    return person.given_name.strip() or split_display_name(person.display_name)[0] or person.display_name


def _check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        raise InputRefused(refusals.ONE_OF(choices=", ".join(LANGUAGES)), field="lang")


def _translated(template: Template, _: Translate) -> Template:
    """A built-in template in the language of ``_`` (each paragraph is a catalogue entry)."""
    return replace(
        template,
        name=_(template.name),
        subject=_(template.subject),
        body="\n\n".join(_(part) for part in template.body.split("\n\n")),
    )


def templates_in(unit: Unit, lang: str, _: Translate) -> list[Template]:
    """Every template in ``lang``: the built-in ones (the user's copy where they changed one), then the
    user's own, oldest first."""
    kept = {item.template.code: item.template for item in unit.templates.all(lang)}
    found = [
        replace(kept[code], builtin=True, edited=True) if code in kept else _translated(builtin, _)
        for code, builtin in BUILTIN.items()
    ]
    found.extend(template for code, template in kept.items() if code not in BUILTIN)
    return found


def template_list(network: Network, lang: str = "en", _: Translate = _same) -> list[Template]:
    """The templates a user can write with, in ``lang`` (``_`` translates into it)."""
    _check_lang(lang)
    with network.reading() as unit:
        return templates_in(unit, lang, _)


def template_in(unit: Unit, code: str, lang: str, _: Translate) -> Template:
    """One template by its code; NotFound (naming ``template``) when there is none."""
    for template in templates_in(unit, lang, _):
        if template.code == code:
            return template
    raise NotFound(NO_SUCH_TEMPLATE(code=repr(code)), field="template")


def template_of(network: Network, code: str, lang: str = "en", _: Translate = _same) -> Template:
    """One template by its code, in ``lang``."""
    _check_lang(lang)
    with network.reading() as unit:
        return template_in(unit, code, lang, _)


def save_template(
    network: Network,
    lang: str,
    *,
    code: str = "",
    name: str,
    subject: str = "",
    body: str,
    gives: str = Gives.SOCIAL.value,
    log_kind: str = "message",
) -> Template:
    """Keep a template in ``lang``: with the code of a built-in one, the user's copy of it; with the
    code of one of their own, that one changed; with no code, a new one named ``name`` (its code made
    from the name). Refused, naming the part, when a part is too long, names a blank Orchardist cannot
    fill, or the message is empty."""
    _check_lang(lang)
    problem = template_problem(name, subject, body)
    if problem is not None:
        raise InputRefused(problem[1], field=problem[0])
    if gives not in Gives._value2member_map_:
        raise InputRefused(refusals.ONE_OF(choices=", ".join(Gives)), field="gives")
    if log_kind not in KNOWN_KINDS:
        raise InputRefused(refusals.ONE_OF(choices=", ".join(KNOWN_KINDS)), field="log_kind")
    with network.writing() as unit:
        kept = {item.template.code for item in unit.templates.all(lang)}
        if code:
            wrong = code_problem(code)
            if wrong is not None:
                raise InputRefused(wrong, field="code")
            if code not in BUILTIN and code not in kept:
                raise NotFound(NO_SUCH_TEMPLATE(code=repr(code)), field="code")
        else:
            own = [taken for taken in kept if taken not in BUILTIN]
            if len(own) >= MAX_OWN:
                raise InputRefused(TOO_MANY_TEMPLATES(limit=MAX_OWN), field="name")
            code = code_for(name, kept | set(BUILTIN))
        template = Template(code, name.strip(), subject.strip(), body.strip(), Gives(gives), log_kind)
        unit.templates.put(lang, template)
        return replace(template, builtin=code in BUILTIN, edited=code in BUILTIN)


def forget_template(network: Network, code: str, lang: str) -> None:
    """Delete one of the user's own templates, or put a built-in one back as it came; NotFound when
    the user keeps no template of that code in ``lang``."""
    _check_lang(lang)
    with network.writing() as unit:
        if not unit.templates.delete(lang, code):
            raise NotFound(NO_SUCH_TEMPLATE(code=repr(code)), field="template")


# Writing with one ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Letter:
    """One message to one person: who, the words, and what the coach found in them."""

    person_id: int
    name: str
    addressed_to: str
    email: str
    subject: str
    body: str
    check: CheckView

    @property
    def mailto(self) -> str:
        """A link that opens the user's mail program with the message filled in; "" without an address."""
        if not self.email:
            return ""
        return (
            f"mailto:{quote(self.email, safe='@')}"
            f"?subject={quote(self.subject, safe='')}&body={quote(self.body, safe='')}"
        )

    def to_dict(self, translate: Translate | None = None) -> dict[str, Any]:
        """The message as the CLI's and the API's JSON; the findings worded by ``translate``."""
        return {
            "to": self.person_id,
            "name": self.name,
            "email": self.email,
            "subject": self.subject,
            "body": self.body,
            "mailto": self.mailto,
            "findings": self.check.to_dict(translate)["findings"],
        }


@dataclass(frozen=True, slots=True)
class Choice:
    """Someone who could be the other side of an introduction."""

    person_id: int
    name: str
    organisation: str


@dataclass(frozen=True, slots=True)
class Written:
    """The "Write a message" page: the template used, the message to the person and, for an
    introduction, the message to the other person; ``templates`` are the others one could choose.

    An introduction whose other person is not chosen yet has no letters: ``person`` names whom it is
    for, and ``choices`` who matches what the user typed to find the other one."""

    template: Template
    letter: Letter | None
    other: Letter | None
    templates: list[Template]
    lang: str
    person: Choice
    choices: list[Choice]

    def to_dict(self, translate: Translate | None = None) -> dict[str, Any]:
        """``coach draft --json`` and the API: the template, the message (``to``, ``name``,
        ``email``, ``subject``, ``body``, ``mailto``, ``findings``), how to log it once sent, and
        for an introduction the message to the other person (``other``, else null)."""
        assert self.letter is not None
        return {
            "template": self.template.code,
            "lang": self.lang,
            **self.letter.to_dict(translate),
            "log": {"direction": self.template.gives.direction.value, "kind": self.template.log_kind},
            "other": self.other.to_dict(translate) if self.other is not None else None,
        }


def template_to_dict(template: Template) -> dict[str, Any]:
    """A template as the CLI's and the API's JSON."""
    return {
        "code": template.code,
        "name": template.name,
        "subject": template.subject,
        "body": template.body,
        "gives": template.gives.value,
        "log_kind": template.log_kind,
        "builtin": template.builtin,
        "edited": template.edited,
        "introduction": template.needs_other,
    }


def _occasion_words(person: Person, occasion: str, holiday: str, _: Translate) -> str:
    organisation = person.organisation.strip()
    if occasion == Occasion.BIRTHDAY:
        return _("Happy birthday! I hope you have a wonderful day and a great year ahead.")
    if occasion == Occasion.WORK_ANNIVERSARY:
        first = (
            _("Congratulations on your work anniversary at %(organisation)s!")
            % {"organisation": organisation}
            if organisation
            else _("Congratulations on your work anniversary!")
        )
        return first + " " + _("I hope the year ahead brings you projects you enjoy.")
    if occasion == Occasion.HOLIDAY and holiday in BY_CODE:
        return (
            _("With %(holiday)s here, I wanted to send you my warmest wishes.")
            % {"holiday": _(BY_CODE[holiday].name)}
            + " "
            + _("I hope you enjoy it with the people you care about.")
        )
    return _("You came to mind today, and I wanted to send you my warm wishes.")


def _values(
    unit: Unit,
    person: Person,
    other: Person | None,
    *,
    occasion: str,
    holiday: str,
    article: str,
    my_name: str,
    _: Translate,
) -> dict[str, str]:
    assert person.id is not None
    timeline = unit.interactions.for_person(person.id)
    suggestions = suggestions_for(unit.offers.all(), person.could_use_help_with)
    suggestion = suggestions[0] if suggestions else None
    values = {
        "given_name": addressed_to(person),
        "name": person.display_name,
        "organisation": person.organisation,
        "title": person.title,
        "how_met": person.how_met,
        "where_met": person.where_met,
        "last_talk": timeline[0].summary if timeline else "",
        "interest": person.interests[0] if person.interests else "",
        "need": suggestion.need if suggestion else "",
        "offer": (
            f"“{suggestion.offer.text}”"
            if suggestion
            else _("an introduction, an article, or a hand with something you are working on")
        ),
        "occasion": _occasion_words(person, occasion, holiday, _),
        "article": article.strip() or _("[the article's title and link]"),
        "my_name": my_name,
    }
    if other is not None:
        values.update(
            other_name=other.display_name,
            other_given_name=addressed_to(other),
            other_organisation=other.organisation,
            other_title=other.title,
        )
    assert values.keys() <= FIELDS.keys()
    return values


def _letter(unit: Unit, person: Person, template: Template, values: dict[str, str], lang: str) -> Letter:
    assert person.id is not None
    subject, body = fill(template.subject, values), fill(template.body, values)
    return Letter(
        person_id=person.id,
        name=person.display_name,
        addressed_to=values["given_name"],
        email=person.emails[0] if person.emails else "",
        subject=subject,
        body=body,
        check=checked_in(unit, body, to=person.id, lang=lang, on=date.today()),
    )


def compose(
    network: Network,
    person_id: int,
    code: str,
    *,
    lang: str = "en",
    _: Translate = _same,
    other_id: int | None = None,
    occasion: str = "",
    holiday: str = "",
    article: str = "",
    choosing: str | None = None,
) -> Written:
    """A message to ``person_id`` from the template ``code``, in ``lang`` (``_`` translates into it),
    checked by the coach. An introduction (a template naming the other person) needs ``other_id``
    and gives a message to each. ``occasion`` and ``holiday`` say which occasion a greeting is for,
    ``article`` what a shared article is. NotFound (naming ``to``, ``with`` or ``template``) for a
    person or template the network does not have; InputRefused when an introduction lacks the other
    person or names the same one twice; but while ``choosing`` (what the user typed to find the other
    person, "" at first) there are no letters yet, and the people who match it are the choices."""
    _check_lang(lang)
    with network.reading() as unit:
        template = template_in(unit, code, lang, _)
        person = unit.people.get(person_id)
        if person is None:
            raise NotFound(NO_SUCH_PERSON(id=person_id), field="to")
        other = None
        whom = Choice(person_id, person.display_name, person.organisation)
        if template.needs_other and other_id is None and choosing is not None:
            found = unit.people.find(Text(choosing), limit=MAX_CHOICES + 1) if choosing.strip() else []
            choices = [
                Choice(one.id, one.display_name, one.organisation)
                for one in found
                if one.id is not None and one.id != person_id
            ][:MAX_CHOICES]
            return Written(template, None, None, templates_in(unit, lang, _), lang, whom, choices)
        if template.needs_other:
            if other_id is None:
                raise InputRefused(refusals.INTRODUCE_WHOM(), field="with")
            if other_id == person_id:
                raise InputRefused(refusals.INTRODUCE_TWO(), field="with")
            other = unit.people.get(other_id)
            if other is None:
                raise NotFound(NO_SUCH_PERSON(id=other_id), field="with")
        my_name = about_me_in(unit).name
        values = _values(
            unit, person, other, occasion=occasion, holiday=holiday, article=article, my_name=my_name, _=_
        )
        letter = _letter(unit, person, template, values, lang)
        reply = None
        if other is not None:
            values = _values(
                unit, other, person, occasion=occasion, holiday=holiday, article=article, my_name=my_name, _=_
            )
            reply = _letter(unit, other, template, values, lang)
        return Written(template, letter, reply, templates_in(unit, lang, _), lang, whom, [])


def letter_in(
    unit: Unit,
    person: Person,
    other: Person | None,
    template: Template,
    *,
    lang: str,
    _: Translate,
) -> Letter:
    """One message from ``template`` to ``person`` (about ``other`` in an introduction), filled and
    checked within a transaction (an introduction's steps draft with it)."""
    values = _values(
        unit, person, other, occasion="", holiday="", article="", my_name=about_me_in(unit).name, _=_
    )
    return _letter(unit, person, template, values, lang)


def article_letter_in(unit: Unit, person: Person, article: str, *, lang: str, _: Translate) -> Letter:
    """The "share an article" message to ``person`` about ``article`` (its title and link), checked."""
    template = template_in(unit, "share-article", lang, _)
    values = _values(
        unit, person, None, occasion="", holiday="", article=article, my_name=about_me_in(unit).name, _=_
    )
    return _letter(unit, person, template, values, lang)
