"""What the bot says, independent of Telegram: HTML text plus inline buttons."""

from __future__ import annotations

import html
import re
import unicodedata
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


def units(text: str) -> int:
    """Telegram's length of a text: UTF-16 code units (an emoji outside the BMP counts 2)."""
    return len(text.encode("utf-16-le")) // 2


def split_message(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Telegram HTML in parts of at most `limit` visible characters, cut on safe boundaries.

    A cut falls at a paragraph break if one is in the second half of the part, else at a line
    break, else at a space, else between two characters; never inside a tag or an entity
    (`&amp;`), nor inside an emoji sequence. Tags open at a cut are closed at the end of the
    part and opened again (with their attributes) at the start of the next.
    """
    if units(text) <= limit:  # tags and entities only add: the visible text is shorter
        return [text]
    atoms = _atoms(text)
    if sum(a.units for a in atoms) <= limit:
        return [text]
    parts: list[str] = []
    stack: list[_Atom] = []
    start = 0
    while start < len(atoms):
        end = _cut(atoms, start, limit)
        body = atoms[start:end]
        opened = list(stack)
        for atom in body:
            _track(stack, atom)
        while body and body[-1].kind == "char" and body[-1].raw.isspace():
            body.pop()
        part = "".join(a.raw for a in (*opened, *body))
        part += "".join(_closing(a) for a in reversed(stack))
        if visible_text(part).strip():
            parts.append(part)
        start = end
        while start < len(atoms) and atoms[start].kind == "char" and atoms[start].raw.isspace():
            start += 1
    return parts


def shorten(text: str, limit: int) -> str:
    """The text, or its beginning cut on a safe boundary with "…" if it is longer."""
    parts = split_message(text, limit - 1)
    return text if len(parts) == 1 else parts[0] + "…"


@dataclass(frozen=True)
class _Atom:
    raw: str
    kind: str  # "open", "close", "char" or "entity"
    units: int = 0
    tag: str = ""


_TOKEN = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*>|&#?[A-Za-z0-9]+;|[^<&]|[<&]")
# Characters that belong to the one before them: a cut there would tear a letter or emoji.
_JOINERS = {"\u200d", "\ufe0e", "\ufe0f"}


def _atoms(text: str) -> list[_Atom]:
    atoms: list[_Atom] = []
    for match in _TOKEN.finditer(text):
        raw = match.group(0)
        if match.group(2):
            kind = "close" if match.group(1) else "open"
            atoms.append(_Atom(raw, kind, 0, match.group(2).lower()))
        elif len(raw) > 1:
            atoms.append(_Atom(raw, "entity", units(html.unescape(raw))))
        else:
            atoms.append(_Atom(raw, "char", units(raw)))
    return atoms


def _track(stack: list[_Atom], atom: _Atom) -> None:
    if atom.kind == "open":
        stack.append(atom)
    elif atom.kind == "close":
        for i in range(len(stack) - 1, -1, -1):
            if stack[i].tag == atom.tag:
                del stack[i]
                break


def _closing(atom: _Atom) -> str:
    return f"</{atom.tag}>"


def _breakable(atoms: Sequence[_Atom], i: int) -> bool:
    """May a part end before atoms[i]?"""
    before, after = atoms[i - 1], atoms[i]
    if after.kind == "char" and (after.raw in _JOINERS or unicodedata.combining(after.raw)):
        return False
    if after.kind == "char" and 0x1F3FB <= ord(after.raw) <= 0x1F3FF:  # skin tone
        return False
    return not (before.kind == "char" and before.raw in _JOINERS)


def _cut(atoms: Sequence[_Atom], start: int, limit: int) -> int:
    """The end of the part that begins at `start`: the best boundary within `limit`."""
    total, hard = 0, start
    while hard < len(atoms):
        total += atoms[hard].units
        if total > limit:
            break
        hard += 1
    else:
        return len(atoms)
    half = start + (hard - start) // 2
    for fits in (_after_paragraph, _after_line, _after_space, _breakable):
        for i in range(hard, max(half, start + 1) - 1, -1):
            if i < len(atoms) and fits(atoms, i):
                return _settle(atoms, start, i)
    return _settle(atoms, start, max(hard, start + 1))


def _settle(atoms: Sequence[_Atom], start: int, i: int) -> int:
    """Move a cut before the tags that open right at it and after those that close there."""
    while i - 1 > start and atoms[i - 1].kind == "open":
        i -= 1
    while i < len(atoms) and atoms[i].kind == "close":
        i += 1
    return i


def _after_paragraph(atoms: Sequence[_Atom], i: int) -> bool:
    return i >= 2 and atoms[i - 1].raw == "\n" and atoms[i - 2].raw == "\n"


def _after_line(atoms: Sequence[_Atom], i: int) -> bool:
    return atoms[i - 1].raw == "\n"


def _after_space(atoms: Sequence[_Atom], i: int) -> bool:
    return atoms[i - 1].raw == " "


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
