"""What sending an unsolicited message can come to, and the sender services are given.

Services (broadcasts, reminders, follow-ups, survey invitations, the inbox) send through a
`Sender`; the Telegram layer implements it once (bot/handlers/outbound.py) with one mapping
of Telegram's answers, so every service reacts to a block, a flood limit or a timeout alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from bot.core.reply import Reply

Kind = Literal["sent", "blocked", "retry_after", "transient", "failed"]


@dataclass(frozen=True)
class Outcome:
    """sent; blocked (403 or the chat is gone: the user is marked unreachable everywhere);
    retry_after (Telegram's flood limit: not sent, wait `retry_after` seconds); transient
    (certainly not sent, e.g. a 5xx: may be tried again); failed (anything else, including
    a timeout: it may have arrived, so it is never repeated)."""

    kind: Kind
    reason: str | None = None
    retry_after: float = 0.0
    message_id: int | None = None

    @property
    def sent(self) -> bool:
        return self.kind == "sent"


class Sender(Protocol):
    async def send(self, chat_id: int, reply: Reply, *, own_retries: bool = False) -> Outcome:
        """One attempt; with `own_retries` the caller repeats transient failures itself."""
        ...

    async def deliver(self, chat_id: int, reply: Reply) -> Outcome:
        """Send, waiting out one RetryAfter of Telegram's (honoured, then tried once more)."""
        ...

    async def edit(self, chat_id: int, message_id: int, reply: Reply) -> Outcome:
        """Replace the text and buttons of a message the bot sent earlier."""
        ...

    async def document(self, chat_id: int, data: bytes, filename: str, caption: str) -> Outcome:
        """Send a file."""
        ...
