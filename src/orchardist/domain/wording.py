"""What the domain's rules say: why two records look like one person, and which values they refuse.

The catalogue of ``orchardist.domain``; see ``orchardist.domain.messages`` for how a message is said.
"""

from __future__ import annotations

from orchardist.domain.messages import N_, Wording

# Why two records look like one person (duplicates.py).
SAME_LINKEDIN = Wording("duplicate.same_linkedin", N_("same LinkedIn profile"))
SAME_EMAIL = Wording("duplicate.same_email", N_("same e-mail %(email)s"))
SAME_PHONE = Wording("duplicate.same_phone", N_("same phone %(phone)s"))
SAME_WEB_ADDRESS = Wording("duplicate.same_web_address", N_("same web address %(address)s"))
SAME_NAME = Wording("duplicate.same_name", N_("same name (accents and case folded)"))
SWAPPED_NAMES = Wording("duplicate.swapped_names", N_("given and family names swapped"))
MIDDLE_INITIAL = Wording("duplicate.middle_initial", N_("same name but for a middle initial"))
NICKNAME = Wording("duplicate.nickname", N_("nickname: %(first)s = %(second)s"))
SIMILAR_NAME = Wording("duplicate.similar_name", N_("similar name (score %(score)s)"))
SAME_ORGANISATION = Wording("duplicate.same_organisation", N_("same organisation"))
# Why two records the user means to merge look like two people (merging.py).
OTHER_LINKEDIN = Wording("merge.other_linkedin", N_("they have different LinkedIn profiles"))
OTHER_BIRTHDAY = Wording("merge.other_birthday", N_("their birthdays differ (%(first)s and %(second)s)"))
NO_NAME_IN_COMMON = Wording("merge.no_name_in_common", N_("their names have no word in common"))
NOT_CHOOSABLE = Wording(
    "merge.not_choosable", N_("%(field)s cannot be chosen: both records must have a different value")
)

# Things that do not exist in this network (people and offers are looked up by id everywhere).
NO_SUCH_PERSON = Wording("person.not_found", N_("no person with id %(id)s"))
NO_SUCH_OFFER = Wording("offer.not_found", N_("no offer with id %(id)s"))
NO_SUCH_LEAD = Wording("lead.not_found", N_("no lead with id %(id)s"))
NO_SUCH_GROUP = Wording("group.not_found", N_("no group with id %(id)s"))

# Why someone is listed as knowing someone at an organisation (warm_paths.py).
WORKS_THERE = Wording("who_knows.works_there", N_("works at %(organisation)s"))
WORKED_THERE = Wording("who_knows.worked_there", N_("worked at %(organisation)s before"))
INTRODUCED_BY_SOMEONE_THERE = Wording(
    "who_knows.introduced_by", N_("was introduced to you by %(name)s, who works at %(organisation)s")
)
INTRODUCED_SOMEONE_THERE = Wording(
    "who_knows.introduced", N_("introduced you to %(name)s, who works at %(organisation)s")
)

# Values a rule cannot work with (rhythm.py, progress.py, holidays.py).
DAYS_BETWEEN = Wording("value.days_range", N_("must be a number of days from 1 to %(most)s, got %(value)s"))
WEEKLY_GOAL_RANGE = Wording(
    "value.weekly_goal_range", N_("must be from 0 (no goal) to %(most)s, got %(value)s")
)
NUMBER_RANGE = Wording("value.range", N_("must be from %(least)s to %(most)s, got %(value)s"))
RHYTHM_DAYS = Wording("person.rhythm_days", N_("must be a number of days from 1 to %(most)s"))
UNKNOWN_HOLIDAY = Wording("holiday.unknown", N_("unknown holiday %(code)s; known: %(known)s"))

# What any text, list, id or date must be to be stored (limits.py), for every way in alike.
TOO_LONG = Wording("field.too_long", N_("must be at most %(limit)s characters, got %(length)s"))
NOT_UNICODE = Wording(
    "text.not_unicode", N_("holds a character that is not valid Unicode (%(character)s, a lone surrogate)")
)
NUL_IN_TEXT = Wording("text.nul", N_("cannot hold NUL characters"))
TOO_MANY = Wording("list.too_many", N_("can hold at most %(limit)s entries, got %(count)s"))
ORGANISATION_NEEDS_NAME = Wording("organisation.needs_name", N_("an organisation needs a name"))
NOT_A_TIER = Wording("person.not_a_tier", N_("is not a tier: %(value)s"))
NOT_YES_OR_NO = Wording("person.not_yes_or_no", N_("is neither yes nor no: %(value)s"))
DAY_RANGE = Wording("date.range", N_("must be a day from %(first)s to %(last)s, got %(value)s"))
AFTER_TODAY = Wording(
    "interaction.after_today",
    N_("%(value)s is after today (%(today)s): log a contact once it has happened, or snooze them until then"),
)

# Where the job search could leak, in discreet mode (discretion.py): said beside the action, never refused.
ASK_OF_COWORKER = Wording(
    "discretion.ask_of_coworker",
    N_(
        "%(name)s works at your employer and does not know you are looking: an ask could tell them. "
        "Ask about something other than your search, or mark them as knowing if you trust them."
    ),
)
ASK_OF_MAYBE_COWORKER = Wording(
    "discretion.ask_of_maybe_coworker",
    N_(
        "%(name)s may work at your employer (%(organisation)s) and does not know you are looking: an ask "
        "could tell them. Say on their page whether they are a co-worker."
    ),
)
DIGEST_AT_WORK = Wording(
    "discretion.digest_at_work",
    N_(
        "%(setting)s is at your work domain %(domain)s: your employer can read that mailbox. Send the "
        "digest to and from a personal address."
    ),
)
FEED_IN_WORK_CALENDAR = Wording(
    "discretion.feed_in_work_calendar",
    N_(
        "Do not add this feed to a work calendar (your work Outlook or Google account): your employer's "
        "administrators can see it. Use a calendar on your own phone or computer."
    ),
)

# Give before you ask (offers.py): said after an ask of someone the user had only asked of.
GIVE_BEFORE_ASK = Wording(
    "offers.give_before_ask",
    N_("So far you have only asked of %(name)s (asks: %(asked)s, nothing given): give before you ask again."),
)

# Why two people should meet (pairing.py): the reasons an introduction is suggested with.
NEED_MEETS_OFFER = Wording(
    "introduction.need_meets_offer",
    N_("%(a)s could use help with %(need)s; %(b)s offers exactly that (%(offer)s)"),
)
WORKS_WHERE_WANTED = Wording(
    "introduction.works_where_wanted",
    N_("%(a)s is looking for work and would like to be at %(organisation)s, where %(b)s works"),
)
SEARCHING_SAME_FIELD = Wording(
    "introduction.searching_same_field",
    N_("%(a)s is looking for work as %(field)s, and %(b)s works in that field"),
)
SAME_FIELD = Wording("introduction.same_field", N_("both work in the same field (%(field)s)"))
SHARED_INTEREST = Wording("introduction.shared_interest", N_("both are interested in %(interest)s"))

# Whom an article suits (sharing.py): the words of theirs it matched, field by field.
SHARE_MATCHED = Wording("share.matched", N_("%(field)s: %(words)s"))
SHARE_INTERESTS = Wording("share.field.interests", N_("interests"))
SHARE_NEEDS = Wording("share.field.needs", N_("could use help with"))
SHARE_TAGS = Wording("share.field.tags", N_("tags"))
SHARE_TITLE = Wording("share.field.title", N_("field"))
SHARE_OFFERS = Wording("share.field.offers", N_("can help with"))
SHARE_ORGANISATION = Wording("share.field.organisation", N_("organisation"))
SHARE_NOTES = Wording("share.field.notes", N_("notes"))

# Introductions the user brokers (introductions.py).
NO_SUCH_INTRODUCTION = Wording("introduction.not_found", N_("no introduction with id %(id)s"))
INTRODUCE_COWORKER = Wording(
    "discretion.introduce_coworker",
    N_(
        "%(name)s is flagged as a co-worker and does not know you are looking: an introduction could "
        "lead them to your search. Think twice, or mark them as knowing if you trust them."
    ),
)
