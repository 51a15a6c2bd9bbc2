"""Broadcast: announcements to members, paced at Telegram's limit from a durable outbox."""

from bot.core.callbacks import CallbackData


class DraftStep(CallbackData, prefix="bc"):
    """A step of /broadcast: aud (choose the audience), go, later, x (cancel)."""

    step: str


class Version(CallbackData, prefix="bc:v"):
    """The next text is this language's version."""

    lang: str


class AudienceKind(CallbackData, prefix="bc:a"):
    """all, lang (pick languages), topic or district (pick MOs of one)."""

    kind: str


class LanguageToggle(CallbackData, prefix="bc:l"):
    """Toggle a language of the audience, or "ok"."""

    lang: str


class Subscribers(CallbackData, prefix="bc:s"):
    """Those who follow a network or program."""

    target: str


class TopicMOs(CallbackData, prefix="bc:t"):
    topic: str


class DistrictMOs(CallbackData, prefix="bc:d"):
    district: str


class Stop(CallbackData, prefix="bx"):
    """Cancel a running or scheduled broadcast."""

    broadcast: int


AUDIENCE_BUTTON, SEND_NOW, LATER, CANCEL = (DraftStep(s) for s in ("aud", "go", "later", "x"))
TEXT, MENU, AUDIENCE, CONFIRM, WHEN = range(5)
