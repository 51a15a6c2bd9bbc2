"""A first message that fits: prose cut into sentences, blocks filled within a budget (pure).

A page's first message is read on a phone, often in a second language: at most FIRST_MESSAGE
visible characters. Each block (the fact asked for, what it is, the next step, where to go)
shows at least its first sentence; then blocks take further sentences in their order of
priority while they fit. What does not fit is "the rest", shown behind the "More" button.
Only when even the first sentences do not fit are blocks left out or a sentence cut at a
word (with "…"): never in the middle of a word, a tag or an entity.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Final

from bot.core.reply import bold, esc, italic, visible_text
from bot.i18n.bidi import FSI, PDI

FIRST_MESSAGE: Final = 700
ELLIPSIS: Final = "…"

# Words after which a full stop does not end a sentence (folded to lower case, without the
# dot): abbreviations in the nine languages as the knowledge base writes them.
_ABBREVIATIONS: Final = frozenset(
    re.split(
        r"\s+",
        """z b d h u a bzw ca nr usw ggf inkl vgl abs s mio tsd fn dr st evtl max min std gem
        bspw sog e v i r t e.g i.e etc approx no vs p es ecc sig np itp m.in ok tzw jw vb örn
        т е д г ул см тыс млн руб пр др напр ін тис грн""",
    )
)
_BOUNDARY: Final = re.compile(r"(?<=[.!?؟…])[\"”“»)]*\s+")


def sentences(text: str) -> list[str]:
    """The sentences of a prose text, in order; abbreviations and ordinals do not end one."""
    out: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        head = text[start : match.start()]
        if head.endswith(".") and _not_an_end(head, text[match.end() :]):
            continue
        piece = text[start : match.end()].strip()
        if piece:
            out.append(piece)
        start = match.end()
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return out


def _not_an_end(head: str, after: str) -> bool:
    word = re.split(r"[\s(„“\"«]", head[:-1])[-1].casefold()
    if word in _ABBREVIATIONS or word.isdigit() or "." in word or len(word) == 1:
        return True  # "z. B.", "31. Dezember", "e.V.", "u. a."
    return bool(after) and after[0].islower()  # a new sentence starts with a capital


@dataclass(frozen=True)
class Block:
    """A part of the first message: an optional bold label and prose units (sentences)."""

    units: tuple[str, ...]  # plain text, filled and direction-isolated; escaped on render
    label: str | None = None
    required: bool = True  # False: left out first when even the minimum does not fit
    style: str = "plain"  # plain | bold | italic
    joiner: str = " "
    shown: int = 1  # how many units the first message shows
    cut: str | None = None  # the first unit cut short, when even it did not fit

    @property
    def complete(self) -> bool:
        return self.shown >= len(self.units) and self.cut is None

    def render(self, units: Sequence[str] | None = None) -> str:
        if units is None:
            units = self.units[: self.shown]
            if self.cut is not None and units:
                units = (self.cut, *units[1:])
        body = self.joiner.join(units)
        if self.style == "bold":
            return bold(body)
        if self.style == "italic":
            return italic(body)
        return f"{bold(self.label)} {esc(body)}" if self.label else esc(body)

    def rest(self) -> tuple[str, ...]:
        """What the first message left out (all of it, if a sentence was cut short)."""
        return self.units if self.cut is not None else self.units[self.shown :]


@dataclass(frozen=True)
class Layout:
    """The blocks as the first message shows them (each with `shown` set)."""

    head: tuple[Block, ...]  # one line each, no blank line between (title, name, note)
    body: tuple[Block, ...]  # paragraphs

    def html(self) -> str:
        lines = [b.render() for b in self.head if b.shown]
        paragraphs = [b.render() for b in self.body if b.shown]
        return "\n\n".join(["\n".join(lines), *paragraphs])

    def size(self) -> int:
        return len(visible_text(self.html()))


def fit(head: Sequence[Block], body: Sequence[Block], budget: int = FIRST_MESSAGE) -> Layout:
    """The first message within `budget` visible characters, as full as it can be.

    `body` is given in the order shown; blocks earlier in it take further sentences first.
    """
    layout = Layout(
        tuple(replace(b, shown=min(1, len(b.units))) for b in head),
        tuple(replace(b, shown=min(1, len(b.units))) for b in body),
    )
    layout = _shrink(layout, budget)
    for i in range(len(layout.body)):
        block = layout.body[i]
        while block.shown and block.cut is None and block.shown < len(block.units):
            wider = _with(layout, i, shown=block.shown + 1)
            if wider.size() > budget:
                break
            layout, block = wider, wider.body[i]
    return layout


def _with(layout: Layout, i: int, **changes: object) -> Layout:
    body = list(layout.body)
    body[i] = replace(body[i], **changes)  # type: ignore[arg-type]
    return Layout(layout.head, tuple(body))


def _shrink(layout: Layout, budget: int) -> Layout:
    """Leave out optional blocks (the last first), then cut the longest sentence shown."""
    for i in reversed(range(len(layout.body))):
        if layout.size() <= budget:
            return layout
        if not layout.body[i].required:
            layout = _with(layout, i, shown=0)
    head = list(layout.head)
    for i in reversed(range(len(head))):
        if layout.size() > budget and not head[i].required:
            head[i] = replace(head[i], shown=0)
            layout = Layout(tuple(head), layout.body)
    while (excess := layout.size() - budget) > 0:
        shown = [(len(b.cut or b.units[0]), i) for i, b in enumerate(layout.body) if b.shown]
        if not shown:
            break
        shown.sort(reverse=True)
        _, i = shown[0]
        first = layout.body[i].cut or layout.body[i].units[0]
        # the longest sentence gives way first, down to the next longest: cuts share out
        floor = shown[1][0] if len(shown) > 1 else 0
        cut = _cut(first, max(len(first) - excess, floor) - len(ELLIPSIS))
        if cut == first:
            break
        layout = _with(layout, i, cut=cut, shown=1)
    return layout


def _cut(text: str, length: int) -> str:
    """The text cut at the last space before `length`, with an ellipsis."""
    if length <= 0:
        return ELLIPSIS
    space = text.rfind(" ", 0, length)
    head = text[: space if space > 0 else length].rstrip(" ,;:–-")
    if head.count(FSI) > head.count(PDI):  # never leave a direction isolate open
        head += PDI
    return head + ELLIPSIS
