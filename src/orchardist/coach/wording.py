"""What the coach says: why each finding matters and a better way to put it, and what a check refuses.

The catalogue of ``orchardist.coach``; see ``orchardist.domain.messages`` for how a message is said.
Each sentence is English here and French in the catalogue (``web/locale``).
"""

from __future__ import annotations

from orchardist.domain.messages import N_, Wording

# asks-for-job-openings
OPENINGS_WHY = Wording(
    "coach.openings.why",
    N_(
        "Asking whether there are openings gets a quick “no” and ends the conversation; asking for "
        "advice or an introduction keeps it going."
    ),
)
OPENINGS_BETTER = Wording(
    "coach.openings.better",
    N_(
        "Ask for advice or an introduction instead: “Could I ask your advice on moving into …?” or "
        "“Who would you suggest I talk to about …?”"
    ),
)

# ask-without-giving
NOTHING_GIVEN = Wording(
    "coach.ask_without_giving.nothing_given",
    N_("You have not given %(name)s anything yet, and an ask from someone who only takes is easy to ignore."),
)
ONLY_ASKED = Wording(
    "coach.ask_without_giving.only_asked",
    N_("All you have logged with %(name)s so far are asks (%(asks)s) and no give: networking is two-way."),
)
ASKED_MORE_LATELY = Wording(
    "coach.ask_without_giving.asked_more_lately",
    N_(
        "In the last 90 days you have asked %(name)s more often than you have given "
        "(%(asks)s asks, %(gives)s gives)."
    ),
)
OFFER_FIRST = Wording("coach.ask_without_giving.offer_first", N_("Offer first: %(offer)s"))
GIVE_FIRST = Wording(
    "coach.ask_without_giving.give_first",
    N_(
        "Give something first (an article they would like, an introduction, your help with what "
        "they are working on), then ask."
    ),
)

# too-long
TOO_LONG_WHY = Wording(
    "coach.too_long.why",
    N_(
        "A first message of %(words)s words is long for someone who does not know you yet: it gets skimmed "
        "or put off."
    ),
)
TOO_LONG_BETTER = Wording(
    "coach.too_long.better",
    N_(
        "Keep a first message under %(most)s words: who you are, how you are connected, and one "
        "sentence on why you are writing."
    ),
)

# no-personal-touch
IMPERSONAL_WHY = Wording(
    "coach.no_personal_touch.why",
    N_("Nothing in the message is about %(name)s: it reads like one sent to everyone."),
)
IMPERSONAL_BETTER = Wording(
    "coach.no_personal_touch.better",
    N_(
        "Use their name and mention something of theirs: where you met, their work, an interest, "
        "or what you last talked about."
    ),
)
IMPERSONAL_BETTER_HINT = Wording(
    "coach.no_personal_touch.better_hint",
    N_("Use their name and mention something of theirs, such as %(hint)s."),
)

# begging-tone
BEGGING_WHY = Wording(
    "coach.begging.why",
    N_("Words like these sound desperate, and people back away from pressure rather than help."),
)
BEGGING_BETTER = Wording(
    "coach.begging.better",
    N_(
        "Say calmly what you are looking for and what you bring: “I’m looking for my next role in …, "
        "where I can put my experience in … to use.”"
    ),
)

# confidential-detail
SALARY_WHY = Wording(
    "coach.confidential.salary.why",
    N_(
        "A salary figure in a networking message can be passed on, and it weakens your hand when you "
        "negotiate."
    ),
)
SALARY_BETTER = Wording(
    "coach.confidential.salary.better",
    N_("Leave the figure out; talk about pay once there is an offer, or ask about ranges in general."),
)
HEALTH_WHY = Wording(
    "coach.confidential.health.why",
    N_("Health matters are yours to keep private; written down, they can be forwarded to anyone."),
)
HEALTH_BETTER = Wording(
    "coach.confidential.health.better",
    N_("Leave it out, or say only that you took some time off."),
)
EMPLOYER_WHY = Wording(
    "coach.confidential.employer.why",
    N_(
        "Your employer’s internal affairs are not yours to share, and a forwarded message can cost you your "
        "job."
    ),
)
EMPLOYER_BETTER = Wording(
    "coach.confidential.employer.better",
    N_("Leave out what your employer has not announced, and talk about what you want next."),
)

# What a check refuses.
NOTHING_TO_CHECK = Wording("coach.nothing_to_check", N_("there is no message to check: it is empty"))

# Templates.
UNKNOWN_BLANK = Wording(
    "template.unknown_blank", N_("{%(blank)s} is not a blank Orchardist can fill; it knows %(known)s")
)
BAD_CODE = Wording(
    "template.bad_code",
    N_("a template's code is lower-case letters, digits and dashes, such as my-coffee-ask (not %(code)s)"),
)
NO_BODY = Wording("template.no_body", N_("a template needs a message"))
NO_NAME = Wording("template.no_name", N_("a template needs a name"))
NO_SUCH_TEMPLATE = Wording(
    "coach.no_such_template", N_("there is no template %(code)s; orchardist coach templates lists them")
)
TOO_MANY_TEMPLATES = Wording(
    "coach.too_many_templates", N_("you keep %(limit)s templates of your own already; delete one first")
)

# What a fix writes into a message, and what its button says.
ADVICE_ASK = Wording(
    "coach.fix.advice_ask",
    N_("Could I ask your advice on how people find their way into work like yours?"),
)
OFFER_SENTENCE = Wording(
    "coach.fix.offer", N_("I would be glad to help with “%(offer)s”, if that is useful.")
)
GREETING = Wording("coach.fix.greeting", N_("Hi %(name)s,"))
TAKE_OUT = N_("Take this sentence out")
ASK_ADVICE_INSTEAD = N_("Ask for advice instead")
OFFER_FIRST_LABEL = N_("Offer something first")
GREET_BY_NAME = N_("Greet them by name")
