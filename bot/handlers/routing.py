"""Route builders for the routing table: command(), button(), typed(), flow().

They hold the two checks every route needs, in one place: the coordinator check declared in
the table (run on every update, so a /revoke takes effect at once, even inside a running
conversation) and the refusal of button data that does not parse as the route's kind (stale,
forged or malformed). The handlers behind them only do their job.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from telegram import Update
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot.core.callbacks import CallbackData
from bot.core.reply import Reply, esc
from bot.handlers.context import BotContext
from bot.handlers.messages import refuse_button, send
from bot.i18n import Text

log = logging.getLogger(__name__)

D = TypeVar("D", bound=CallbackData)
Callback = Callable[[Update, BotContext], Awaitable[Any]]
ButtonCallback = Callable[[Update, BotContext, D], Awaitable[Any]]
Route = BaseHandler[Update, BotContext, Any]

PRIVATE = filters.ChatType.PRIVATE
# Only new messages act: an edited old message is not a new command, answer or step.
NEW_MESSAGE = filters.UpdateType.MESSAGE
TEXT = PRIVATE & NEW_MESSAGE & filters.TEXT & ~filters.COMMAND
NOT_TEXT = PRIVATE & NEW_MESSAGE & ~filters.TEXT & ~filters.COMMAND
END = ConversationHandler.END


class Command(CommandHandler[BotContext, Any]):
    """A command route that knows how to present itself in /help and the command menu."""

    def __init__(
        self, name: str, callback: Callback, help: Text | None, menu: bool, **kw: Any
    ) -> None:
        super().__init__(name, callback, **kw)
        self.name, self.help, self.menu = name, help, menu


@dataclass(frozen=True)
class CommandInfo:
    """One line of /help and, if `menu`, of Telegram's command menu."""

    name: str
    help: Text
    menu: bool


def command(
    name: str,
    callback: Callback,
    *,
    coordinators: bool = False,
    refusal: Text | None = None,
    help: Text | None = None,
    menu: bool = False,
) -> Command:
    """/name: `help` lists it in /help, `menu` in Telegram's command menu too."""
    guarded = _guard(callback, f"/{name}", refusal) if coordinators else callback
    return Command(name, guarded, help, menu, filters=NEW_MESSAGE)


def button(
    kind: type[D] | D,
    callback: ButtonCallback[D],
    *,
    coordinators: bool = False,
    refusal: Text | None = None,
) -> CallbackQueryHandler[BotContext, Any]:
    """A button of `kind` (or exactly the one button `kind` is); the callback gets its data."""
    cls: type[D] = kind if isinstance(kind, type) else type(kind)
    pattern = kind.pattern() if isinstance(kind, type) else kind.exact()

    async def parsed(update: Update, context: BotContext) -> Any:
        data = cls.parse(update.callback_query.data if update.callback_query else None)
        if data is None:
            await refuse_button(update, context)
            return None  # inside a conversation: stay on the step
        return await callback(update, context, data)

    guarded = _guard(parsed, f"{cls.prefix}:", refusal) if coordinators else parsed
    return CallbackQueryHandler(guarded, pattern=pattern)


def stale(prefix: str, *, coordinators: bool = False) -> CallbackQueryHandler[BotContext, Any]:
    """Buttons of a conversation pressed outside it (or forged): refused, nothing changes."""

    async def refuse(update: Update, context: BotContext) -> None:
        await refuse_button(update, context)

    guarded = _guard(refuse, f"{prefix}:", None) if coordinators else refuse
    return CallbackQueryHandler(guarded, pattern=f"^{prefix}(:|$)" if prefix else None)


def typed(
    callback: Callback, *, text: bool = True, coordinators: bool = False
) -> MessageHandler[BotContext, Any]:
    """A new message typed in a private chat (`text=False`: anything but text and commands)."""
    guarded = _guard(callback, "typed input", None) if coordinators else callback
    return MessageHandler(TEXT if text else NOT_TEXT, guarded)


def replied(callback: Callback) -> MessageHandler[BotContext, Any]:
    """A new text message that replies to another message."""
    return MessageHandler(TEXT & filters.REPLY, callback)


def unknown_command(callback: Callback) -> MessageHandler[BotContext, Any]:
    return MessageHandler(PRIVATE & NEW_MESSAGE & filters.COMMAND, callback)


def flow(
    name: str,
    *,
    entry: Sequence[Route],
    steps: dict[object, Sequence[Route]],
    cancel: Sequence[Route] = (),
    timeout_seconds: float,
    on_timeout: Callback | None = None,
    coordinators: bool = False,
    refusal: Text | None = None,
) -> ConversationHandler[BotContext]:
    """A conversation: its steps, one per state, tracked per user and chat.

    With `coordinators`, every entry, step and cancel route re-checks the role.
    """
    routes = [*entry, *(r for rs in steps.values() for r in rs), *cancel]
    if coordinators:
        for route in routes:
            route.callback = _guard(route.callback, name, refusal)
    states: dict[object, list[Route]] = {state: list(rs) for state, rs in steps.items()}
    if on_timeout is not None:
        states[ConversationHandler.TIMEOUT] = [TypeHandler(Update, on_timeout)]
    with warnings.catch_warnings():
        # per_message=False is intended: typed steps and buttons share one conversation per
        # user and chat, whatever message the buttons sit on; PTB warns about it.
        warnings.simplefilter("ignore", PTBUserWarning)
        return ConversationHandler(
            entry_points=list(entry),
            states=states,  # type: ignore[arg-type]
            fallbacks=list(cancel),
            allow_reentry=True,
            conversation_timeout=timeout_seconds,
            name=name,
        )


def _guard(callback: Callable[..., Awaitable[Any]], what: str, refusal: Text | None) -> Any:
    """Wrap a route's callback in the coordinator check."""

    async def guarded(update: Update, context: BotContext, *args: Any) -> Any:
        if await allowed(update, context, what, refusal):
            return await callback(update, context, *args)
        return END

    return guarded


async def allowed(
    update: Update, context: BotContext, what: str, refusal: Text | None = None
) -> bool:
    """The coordinator check: True for a coordinator; anyone else is refused politely and
    the attempt is logged. Routes declare it; a handler whose update only sometimes needs
    it (a reply to a question card) calls it itself."""
    if context.is_coordinator:
        return True
    log.warning("refused %s: the user is not a coordinator", what)  # no ids, no text
    t = context.t
    text = (
        t.text(refusal)
        if refusal
        else t.gettext("Sorry, only the coordination office can do that.")
    )
    if update.callback_query:
        await update.callback_query.answer(text, show_alert=True)
    else:
        await send(update, context, Reply(esc(text)))
    return False


def commands_of(routes: Sequence[Route]) -> tuple[CommandInfo, ...]:
    """The commands with help text, in table order (conversations' entry points included)."""
    found: list[CommandInfo] = []
    for route in routes:
        inner = (
            [*route.entry_points, *route.fallbacks]
            if isinstance(route, ConversationHandler)
            else [route]
        )
        for r in inner:
            if isinstance(r, Command) and r.help and r.name not in {c.name for c in found}:
                found.append(CommandInfo(r.name, r.help, r.menu))
    return tuple(found)
