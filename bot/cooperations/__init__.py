"""Cooperations: introductions between organisations of the directory, and between an
organisation and an office or institution (seed 002 §3.2 "Kontaktherstellung, Vernetzung";
§3.3 "entstandene neue Kooperationen").

Double opt-in: each side accepts or declines; names and what each side chose to share are
passed on only when both accepted. Some weeks later both are asked once whether a
cooperation came of it.

The member's way in is the "find partner organisations" button of their directory entry
(bot.directory.FindPartner).

service.py  suggestions, proposals, answers, the follow-up (via a Sender)
pages.py    what the organisations see: suggestions, proposals, contacts, the follow-up
desk_pages.py  what coordinators see in /introduce
"""

from typing import Literal

from bot.core.callbacks import CallbackData


class Propose(CallbackData, prefix="itp"):
    """A member picked a suggested organisation: what may be passed on?"""

    org: int


class ProposeShare(CallbackData, prefix="itq"):
    """A member asks for the introduction, sharing their Telegram contact or only the name."""

    org: int
    share: Literal["telegram", "name"]


class IntroAnswer(CallbackData, prefix="ita"):
    """A side's answer to a proposed introduction."""

    introduction: int
    answer: Literal["telegram", "name", "no"]


class CooperationAnswer(CallbackData, prefix="itf"):
    """Weeks later: did a cooperation come of it (y) or not (n)?"""

    introduction: int
    answer: Literal["y", "n"]


class IntroDesk(CallbackData, prefix="itc"):
    """The coordinators' /introduce: menu, pair (confirm a with b), go (propose), om and oo
    (an organisation, then an office), ma and mb (two organisations). b is an organisation's
    number, "o.<office id>", or "-"."""

    action: str
    a: int
    b: str


MENU = IntroDesk("menu", 0, "-")
