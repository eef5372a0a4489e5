"""Whether a sentence asks something of the reader, in English or French, over a stream's tokens
(see ``orchardist.coach.text``): a question mark, "could you", "let me know", « pourriez-vous »,
« si jamais »… Shared by the rules that care whether a message asks.
"""

from __future__ import annotations

import re

ASKING = re.compile(
    r" (?:\?|could you|would you|can you|will you|could u|would u|can u|do you|have you|are you|"
    r"any chance|let me know|tell me|keep me (?:posted|updated|informed)|flag me|ping me|heads up|"
    r"if you (?:ever |happen to )?(?:hear|know|see|come|spot|notice|learn|find|need)|if there|"
    r"whether there|if your|if any|if anything|if ever|i d appreciate|i would appreciate|appreciate any|"
    r"i d be grateful|i would be grateful|wondering|please|know of|hear of|aware of|happen to know|"
    r"would it be possible|is it possible|mind if|be considered|considered for|consider me|"
    r"pourriez|pourrais|pourrait|auriez|aurais|aurait|connais|est ce|je me demandais|n hesitez|"
    r"tenez moi|tiens moi|au courant|faire signe|fais moi signe|faites moi signe|me dire|dis moi|"
    r"dites moi|m informer|me faire savoir|si jamais|si vous|si tu|s il y a|s il y avait|s il y aurait|"
    r"avez vous|as tu|y a t il|je voulais savoir|j aimerais savoir|je voudrais savoir|merci de me|svp|"
    r"s il vous plait|s il te plait|serait il possible|est il possible|etre considere|etre consideree) "
)
"""Words that make a sentence ask something (search a stream's sentence, spaces around)."""

INFORMATIONAL = frozenset(
    "what how which why where when whats hows quel quelle quels quelles comment pourquoi".split()
)
"""Words that start a question about how things are, rather than a request."""

THANKING = frozenset(
    "thanks thank thx congrats congratulations congratulation kudos merci felicitations bravo".split()
)
"""Words of thanks and congratulations: what follows them is about something that happened."""


def asks(sentence: list[str]) -> bool:
    """Whether a sentence (a stream's tokens) asks something of the reader."""
    return bool(ASKING.search(" " + " ".join(sentence) + " "))


def clause_start(tokens: list[str], first: int, index: int) -> int:
    """Where the clause holding ``index`` begins: after the last comma from ``first`` on."""
    start = index
    while start > first and tokens[start - 1] != ",":
        start -= 1
    return start


REQUESTING = re.compile(
    r" (?:(?:could|would|can|will) (?:you|u)(?! (?:like|want|need|believe|imagine|guess|"
    # "Would you be happy for me to introduce you?" offers; it asks nothing for the writer.
    r"be (?:happy|glad|ok|okay|comfortable) (?:for|if) (?:me|i) |"
    r"please let me know if "
    r"i can))|would you mind|could i ask|can i ask|may i ask|might i ask|i was wondering|i am wondering|"
    r"wondering if|i d love (?:your|to get your|to hear your|to pick|to ask|an introduction|an intro)|"
    r"i would love (?:your|to get your|to hear your|to pick|to ask)|any chance|do you (?:know|"
    r"happen to know) "
    r"(?:anyone|anybody|someone|somebody|of|if|whether|who)|is there anyone|who (?:else )?should i|"
    r"pick your brain|introduce me|intro to|put me in touch|connect me|help me|your (?:advice|thoughts|"
    r"feedback|"
    r"input|insight|insights|perspective|opinion|guidance)|would it be possible|is it possible|"
    r"i d be grateful|i would be grateful|i d appreciate|i would appreciate|"
    r"pourriez vous|pourrais tu|pourriez|pourrais|auriez vous|aurais tu|serait il possible|"
    r"est ce que (?:vous|tu) "
    r"(?:pourriez|pourrais|auriez|aurais|accepteriez|accepterais|connaissez|connais)|me presenter|"
    r"me conseiller|vos conseils|tes conseils|votre avis|ton avis|je me demandais|accepteriez vous|"
    r"accepterais tu|seriez vous|serais tu|(?:connaissez vous|connais tu|connais) quelqu un|"
    r"j aimerais (?:vous|te) demander|m aider|me mettre en (?:contact|relation)|je serais reconnaissante?|"
    r"ca te dirait|ca vous dirait) "
)
"""Words that ask a favour of the reader: advice, an introduction, information, help."""
