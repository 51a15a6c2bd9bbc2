"""The store: every SQL statement of the bot lives in this package.

`Database` is one aiosqlite connection (core.py: WAL, busy timeout, numbered migrations
applied in one transaction each) and one query object per capability, composed here:
`db.users.touch_user(…)`, `db.outbox.due_rows(…)`. A capability adds its queries as a
module with a `Queries` subclass and one attribute below.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractAsyncContextManager
from pathlib import Path

from bot.db.cooperations import CooperationQueries
from bot.db.core import DatabaseError, Migration, Queries, Store, load_migrations, utcnow
from bot.db.directory import DirectoryQueries
from bot.db.events import EventQueries
from bot.db.figures import FigureQueries
from bot.db.followups import FollowupQueries
from bot.db.inbox import InboxQueries
from bot.db.outbox import OutboxQueries
from bot.db.privacy import PrivacyQueries
from bot.db.questions import QuestionQueries, ScoredId
from bot.db.roles import RoleQueries
from bot.db.survey import SurveyQueries
from bot.db.trainings import TrainingQueries
from bot.db.upkeep import UpkeepQueries
from bot.db.users import Reachable, User, UserQueries


class Database:
    """The bot's store. Open with `await Database.open(path)`; one per process."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.users = UserQueries(store)
        self.questions = QuestionQueries(store)
        self.events = EventQueries(store)
        self.roles = RoleQueries(store)
        self.outbox = OutboxQueries(store)
        self.inbox = InboxQueries(store)
        self.directory = DirectoryQueries(store)
        self.survey = SurveyQueries(store)
        self.followups = FollowupQueries(store)
        self.figures = FigureQueries(store)
        self.privacy = PrivacyQueries(store)
        self.upkeep = UpkeepQueries(store)
        self.trainings = TrainingQueries(store)
        self.cooperations = CooperationQueries(store)

    @classmethod
    async def open(
        cls, path: Path | str, migrations: Sequence[Migration] | None = None
    ) -> Database:
        """Open, prove that writes reach the disk, migrate; DatabaseError names path and cause."""
        return cls(await Store.open(path, migrations))

    async def close(self) -> None:
        await self.store.close()

    async def schema_version(self) -> int:
        return await self.store.schema_version()

    async def migrate(self, migrations: Sequence[Migration]) -> None:
        await self.store.migrate(migrations)

    def transaction(self) -> AbstractAsyncContextManager[None]:
        return self.store.transaction()

    async def fetch_all(self, sql: str, params: Sequence[object] = ()) -> list[dict[str, object]]:
        """Read-only helper for reports and tests."""
        return await self.store.fetch_all(sql, params)


__all__ = [
    "Database",
    "DatabaseError",
    "Migration",
    "Queries",
    "Reachable",
    "ScoredId",
    "Store",
    "User",
    "load_migrations",
    "utcnow",
]
