"""What the presence, pitch and calling-card rules say: platform names, the consistency report's findings,
what the pitch and the card refuse. A catalogue module (see ``orchardist.domain.messages``)."""

from __future__ import annotations

from orchardist.domain.messages import N_, Wording

# Platforms (presence.py): each known one's name, as a message so it is translated where it is shown.
LINKEDIN = Wording("platform.linkedin", N_("LinkedIn"))
FACEBOOK = Wording("platform.facebook", N_("Facebook"))
X = Wording("platform.x", N_("X"))
INSTAGRAM = Wording("platform.instagram", N_("Instagram"))
GITHUB = Wording("platform.github", N_("GitHub"))
WEBSITE = Wording("platform.website", N_("Personal site"))
RESUME = Wording("platform.resume", N_("Résumé"))

# The consistency report's rules: each one's short name on the review checklist (presence_rules.py).
RULE_NAME = Wording("presence.rule.name", N_("Same name everywhere"))
RULE_TITLE = Wording("presence.rule.title", N_("Same job title"))
RULE_EMPLOYER = Wording("presence.rule.employer", N_("Same employer"))
RULE_DATES = Wording("presence.rule.dates", N_("Same start date for the current position"))
RULE_LOCATION = Wording("presence.rule.location", N_("Same location"))
RULE_REVIEWED = Wording("presence.rule.reviewed", N_("Reviewed in the last 6 months"))
RULE_OPEN_TO_WORK = Wording("presence.rule.open_to_work", N_("No public “open to work” in a discreet search"))
RULE_HEADLINE = Wording("presence.rule.headline", N_("A headline that keeps a discreet search quiet"))

# The findings: the platforms, the two values and what to do.
NAME_DIFFERS = Wording(
    "presence.name_differs",
    N_(
        "Your name is “%(first)s” on %(first_platform)s but “%(second)s” on %(second_platform)s: use one "
        "name everywhere, or mark the second as a nickname you use on purpose."
    ),
)
TITLE_DIFFERS = Wording(
    "presence.title_differs",
    N_(
        "Your title is “%(first)s” on %(first_platform)s but “%(second)s” on %(second_platform)s: people "
        "who look you up compare them; give the same title on both."
    ),
)
EMPLOYER_DIFFERS = Wording(
    "presence.employer_differs",
    N_(
        "Your employer is “%(first)s” on %(first_platform)s but “%(second)s” on %(second_platform)s: "
        "bring the older one up to date."
    ),
)
DATES_DIFFER = Wording(
    "presence.dates_differ",
    N_(
        "Your current position started in %(first)s on %(first_platform)s but in %(second)s on "
        "%(second_platform)s: check the date and give the same one on both."
    ),
)
LOCATION_DIFFERS = Wording(
    "presence.location_differs",
    N_(
        "Your location is “%(first)s” on %(first_platform)s but “%(second)s” on %(second_platform)s: "
        "say where you are the same way on both."
    ),
)
NEVER_REVIEWED = Wording(
    "presence.never_reviewed",
    N_(
        "You have not reviewed your %(platform)s profile yet: read it as a stranger would, then mark it "
        "reviewed."
    ),
)
NOT_REVIEWED = Wording(
    "presence.not_reviewed",
    N_(
        "You last reviewed your %(platform)s profile on %(reviewed)s, over 6 months ago: read it again "
        "and mark it reviewed."
    ),
)
OPEN_TO_WORK_PUBLIC = Wording(
    "presence.open_to_work_public",
    N_(
        "Your %(platform)s profile shows “open to work” to everyone while your search is discreet: your "
        "employer can see it. Turn it off, or show it to recruiters only."
    ),
)
HEADLINE_REVEALS = Wording(
    "presence.headline_reveals",
    N_(
        "Your %(platform)s headline “%(headline)s” says you are looking (“%(words)s”) while your search "
        "is discreet: say what you do instead."
    ),
)

# Refusals of presence, pitch and card input.
NEEDS_PLATFORM = Wording("presence.needs_platform", N_("name the platform, such as linkedin or github"))
NO_SUCH_PROFILE = Wording("presence.not_found", N_("no profile on %(platform)s; add it first"))
PROFILE_EXISTS = Wording("presence.exists", N_("there is already a profile on %(platform)s; edit it instead"))
NOT_A_MONTH = Wording("presence.not_a_month", N_("expected a month as YYYY-MM, got %(value)s"))
NOT_A_WEB_ADDRESS = Wording(
    "presence.not_a_web_address",
    N_("expected a web address starting with https:// or http://, got %(value)s"),
)
NO_SUCH_PART = Wording("pitch.unknown_part", N_("unknown part of the pitch; one of %(choices)s"))
NEEDS_PLACE = Wording("pitch.needs_place", N_("say where you gave your pitch"))
NO_SUCH_PRACTICE = Wording("pitch.practice_not_found", N_("no practice with id %(id)s"))
CARD_NEEDS_NAME = Wording(
    "card.needs_name", N_("the card needs your name: give it in About me (orchardist me set --name …)")
)

# Reading LinkedIn's profile export (formats/linkedin_profile.py): each names the file, line and field.
NOT_AN_EXPORT = Wording(
    "presence.import.not_an_export",
    N_("%(file)s is not LinkedIn's Profile.csv, Positions.csv nor the zip of its data export"),
)
NO_PROFILE_FILES = Wording(
    "presence.import.no_profile_files", N_("%(file)s holds neither Profile.csv nor Positions.csv")
)
ZIP_TOO_MANY = Wording("presence.import.too_many_files", N_("%(file)s holds more than %(limit)s files"))
ZIP_TOO_BIG = Wording("presence.import.too_big", N_("%(file)s unpacks to more than %(limit)s"))
ZIP_UNSAFE_NAME = Wording(
    "presence.import.unsafe_name",
    N_("%(file)s holds %(member)s, a name that points outside the archive: it was not read"),
)
ZIP_BOMB = Wording(
    "presence.import.zip_bomb",
    N_(
        "%(file)s: %(member)s is compressed over %(ratio)s times, far more than a real export: it was not "
        "read"
    ),
)
ZIP_SIZE_LIES = Wording(
    "presence.import.size_lies", N_("%(file)s: %(member)s is larger than the archive says: it was not read")
)
IN_FILE = Wording("presence.import.in_file", N_("%(file)s: %(reason)s"))
MISSING_COLUMN = Wording("presence.import.missing_column", N_("%(file)s line %(line)s: no %(field)s column"))
BAD_CSV = Wording("presence.import.bad_csv", N_("%(file)s line %(line)s: %(problem)s"))
BAD_FIELD = Wording("presence.import.bad_field", N_("%(file)s line %(line)s, %(field)s: %(problem)s"))
NOT_A_LINKEDIN_MONTH = Wording(
    "presence.import.not_a_month", N_("“%(value)s” is not a month such as “Mar 2019” or “2019-03”")
)
PRACTICE_IN_FUTURE = Wording(
    "pitch.practice_in_future", N_("%(day)s has not come yet: note a practice once it is done")
)
NOT_A_DAY = Wording("presence.not_a_day", N_("expected a day as YYYY-MM-DD, got %(value)s"))
