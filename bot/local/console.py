"""The local console chat: the same Application and database, the terminal as the user."""

from __future__ import annotations

import asyncio
import os
import textwrap
from dataclasses import replace
from typing import Any, TextIO

from bot.app import build_application
from bot.config import Config
from bot.handlers.context import BotData
from bot.i18n import negotiate
from bot.i18n.languages import LANGUAGES
from bot.local.bot_api import ApiCall, LocalBotApi, visible_text
from bot.local.chat import LocalChat, LocalUser
from bot.local.runtime import running

MEMBER_ID = 100001
COORDINATOR_ID = 100002
BANNER = """\
MO-Lotse console chat: you are a Telegram user, the bot runs locally (no Telegram).
Type a message and press Enter. A number presses a button of the latest message.
/lang xx sets your Telegram language ({langs}); /as coordinator or /as member
switches your role; /quit ends (so does Ctrl-D)."""


class ConsolePrinter:
    """Prints the bot's messages, buttons numbered; remembers them for number input."""

    def __init__(self, out: TextIO, chat_ids: set[int]) -> None:
        self.out, self.chat_ids = out, chat_ids
        self.buttons: list[dict[str, Any]] = []
        self.message: dict[str, Any] | None = None

    def show(self, call: ApiCall) -> None:
        if call.method == "answerCallbackQuery" and call.params.get("text"):
            self._print(f"  (notice) {call.params['text']}")
            return
        if call.method not in {"sendMessage", "editMessageText", "sendDocument", "sendPhoto"}:
            return
        if call.chat_id not in self.chat_ids:
            return
        head = "bot (edited) ›" if call.method == "editMessageText" else "bot ›"
        text = visible_text(call.text) if call.params.get("parse_mode") == "HTML" else call.text
        if call.method in {"sendDocument", "sendPhoto"}:
            text = f"[{call.method.removeprefix('send').lower()}] {text}"
        body = textwrap.indent(text, "    ").lstrip()
        self._print(f"{head} {body}")
        if call.buttons:
            self.buttons = call.buttons
            self.message = call.result if isinstance(call.result, dict) else None
            labels = [f"[{i}] {b['text']}" for i, b in enumerate(call.buttons, 1)]
            self._print("    " + "\n    ".join(labels))

    def _print(self, text: str) -> None:
        print(text, file=self.out, flush=True)


def _terminal_language() -> str | None:
    return negotiate((os.environ.get("LANG") or "").split(".")[0] or None)


async def run_console(config: Config, stdin: TextIO, stdout: TextIO) -> None:
    """Chat until end of input or /quit."""
    config = replace(config, coordinator_ids=config.coordinator_ids | {COORDINATOR_ID})
    api = LocalBotApi()
    app = build_application(config, request=api)
    printer = ConsolePrinter(stdout, {MEMBER_ID, COORDINATOR_ID})
    api.listeners.append(printer.show)
    language = _terminal_language()
    users = {
        "member": LocalUser(MEMBER_ID, "Console", language),
        "coordinator": LocalUser(COORDINATOR_ID, "Coordinator", language),
    }
    interactive = stdin.isatty()
    async with running(app):
        chat = LocalChat(app, api, users["member"])
        print(BANNER.format(langs=" ".join(LANGUAGES)), file=stdout, flush=True)
        while True:
            if interactive:
                print("you › ", end="", file=stdout, flush=True)
            line = await asyncio.to_thread(stdin.readline)
            if not line:
                break
            line = line.strip()
            if not interactive:
                print(f"you › {line}", file=stdout, flush=True)
            if line in {"/quit", "/exit"}:
                break
            await _handle(line, chat, users, printer, app.bot_data, stdout)
    print("bye", file=stdout, flush=True)


async def _handle(
    line: str,
    chat: LocalChat,
    users: dict[str, LocalUser],
    printer: ConsolePrinter,
    bot_data: BotData,
    out: TextIO,
) -> None:
    if line.startswith("/lang"):
        code = line.removeprefix("/lang").strip()
        if code not in LANGUAGES:
            print(f"  (console) usage: /lang xx with xx one of {' '.join(LANGUAGES)}", file=out)
            return
        for user in users.values():
            user.language_code = code
            # Like a fresh Telegram account in that language: forget an earlier /language choice.
            await bot_data.services.db.users.set_locale(user.id, None)
        print(f"  (console) your Telegram language is now {code}", file=out)
        return
    if line.startswith("/as "):
        role = line.removeprefix("/as ").strip()
        if role not in users:
            print("  (console) usage: /as coordinator or /as member", file=out)
            return
        chat.user = users[role]
        print(f"  (console) you are now the {role} (user id {chat.user.id})", file=out)
        return
    if line.isdigit() and printer.buttons:
        index = int(line)
        if 1 <= index <= len(printer.buttons):
            button = printer.buttons[index - 1]
            if button.get("url"):
                print(f"  (console) the button opens {button['url']}", file=out)
            else:
                await chat.press(button["callback_data"], printer.message)
            return
    if line:
        await chat.send(line)
