"""Ask: a question in the member's own words, answered from the knowledge base."""

from bot.core.callbacks import CallbackData


class Candidate(CallbackData, prefix="c"):
    """ "Also: …" or a suggestion: another entry for the question asked."""

    question: int
    entry: str


class NotMeant(CallbackData, prefix="nm"):
    """ "Not what I meant": the other candidates and the coordination office."""

    question: int
