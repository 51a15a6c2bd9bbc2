"""What the bot says, independent of Telegram: HTML text plus inline buttons."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser

MAX_MESSAGE = 4096


@dataclass(frozen=True)
class Button:
    label: str
    data: str | None = None  # callback data: a stable ASCII prefix, never translated text
    url: str | None = None


@dataclass(frozen=True)
class Reply:
    text: str  # Telegram HTML; every dynamic part escaped with esc()
    buttons: tuple[tuple[Button, ...], ...] = ()

    def chunks(self) -> list[str]:
        return split_message(self.text)


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def bold(text: str) -> str:
    return f"<b>{esc(text)}</b>"


def italic(text: str) -> str:
    return f"<i>{esc(text)}</i>"


def rows(buttons: Iterable[Button], per_row: int = 1) -> tuple[tuple[Button, ...], ...]:
    items = list(buttons)
    return tuple(tuple(items[i : i + per_row]) for i in range(0, len(items), per_row))


def split_message(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Split at paragraph, then line boundaries so no message exceeds Telegram's limit.

    Paragraphs are composed so that every HTML tag opens and closes on one line, which
    makes line boundaries safe places to cut.
    """
    if len(text) <= limit:
        return [text]
    parts: list[str] = []
    current = ""
    for piece in _pieces(text, limit):
        candidate = f"{current}\n{piece}" if current else piece
        if len(candidate) <= limit:
            current = candidate
        else:
            parts.append(current)
            current = piece
    if current:
        parts.append(current)
    return parts


def _pieces(text: str, limit: int) -> Sequence[str]:
    out: list[str] = []
    for line in text.split("\n"):
        while len(line) > limit:  # a single overlong line: cut at a space
            cut = line.rfind(" ", 0, limit)
            cut = cut if cut > 0 else limit
            out.append(line[:cut])
            line = line[cut:].lstrip()
        out.append(line)
    return out


def visible_text(text: str) -> str:
    """The text a user sees for an HTML message (tags removed, entities decoded)."""
    out: list[str] = []

    class _Strip(HTMLParser):
        def handle_data(self, data: str) -> None:
            out.append(data)

    s = _Strip(convert_charrefs=True)
    s.feed(text)
    s.close()
    return "".join(out)
