"""The shared objects, opened once in post_init, and each capability's service built on them.

Handlers reach them through the typed context (`context.services`); every service is given
exactly what it uses (see its constructor), never this whole container.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from bot.ask.service import Asking
from bot.config import Config
from bot.core.pacing import Pacer
from bot.core.pseudonyms import Pseudonyms
from bot.core.sending import Sender
from bot.db import Database, User
from bot.events.desk import EventDesk
from bot.events.reminders import Reminders
from bot.events.service import Events
from bot.figures.followup import FollowUps
from bot.i18n import Catalogs, Translator
from bot.i18n.locale import decide_locale
from bot.inbox.service import Inbox
from bot.knowledge import Knowledge
from bot.matching.matcher import Matcher


@dataclass(frozen=True)
class Services:
    """Opened in post_init and closed in post_shutdown."""

    config: Config
    db: Database
    catalogs: Catalogs
    knowledge: Knowledge
    matcher: Matcher
    pseudonyms: Pseudonyms
    sender: Sender
    # Meetings and deadlines: catalog, clock, time zone, the delivery lock.
    desk: EventDesk = field(default_factory=EventDesk.empty)
    # The one pacer of everything the bot sends (broadcasts book their slots on it).
    pacer: Pacer | None = None

    def user_key(self, user_id: int) -> str:
        return self.pseudonyms.of(user_id)

    def is_coordinator(self, user: User | None) -> bool:
        if user is None:
            return False
        return user.id in self.config.coordinator_ids or user.role == "coordinator"

    def translator(self, locale: str | None, telegram_language: str | None) -> Translator:
        """The user's language: their choice, else Telegram's, else DEFAULT_LANGUAGE."""
        default = self.config.default_language
        return self.catalogs.get(decide_locale(locale, telegram_language, default))

    @cached_property
    def ask(self) -> Asking:
        return Asking(self.db.questions, self.matcher, self.knowledge, self.pseudonyms)

    @cached_property
    def inbox(self) -> Inbox:
        return Inbox(self.db, self.catalogs, self.config, self.pseudonyms, self.sender)

    @cached_property
    def events(self) -> Events:
        return Events(self.desk, self.db, self.knowledge)

    @cached_property
    def reminders(self) -> Reminders:
        return Reminders(
            self.events, self.db, self.catalogs, self.config.default_language, self.sender
        )

    @cached_property
    def followups(self) -> FollowUps:
        return FollowUps(
            self.db,
            self.knowledge,
            self.catalogs,
            self.pseudonyms,
            self.sender,
            self.config.followup_days,
            self.config.default_language,
        )
