"""build_application(config): the only module that wires the bot together."""

from __future__ import annotations

import asyncio
import logging
import signal
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from telegram import BotCommand, MenuButtonCommands
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationBuilder, Defaults
from telegram.request import BaseRequest, HTTPXRequest

from bot import handlers
from bot.ask.intents import IntentDetector
from bot.config import Config, WebhookConfig
from bot.core.clock import Clock, SystemClock
from bot.core.pacing import Pacer
from bot.core.pseudonyms import (
    SETTING_KEY,
    PseudonymKeyError,
    Pseudonyms,
    settle_secret,
)
from bot.db import Database, DatabaseError
from bot.db.faults import explain
from bot.events.desk import EventDesk
from bot.events.loader import load_events
from bot.handlers import broadcast, cooperations, events, figures, privacy, trainings, upkeep
from bot.handlers.context import CONTEXT_TYPES, BotData
from bot.handlers.limiter import Limiter
from bot.handlers.outbound import Outbound
from bot.handlers.request import RetryingRequest
from bot.handlers.session import ALLOWED_UPDATES
from bot.handlers.textlimits import LimitedBot
from bot.handlers.updates import Budget, Sequencer
from bot.handlers.webhook import serve
from bot.home.pages import CommandHelp
from bot.i18n import Catalogs, Translator
from bot.knowledge import Knowledge, load_knowledge
from bot.knowledge.intents import load_intents
from bot.matching.matcher import Matcher
from bot.services import Services
from bot.upkeep.live import LiveKnowledge

log = logging.getLogger(__name__)

# PTB needs a syntactically valid token even when no request leaves the process.
LOCAL_TOKEN = "1:local-console-token-never-sent-to-telegram"

App = Application[Any, Any, Any, Any, Any, Any]


def build_application(
    config: Config,
    *,
    request: BaseRequest | None = None,
    knowledge: Knowledge | None = None,
    clock: Clock | None = None,
) -> App:
    """The bot. With `request` (the console, the tests) no call leaves the process."""
    knowledge = knowledge or load_knowledge(config.knowledge_dir)
    # A broken knowledge/events file stops start-up naming file and field (KnowledgeError).
    event_desk = EventDesk(
        load_events(config.knowledge_dir, knowledge), clock or SystemClock(), config.timezone
    )
    catalogs = Catalogs(config.timezone)
    live = LiveKnowledge(knowledge, Matcher.from_knowledge(knowledge))
    # A broken knowledge/intents.toml stops start-up like the knowledge base (KnowledgeError).
    intents = IntentDetector(
        load_intents(config.knowledge_dir), lambda text: live.matcher.answers(text)
    )

    async def post_init(app: App) -> None:
        db = await Database.open(config.database_path)
        try:
            await _start(app, db)
        except BaseException as exc:
            await db.close()  # an open connection's thread would keep the process alive
            app.bot_data.install(None)
            if isinstance(exc, sqlite3.Error):  # damage that the start-up check missed
                raise DatabaseError(
                    f"cannot use the database {config.database_path} (DATABASE_PATH): "
                    f"{explain(exc)}"
                ) from exc
            raise

    async def _start(app: App, db: Database) -> None:
        secret = await _pseudonym_secret(config, db)
        bot_data: BotData = app.bot_data
        sender = Outbound(app.bot, db.users)  # the one sender of unsolicited messages
        services = Services(
            config,
            db,
            catalogs,
            live,
            Pseudonyms(secret),
            sender,
            event_desk,
            intents=intents,
            pacer=pacer,
        )
        bot_data.install(services)
        await upkeep.restore(app)  # the coordinators' quick fixes, on top of knowledge/
        privacy.schedule(app)  # question texts erased after QUESTION_RETENTION_DAYS
        figures.schedule(app)  # follow-ups are due by the database: a restart loses none
        await events.rebuild(app)  # jobs from the database: reminders survive restarts
        events.schedule(app)
        broadcast.schedule(app)  # broadcasts resume from the outbox after a restart
        upkeep.schedule(app)  # the weekly review message, at most once a week by the database
        trainings.schedule(app)  # moving up and reminders, due by the database
        cooperations.schedule(app)  # "did a cooperation come of it?", due by the database
        await _announce_commands(app, catalogs, bot_data.commands)

    async def post_shutdown(app: App) -> None:
        bot_data: BotData = app.bot_data
        try:
            services = bot_data.services
        except RuntimeError:
            return
        await services.db.close()
        bot_data.install(None)

    # One pacer for everything the bot sends: replies keep their share while a broadcast runs.
    pacer = Pacer(config.broadcast_rate, share=config.interactive_share / 100)
    # Different users in parallel, each user's updates in order and within a budget.
    sequencer = Sequencer(Budget(config.user_messages_per_minute), exempt=config.coordinator_ids)
    app = (
        ApplicationBuilder()
        .bot(_bot(config, request, pacer))
        .concurrent_updates(sequencer)
        .context_types(CONTEXT_TYPES)
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build()
    )
    handlers.register(app)
    return app


async def _pseudonym_secret(config: Config, db: Database) -> str:
    """The pseudonym key, kept outside the database (bot/core/pseudonyms.py); a key an older
    version kept inside is moved out and erased there."""
    legacy = await db.users.get_setting(SETTING_KEY)
    try:
        secret = settle_secret(config.pseudonym_secret, _key_file(config), legacy)
    except PseudonymKeyError as exc:
        raise DatabaseError(str(exc)) from exc
    if legacy is not None:
        await db.users.forget_setting(SETTING_KEY)
    return secret


def _key_file(config: Config) -> Path | None:
    """Where the pseudonym key is kept (none for an in-memory database: nothing to protect)."""
    return None if str(config.database_path) == ":memory:" else config.pseudonym_key_file


def _bot(config: Config, request: BaseRequest | None, pacer: Pacer) -> LimitedBot:
    """The bot object: every text it sends fits Telegram's limits (handlers/textlimits.py)."""
    defaults = Defaults(parse_mode=ParseMode.HTML, tzinfo=config.timezone)
    token = config.telegram_token or LOCAL_TOKEN
    if request is not None:
        return LimitedBot(
            token,
            config.telegram_base_url,
            request=request,
            get_updates_request=request,
            defaults=defaults,
        )
    return LimitedBot(
        token,
        config.telegram_base_url,
        defaults=defaults,
        # Repeats what certainly did not arrive (5xx, no connection); getUpdates keeps PTB's
        # own request, its polling loop retries by itself.
        request=RetryingRequest(connection_pool_size=256),
        get_updates_request=HTTPXRequest(connection_pool_size=1),
        # Every send takes a slot of the one pacer: replies first, broadcasts within the rest.
        rate_limiter=Limiter(pacer),
    )


def _menu(commands: Sequence[CommandHelp], t: Translator) -> list[BotCommand]:
    """Telegram's command menu, from the routing table's commands marked `menu`."""
    return [BotCommand(c.name, t.text(c.help)) for c in commands if getattr(c, "menu", False)]


async def _announce_commands(
    app: App, catalogs: Catalogs, commands: Sequence[CommandHelp]
) -> None:
    """Command menu per language and the menu button. Optional: a refusal is only logged."""
    calls: list[tuple[str, Any]] = []
    for lang in catalogs.languages:
        cmds = _menu(commands, catalogs.get(lang))
        calls.append((f"setMyCommands({lang})", app.bot.set_my_commands(cmds, language_code=lang)))
    default = _menu(commands, catalogs.get("en"))
    calls.append(("setMyCommands(default)", app.bot.set_my_commands(default)))
    calls.append(
        ("setChatMenuButton", app.bot.set_chat_menu_button(menu_button=MenuButtonCommands()))
    )
    for name, call in calls:
        try:
            await call
        except TelegramError as exc:
            log.warning("optional Bot API call %s was refused (%s); going on", name, exc)


def run_webhook(config: Config, webhook: WebhookConfig) -> None:
    """Run on Telegram by webhook (bot/handlers/webhook.py: the secret and the body limit are
    checked before a body is read)."""
    app = build_application(config)
    with _default_signals_after():
        asyncio.run(serve(app, webhook))


def run_polling(config: Config) -> None:
    """Run on Telegram with long polling until interrupted."""
    app = build_application(config)
    log.info("MO-Lotse starts polling %s", config.telegram_base_url)
    with _default_signals_after():
        app.run_polling(
            drop_pending_updates=False, close_loop=False, allowed_updates=ALLOWED_UPDATES
        )


@contextmanager
def _default_signals_after() -> Iterator[None]:
    """PTB routes SIGTERM and SIGINT to its event loop while it runs and leaves them there:
    whatever happens after (a failed start, a slow exit), they must end the process again."""
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
