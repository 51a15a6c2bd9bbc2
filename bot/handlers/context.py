"""PTB's bot_data (holding the Services) and the per-update context, typed."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot

from bot.db import User
from bot.home.pages import CommandHelp
from bot.i18n import Translator
from bot.services import Services


class BotData:
    """PTB's bot_data, typed: holds the Services once the application is initialised."""

    def __init__(self) -> None:
        self._services: Services | None = None
        # The commands of the routing table with their help (for /help and the menu).
        self.commands: tuple[CommandHelp, ...] = ()
        # Groups and channels the bot said goodbye to (bot/handlers/session.py), in memory only.
        self.groups_left: set[int] = set()

    def install(self, services: Services | None) -> None:
        self._services = services

    @property
    def services(self) -> Services:
        if self._services is None:
            raise RuntimeError("the application is not initialised")
        return self._services


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]):
    """Context with the user and the locale, decided once per update (handlers.session)."""

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
