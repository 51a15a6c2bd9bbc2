"""The store: every SQL statement of the bot lives in this package.

`Database` is one aiosqlite connection (see core.py: WAL, busy timeout, numbered migrations
applied in one transaction each) with intent-named methods, one mixin module per capability.
A capability adds its queries as a module here and its mixin to the bases below.
"""

from bot.db.core import DatabaseCore, DatabaseError, Migration, load_migrations, utcnow
from bot.db.directory import DirectoryQueries
from bot.db.events import EventQueries
from bot.db.followups import FollowupQueries
from bot.db.inbox import InboxQueries
from bot.db.outbox import OutboxQueries
from bot.db.privacy import PrivacyQueries
from bot.db.questions import QuestionQueries, ScoredId
from bot.db.roles import RoleQueries
from bot.db.users import User, UserQueries


class Database(
    UserQueries,
    QuestionQueries,
    EventQueries,
    RoleQueries,
    OutboxQueries,
    InboxQueries,
    DirectoryQueries,
    FollowupQueries,
    PrivacyQueries,
):
    """The bot's store. Open with `await Database.open(path)`; one per process."""


__all__ = [
    "Database",
    "DatabaseCore",
    "DatabaseError",
    "Migration",
    "ScoredId",
    "User",
    "load_migrations",
    "utcnow",
]
