"""Ask: a question in the member's own words, answered from the knowledge base."""

from bot.core.callbacks import CallbackData


class Candidate(CallbackData, prefix="c"):
    """ "Also: …" or a suggestion: another entry for the question asked."""

    question: int
    entry: str


class NotMeant(CallbackData, prefix="nm"):
    """ "Not what I meant": the other candidates and the coordination office."""

    question: int


class KeepLanguage(CallbackData, prefix="kl"):
    """ "Keep answering in …": store the language a question was answered in as the choice."""

    lang: str


class Feature(CallbackData, prefix="ft"):
    """A feature of the bot offered under a reply to free text, where no button of its own
    exists yet (e.g. "mydata": send my data)."""

    command: str
