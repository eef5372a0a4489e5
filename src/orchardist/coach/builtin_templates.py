"""The message templates Orchardist comes with, in English here and French in the catalogue.

Each asks the way the coach teaches: advice, information or an introduction, never "any openings?";
the reconnect and congratulation notes ask for nothing; the offer of help and the shared article give
first. A user may change any of them (their copy is kept, the built-in one comes back on a reset) and
add their own. Today's reasons draft with these (``services.reasons``: each reason names its template).
"""

from __future__ import annotations

from orchardist.coach.templates import Gives, Template
from orchardist.domain.messages import N_

_SIGNED = N_("Best wishes,\n{my_name}")
"""How the built-in messages end: the user's name from About me, when they gave it."""


def _body(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


BUILTIN: dict[str, Template] = {
    template.code: template
    for template in (
        Template(
            "reconnect",
            N_("Reconnect (asks nothing)"),
            N_("Hello"),
            _body(
                N_("Hi {given_name},"),
                N_(
                    "It has been a long time since we were in touch, and you came to mind today. "
                    "I hope all is well with you[ at {organisation}]."
                ),
                N_("No need to reply: I simply wanted to say hello and wish you well."),
                _SIGNED,
            ),
            Gives.SOCIAL,
            "message",
            builtin=True,
        ),
        Template(
            "check-in",
            N_("Keep in touch"),
            N_("Hello"),
            _body(
                N_("Hi {given_name},"),
                N_("It has been a while since we were last in touch, and I wanted to say hello."),
                N_(
                    "How are things going[ at {organisation}]? "
                    "I would love to hear what you are working on these days."
                ),
                _SIGNED,
            ),
            Gives.SOCIAL,
            "message",
            builtin=True,
        ),
        Template(
            "offer-help",
            N_("Offer to help (give first)"),
            N_("Hello"),
            _body(
                N_("Hi {given_name},"),
                N_(
                    "I thought of you[, since you mentioned you could use help with “{need}”], "
                    "and wanted to offer something that might be useful: {offer}."
                ),
                N_("If that would help, just say so. There is nothing you need to do in return."),
                _SIGNED,
            ),
            Gives.GIVES,
            "favour",
            builtin=True,
        ),
        Template(
            "advice",
            N_("Ask for advice"),
            N_("A question for you"),
            _body(
                N_("Hi {given_name},"),
                N_("[It was good to meet you at {where_met}. ]I hope all is well with you."),
                N_(
                    "I am thinking about the next step in my career, and I value your view[, "
                    "especially on {interest}]. Could I ask your advice? Twenty minutes on a call or "
                    "over coffee, at a time that suits you, would help me a great deal."
                ),
                N_("Thank you for considering it."),
                _SIGNED,
            ),
            Gives.ASKS,
            "advice",
            builtin=True,
        ),
        Template(
            "information",
            N_("Ask for an informational interview"),
            N_("A short conversation?"),
            _body(
                N_("Hi {given_name},"),
                N_("[It was good to meet you at {where_met}. ]I hope all is well with you."),
                N_(
                    "I am learning more about your line of work[ at {organisation}], and I would love "
                    "to hear how you got into it and what you enjoy about it."
                ),
                N_(
                    "Would you have twenty minutes for a short conversation in the coming weeks? "
                    "I will keep to time, and I would be grateful for anything you are happy to share."
                ),
                _SIGNED,
            ),
            Gives.ASKS,
            "advice",
            builtin=True,
        ),
        Template(
            "introduction",
            N_("Ask for an introduction"),
            N_("A question for you"),
            _body(
                N_("Hi {given_name},"),
                N_(
                    "[I hope things are going well at {organisation}. ]I am keen to learn from people "
                    "who work in my field, and I think you may know someone I should talk to."
                ),
                N_(
                    "Would you be comfortable introducing me to one or two people you think I could "
                    "learn from? I will make it easy: I can send you a few lines to forward."
                ),
                N_("Thank you for considering it."),
                _SIGNED,
            ),
            Gives.ASKS,
            "introduction",
            builtin=True,
        ),
        Template(
            "thank-you",
            N_("Thank you"),
            N_("Thank you"),
            _body(
                N_("Hi {given_name},"),
                N_("Thank you again for your time and your help. I really appreciated it."),
                N_("I keep thinking about what we talked about: {last_talk}."),
                N_("I will let you know how things go."),
                _SIGNED,
            ),
            Gives.SOCIAL,
            "thank_you",
            builtin=True,
        ),
        Template(
            "follow-up",
            N_("Follow up"),
            N_("Following up"),
            _body(
                N_("Hi {given_name},"),
                N_(
                    "I wanted to follow up on our conversation[ ({last_talk})]. I have put your "
                    "advice to work, and it has helped me move forward."
                ),
                N_("Thank you again. If I can ever return the favour, I would be glad to."),
                _SIGNED,
            ),
            Gives.SOCIAL,
            "follow_up",
            builtin=True,
        ),
        Template(
            "share-article",
            N_("Share an article"),
            N_("Something you might like"),
            _body(
                N_("Hi {given_name},"),
                N_("I came across this and thought of you[, given your interest in {interest}]:"),
                "{article}",
                N_("No need to reply; I hope you enjoy it."),
                _SIGNED,
            ),
            Gives.GIVES,
            "article",
            builtin=True,
        ),
        Template(
            "greeting",
            N_("Greeting card note"),
            N_("Warm wishes"),
            _body(N_("Hi {given_name},"), "{occasion}", _SIGNED),
            Gives.SOCIAL,
            "greeting",
            builtin=True,
        ),
        Template(
            "congratulation",
            N_("Congratulations on a new job"),
            N_("Congratulations"),
            _body(
                N_("Hi {given_name},"),
                N_(
                    "Congratulations on your new role[ at {organisation}]! "
                    "I hope the new job is off to a great start."
                ),
                N_("No need to reply: I simply wanted to say well done."),
                _SIGNED,
            ),
            Gives.SOCIAL,
            "congratulation",
            builtin=True,
        ),
        Template(
            "double-opt-in",
            N_("Introduce two people (asking each first)"),
            N_("An introduction?"),
            _body(
                N_("Hi {given_name},"),
                N_(
                    "I would like to introduce you to {other_name}[, who works at {other_organisation}]. "
                    "I think you two would have a good conversation and could each help the other."
                ),
                N_(
                    "Would you be happy for me to introduce you? If so, I will send you both a short "
                    "note. If now is not a good time, just say so: no explanation needed."
                ),
                _SIGNED,
            ),
            Gives.GIVES,
            "introduction",
            builtin=True,
        ),
        Template(
            "introduce-both",
            N_("Introduce two people to each other"),
            N_("An introduction"),
            _body(
                N_("Hi {given_name}, hi {other_given_name},"),
                N_("As promised, I am glad to introduce you to each other."),
                N_("{name}[ works at {organisation}][ as {title}]."),
                N_("{other_name}[ works at {other_organisation}][ as {other_title}]."),
                N_(
                    "I think you would enjoy a conversation and could help each other. "
                    "I will leave it to you to take it from here."
                ),
                _SIGNED,
            ),
            Gives.GIVES,
            "introduction",
            builtin=True,
        ),
        Template(
            "introduction-follow-up",
            N_("Ask how an introduction went"),
            N_("How did it go?"),
            _body(
                N_("Hi {given_name},"),
                N_(
                    "I hope you and {other_name} had a chance to talk. I would love to hear how it "
                    "went, and whether there is anything else I can do."
                ),
                _SIGNED,
            ),
            Gives.GIVES,
            "follow_up",
            builtin=True,
        ),
    )
}
"""The built-in templates by code, in the order the pages list them."""
