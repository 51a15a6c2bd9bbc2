"""Typed shared objects (BotData) and the per-update context with locale and translator."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot

from bot.config import Config
from bot.db import Database, User
from bot.events.desk import EventDesk
from bot.i18n import Catalogs, Translator
from bot.knowledge import Knowledge
from bot.matching import Matcher
from bot.pseudonyms import user_key


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


class BotData:
    """PTB's bot_data, typed: holds the Services once the application is initialised."""

    def __init__(self) -> None:
        self._services: Services | None = None

    def install(self, services: Services | None) -> None:
        self._services = services

    @property
    def services(self) -> Services:
        if self._services is None:
            raise RuntimeError("the application is not initialised")
        return self._services


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]):
    """Context with the locale decided once per update (see handlers.prepare)."""

    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        chat_id: int | None = None,
        user_id: int | None = None,
    ) -> None:
        super().__init__(application, chat_id, user_id)
        self.user: User | None = None
        self._locale: str | None = None

    @property
    def services(self) -> Services:
        return self.bot_data.services

    @property
    def locale(self) -> str:
        return self._locale or self.services.config.default_language

    @locale.setter
    def locale(self, value: str) -> None:
        self._locale = value

    @property
    def t(self) -> Translator:
        return self.services.catalogs.get(self.locale)

    @property
    def is_coordinator(self) -> bool:
        return self.services.is_coordinator(self.user)


CONTEXT_TYPES = ContextTypes(context=BotContext, bot_data=BotData)
