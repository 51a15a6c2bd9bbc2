"""The shared objects, opened once for the app, the console and every CLI command."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.config import Config
from bot.core.pseudonyms import user_key
from bot.db import Database, User
from bot.events.desk import EventDesk
from bot.i18n import Catalogs
from bot.knowledge import Knowledge
from bot.matching import Matcher


@dataclass(frozen=True)
class Services:
    """Everything handlers need, opened in post_init and closed in post_shutdown."""

    config: Config
    db: Database
    catalogs: Catalogs
    knowledge: Knowledge
    matcher: Matcher
    pseudonym_secret: str
    # Meetings and deadlines (catalog, clock): set in app.py post_init.
    events: EventDesk = field(default_factory=EventDesk.empty)

    def user_key(self, user_id: int) -> str:
        return user_key(self.pseudonym_secret, user_id)

    def is_coordinator(self, user: User | None) -> bool:
        if user is None:
            return False
        return user.id in self.config.coordinator_ids or user.role == "coordinator"
