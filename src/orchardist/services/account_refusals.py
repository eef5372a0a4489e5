"""What the agency server refuses, and why: accounts, links, signing in and sharing."""

from __future__ import annotations

from orchardist.domain.messages import N_, Wording

SERVER_NEEDS_POSTGRES = Wording(
    "server.needs_postgres",
    N_("server mode needs PostgreSQL: give --db postgresql://… (an SQLite file is for one person's app)"),
)
SERVER_NOT_MIGRATED = Wording(
    "server.not_migrated",
    N_(
        "the database is at revision %(found)s, this version needs %(needed)s: run “orchardist --db … "
        "migrate” as the tables' owner, then serve again"
    ),
)
AGENCY_EXISTS = Wording("agency.exists", N_("there is already an agency named %(name)s"))
NO_SUCH_AGENCY = Wording("agency.unknown", N_("there is no agency named %(name)s"))
ACCOUNT_EXISTS = Wording("account.exists", N_("%(email)s already has an account on this server"))
NOT_AN_EMAIL = Wording("account.not_an_email", N_("%(email)s is not an e-mail address"))
NAME_TOO_LONG = Wording("account.name_too_long", N_("a name can have at most %(most)s characters"))
LINK_NOT_VALID = Wording(
    "link.not_valid",
    N_("this link has expired or was already used; ask whoever sent it for a new one"),
)
WRONG_SIGN_IN = Wording("sign_in.wrong", N_("that e-mail address and password do not match an account"))
TOO_MANY_TRIES = Wording(
    "sign_in.throttled", N_("too many wrong tries: wait %(minutes)s minutes, then try again")
)
WRONG_CODE = Wording(
    "second_factor.wrong", N_("that code is not right or was already used; try the next one")
)
NO_SUCH_CLIENT = Wording("client.unknown", N_("there is no such client in your caseload"))
NO_SUCH_COUNSELLOR = Wording("counsellor.unknown", N_("there is no such counsellor among yours"))
UNKNOWN_GROUP = Wording("sharing.unknown_group", N_("unknown group %(group)s; groups: %(known)s"))
NOTE_EMPTY = Wording("counsellor_note.empty", N_("a note needs some words"))
NOTE_TOO_LONG = Wording("counsellor_note.too_long", N_("a note can have at most %(most)s characters"))
NOT_A_MONTH = Wording("report.not_a_month", N_("expected a month as YYYY-MM, got %(value)s"))
