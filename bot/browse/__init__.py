"""Browse: the programs, the offices by topic, the networks, and every entry's page."""

from bot.core.callbacks import CallbackData


class Topic(CallbackData, prefix="t"):
    """The offices of a topic."""

    topic: str


class View(CallbackData, prefix="v"):
    """An entry's page."""

    entry: str


class ViewIn(CallbackData, prefix="vl"):
    """An entry's page named on another page (its offices, its glossary words), in the
    language of that page: under an answer in the question's language, not the member's."""

    entry: str
    lang: str


class More(CallbackData, prefix="mo"):
    """ "More": the rest of an entry's page as a new message, in the language of the page.

    `facet` is the fact the first message put first (deadline, amount, eligibility, contact,
    or "x" for none), so the rest is exactly what that message left out.
    """

    entry: str
    lang: str
    facet: str


class Page(CallbackData, prefix="pg"):
    """An entry's page in another language as a new message (the German text of a page
    whose translation may be out of date)."""

    entry: str
    lang: str
