"""The shared objects, opened once in post_init, and each capability's service built on them.

Handlers reach them through the typed context (`context.services`); every service is given
exactly what it uses (see its constructor), never this whole container.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from bot.ask.intents import IntentDetector
from bot.ask.service import Asking
from bot.ask.understanding import Understanding
from bot.config import Config
from bot.cooperations.service import Cooperations
from bot.core.pacing import Pacer
from bot.core.pseudonyms import Pseudonyms
from bot.core.sending import Sender
from bot.db import Database, User
from bot.events.desk import EventDesk
from bot.events.reminders import Reminders
from bot.events.service import Events
from bot.figures.followup import FollowUps
from bot.i18n import Catalogs
from bot.inbox.service import Inbox
from bot.inbox.translation import Translation
from bot.knowledge import Knowledge
from bot.matching.matcher import Matcher
from bot.trainings.service import Trainings
from bot.upkeep.live import LiveKnowledge
from bot.upkeep.review import ReviewNotices
from bot.upkeep.service import Fixes


@dataclass(frozen=True)
class Services:
    """Opened in post_init and closed in post_shutdown."""

    config: Config
    db: Database
    catalogs: Catalogs
    # knowledge/ with the coordinators' quick fixes, and its matcher: replaced on a fix, so
    # everything below reads it when used (the knowledge services are built per use).
    live: LiveKnowledge
    pseudonyms: Pseudonyms
    sender: Sender
    # Meetings and deadlines: catalog, clock, time zone, the delivery lock.
    desk: EventDesk = field(default_factory=EventDesk.empty)
    # Small talk, the bot's own features, hand-overs (knowledge/intents.toml), built at start.
    intents: IntentDetector = field(kw_only=True)

    @property
    def knowledge(self) -> Knowledge:
        return self.live.knowledge

    @property
    def matcher(self) -> Matcher:
        return self.live.matcher

    # The one pacer of everything the bot sends (broadcasts book their slots on it).
    pacer: Pacer | None = None

    def user_key(self, user_id: int) -> str:
        return self.pseudonyms.of(user_id)

    def is_coordinator(self, user: User | None) -> bool:
        if user is None:
            return False
        return user.id in self.config.coordinator_ids or user.role == "coordinator"

    @property  # reads the live knowledge
    def ask(self) -> Asking:
        return Asking(
            self.db.questions,
            Understanding(self.matcher, self.intents),
            self.knowledge,
            self.pseudonyms,
            self.catalogs,
            self.events,
        )

    @cached_property
    def inbox(self) -> Inbox:
        translation = Translation(self.config.translate)  # TRANSLATE_URL, off by default
        return Inbox(
            self.db, self.catalogs, self.config, self.pseudonyms, self.sender, translation
        )

    @property  # reads the live knowledge
    def events(self) -> Events:
        return Events(self.desk, self.db, self.knowledge)

    @property  # reads the live knowledge
    def reminders(self) -> Reminders:
        return Reminders(
            self.events, self.db, self.catalogs, self.config.default_language, self.sender
        )

    @property  # reads the live knowledge
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

    @cached_property
    def fixes(self) -> Fixes:
        return Fixes(self.db.upkeep, self.live, self.config.review_dir, self.config.timezone)

    @cached_property
    def review_notices(self) -> ReviewNotices:
        config = self.config
        return ReviewNotices(
            self.db,
            self.live,
            self.catalogs,
            config.coordinator_ids,
            config.default_language,
            config.office_hours,
            config.timezone,
            self.sender,
        )

    @cached_property
    def trainings(self) -> Trainings:
        desk, config = self.desk, self.config
        return Trainings(
            self.db, self.catalogs, self.sender, desk.clock, desk.tz, config.default_language
        )

    @property  # reads the live knowledge (offices can be introduced)
    def cooperations(self) -> Cooperations:
        config = self.config
        return Cooperations(
            self.db,
            self.knowledge,
            self.catalogs,
            self.sender,
            config.introduction_followup_days,
            config.default_language,
        )
