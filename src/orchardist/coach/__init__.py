"""The networking coach: message templates filled from what the network knows, and a checker whose
rules read a message the way a careful friend would before it is sent.

The coach is pure: it imports only ``orchardist.domain`` and never the store. A use case in
``orchardist.services`` gathers what a check needs (the recipient, the ledger, the user's About me)
into a :class:`~orchardist.coach.findings.MessageContext` and calls :func:`orchardist.coach.checker.check`.
"""
