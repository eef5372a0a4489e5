"""What the services refuse, and why: the catalogue of ``orchardist.services``.

Each is raised as ``InputRefused(WORDING(...), field=...)`` or ``NotFound(...)``; the CLI prints it in
English after the field's name, the API answers with its code, and a page shows it translated beside
the field (see ``orchardist.domain.messages``).
"""

from __future__ import annotations

from orchardist.domain.messages import N_, Wording

# Values of any field.
UNKNOWN_FIELD = Wording("field.unknown", N_("unknown field; known fields: %(known)s"))
EXPECTED_LIST = Wording("field.expected_list", N_("expected a list"))
EXPECTED_TEXT = Wording("field.expected_text", N_("expected text, got %(value)s"))
EXPECTED_WHOLE_NUMBER = Wording("field.expected_whole_number", N_("expected a whole number, got %(value)s"))
EXPECTED_PARTIAL_DATE = Wording(
    "field.expected_partial_date", N_("expected YYYY-MM-DD or --MM-DD, got %(value)s")
)
EXPECTED_DATES = Wording(
    "field.expected_dates", N_('expected a list of {"label": …, "date": "YYYY-MM-DD or --MM-DD"}')
)
ONE_OF = Wording("field.one_of", N_("must be one of %(choices)s"))
INTRODUCE_WHOM = Wording(
    "introduction.whom", N_("an introduction needs the other person too: say who they are")
)
INTRODUCE_TWO = Wording("introduction.same", N_("an introduction needs two different people"))
INTRODUCTION_MOVE = Wording(
    "introduction.move",
    N_(
        "an introduction at %(current)s cannot move to %(wanted)s: steps go forward, and a closed one "
        "stays closed"
    ),
)
ARTICLE_EMPTY = Wording(
    "article.empty", N_("paste the article's text, or its title and link: there is nothing to match yet")
)
INTRODUCTION_OPEN = Wording(
    "introduction.open", N_("you are already introducing these two (introduction %(id)s)")
)

# People.
NEEDS_NAME = Wording("person.needs_name", N_("a person needs a name"))
NOT_AN_EMAIL = Wording("person.not_an_email", N_("%(email)s is not an e-mail address: %(reason)s"))
SELF_INTRODUCED = Wording("person.self_introduced", N_("a person cannot be introduced by themselves"))
MERGE_WITH_SELF = Wording("person.merge_with_self", N_("cannot merge a person with themselves"))
NOTHING_TO_CHANGE = Wording("person.nothing_to_change", N_("nothing to change: give at least one field"))
TAG_EMPTY = Wording("tag.empty", N_("a tag needs at least one letter"))
TAG_TOO_LONG = Wording("tag.too_long", N_("a tag can have at most %(limit)s characters"))
CHOOSE_PEOPLE = Wording("people.none_chosen", N_("choose at least one person"))
TOO_MANY_CHOSEN = Wording("people.too_many_chosen", N_("choose at most %(most)s people at once"))
PAGE_SIZE = Wording("page.size", N_("a page shows from 1 to %(most)s people"))
PAGE_START = Wording("page.start", N_("a page starts at 0 or later"))

# Interactions.
NEEDS_PERSON = Wording("interaction.needs_person", N_("an interaction needs at least one person"))
NEEDS_KIND = Wording(
    "interaction.needs_kind", N_("an interaction needs a kind, such as coffee, call or introduction")
)
NEEDS_SUMMARY = Wording("interaction.needs_summary", N_("an interaction needs a short summary"))

# Quick capture.
CAPTURE_REFUSED = Wording("capture.refused", N_("the encounter was not saved: %(problems)s"))
CAPTURE_PROBLEM = Wording("capture.problem", N_("%(field)s is %(problem)s"))

# Offers.
NEEDS_OFFER_TEXT = Wording("offer.needs_text", N_("say what you can offer"))

# Leads, groups and events.
LEAD_NEEDS_WHAT = Wording("lead.needs_what", N_("say which organisation or role the lead is about"))
LEAD_VIA_ITSELF = Wording("lead.via_itself", N_("a lead cannot come by way of itself"))
LINK_WHAT = Wording("lead.link_what", N_("say whom the lead came from, or the lead it came by way of"))
PASS_ON_WHOM = Wording("lead.pass_on_whom", N_("say whom you passed the lead on to"))
GROUP_NEEDS_NAME = Wording("group.needs_name", N_("a group needs a name"))
EVENT_NEEDS_NAME = Wording("event.needs_name", N_("an event needs a name"))
WHO_KNOWS_WHERE = Wording("who_knows.needs_organisation", N_("say which organisation"))

# Today.
SNOOZE_IN_PAST = Wording("snooze.in_the_past", N_("%(day)s is in the past; snooze until today or later"))
UNKNOWN_REASON = Wording("today.unknown_reason", N_("unknown reason %(reason)s; one of %(choices)s"))

# Settings.
NO_SUCH_SETTING = Wording("setting.unknown", N_("no such setting; settings are %(known)s"))
ON_OR_OFF = Wording("setting.on_or_off", N_("must be on or off, got %(value)s"))
WHOLE_NUMBER = Wording("setting.whole_number", N_("must be a whole number, got %(value)s"))
SETTING_KIND = Wording("setting.kind", N_("must be %(kind)s"))
KIND_ON_OFF = Wording("setting.kind.on_off", N_("on or off (true or false)"))
KIND_NUMBER = Wording("setting.kind.number", N_("a whole number"))
KIND_CODES = Wording("setting.kind.codes", N_("a list of codes"))
KIND_TEXT = Wording("setting.kind.text", N_("text"))
SET_FIRST = Wording("setting.set_first", N_("set %(missing)s first"))
NOT_RESTORED = Wording("setting.not_restored", N_("not a setting a backup restores"))
NOT_A_DOMAIN = Wording(
    "setting.not_a_domain", N_("%(domain)s is not an e-mail domain: write it as contoso.com")
)
OWN_COMMAND = Wording("setting.own_command", N_("change it with %(command)s"))
DIGEST_ADDRESSES_FIRST = Wording(
    "digest.addresses_first", N_("set the digest's addresses (digest_to and digest_from) first")
)
SMTP_SERVER_FIRST = Wording("digest.server_first", N_("set the SMTP server first"))
DIGEST_NOT_SENT = Wording("digest.not_sent", N_("the digest was not sent through %(server)s: %(reason)s"))

# Files to import, backups to write and to restore.
FILE_REFUSED = Wording("import.refused", N_("%(file)s: %(reason)s"))
FILE_TOO_BIG = Wording(
    "import.too_big", N_("the file is %(size)s MB; Orchardist imports files up to %(limit)s MB")
)
UPLOAD_TOO_BIG = Wording("import.upload_too_big", N_("the file is over %(limit)s MB"))
CANNOT_READ_FILE = Wording("import.cannot_read", N_("cannot read the file: %(reason)s"))
CANNOT_READ = Wording("restore.cannot_read", N_("cannot read %(file)s: %(reason)s"))
SQLITE_NAME_FOR_JSON = Wording(
    "backup.sqlite_name",
    N_(
        "%(file)s names an SQLite file, but a PostgreSQL store is backed up as a JSON backup: "
        "end the file name with .json"
    ),
)
SQLITE_INTO_SQLITE = Wording(
    "restore.sqlite_needs_sqlite",
    N_("an SQLite backup restores into an SQLite store; use a JSON backup for PostgreSQL"),
)

# The web app's access passcode.
PASSCODE_TOO_SHORT = Wording(
    "passcode.too_short", N_("an access passcode needs at least %(least)s characters")
)
PASSCODE_TOO_LONG = Wording(
    "passcode.too_long", N_("an access passcode can have at most %(most)s characters")
)
