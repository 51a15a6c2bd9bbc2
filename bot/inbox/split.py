"""Cutting a member's plain text into pieces that fit a Telegram message, on safe boundaries.

The text is cut before it is escaped, so no cut can fall inside an HTML entity ("&amp;") or
a tag. Lengths are counted by a weight per character: UTF-16 code units, as Telegram counts
the visible text (an emoji outside the Basic Multilingual Plane is two), or `html_weight`,
which also keeps the escaped HTML within the limit ("&" is five characters there, so a
message splitter that measures the HTML never has to cut a piece again).

A cut prefers, within the last fifth of a piece: a paragraph break, a line break, the end of
a sentence, a space; failing those (4,096 × "&"), it falls between two characters that do
not belong together: never inside a surrogate pair, before a combining mark, around a
zero-width joiner, before a variation selector or skin tone, inside a flag's pair of
regional indicators or between CR and LF.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

_JOINERS = {"\u200d", "\u200c", "\u034f"}  # ZWJ, ZWNJ (Farsi), combining grapheme joiner


Weight = Callable[[str], int]


def utf16_units(ch: str) -> int:
    return 2 if ord(ch) > 0xFFFF else 1


def html_weight(ch: str) -> int:
    """A character's length in the escaped HTML or in UTF-16, whichever is more."""
    return 5 if ch == "&" else 4 if ch in "<>" else utf16_units(ch)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def weight_of(text: str, weight: Weight) -> int:
    return sum(map(weight, text))


def _regional(ch: str) -> bool:
    return "\U0001f1e6" <= ch <= "\U0001f1ff"


def _extends(ch: str) -> bool:
    """Whether `ch` belongs to the character before it (a cut before it breaks a symbol)."""
    code = ord(ch)
    return (
        unicodedata.combining(ch) != 0
        or unicodedata.category(ch) in ("Mn", "Me", "Mc")
        or ch in _JOINERS
        or 0xFE00 <= code <= 0xFE0F  # variation selectors (emoji presentation)
        or 0xE0100 <= code <= 0xE01EF
        or 0x1F3FB <= code <= 0x1F3FF  # skin tones
        or 0xE0020 <= code <= 0xE007F  # tag characters (subdivision flags)
    )


def safe_cut(text: str, i: int) -> bool:
    """Whether text may be cut between text[i-1] and text[i]."""
    if i <= 0 or i >= len(text):
        return True
    before, after = text[i - 1], text[i]
    if before == "\r" and after == "\n":
        return False
    if _extends(after) or before in _JOINERS:
        return False
    if _regional(before) and _regional(after):
        # inside a flag if an odd number of regional indicators precede the cut
        run, j = 0, i - 1
        while j >= 0 and _regional(text[j]):
            run, j = run + 1, j - 1
        return run % 2 == 0
    return True


def _prefix_fitting(text: str, budget: int, weight: Weight) -> int:
    """The longest prefix (in characters) whose weight is at most budget."""
    units = 0
    for i, ch in enumerate(text):
        units += weight(ch)
        if units > budget:
            return i
    return len(text)


def _best_cut(text: str, end: int) -> int:
    """Where to cut text[:end]: a boundary from the preferred kinds, within its last fifth."""
    floor = end - max(1, end // 5)
    for marks in ("\n\n", "\n", ". ", "? ", "! ", "。", "؟ ", " "):
        at = text.rfind(marks, floor, end)
        if at > 0:
            cut = at + len(marks)
            if cut <= end and safe_cut(text, cut):
                return cut
    cut = end
    while cut > 1 and not safe_cut(text, cut):
        cut -= 1
    return cut if cut > 0 else end


def split_plain(text: str, budget: int, weight: Weight = utf16_units) -> list[str]:
    """Pieces of `text`, each weighing at most `budget`; joined they give `text` back."""
    if budget < 64:
        raise ValueError("budget too small to cut safely")
    pieces: list[str] = []
    rest = text
    while weight_of(rest, weight) > budget:
        cut = _best_cut(rest, _prefix_fitting(rest, budget, weight))
        pieces.append(rest[:cut])
        rest = rest[cut:]
    if rest or not pieces:
        pieces.append(rest)
    return pieces
