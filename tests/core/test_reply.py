"""Splitting and shortening Telegram HTML on safe boundaries (issue 14, finding 2).

A message is at most 4,096 characters after entity parsing (counted here in UTF-16 units, as
Telegram counts them): a part never ends inside an entity (`&amp;`) or a tag, every part is
HTML that Telegram's parser accepts (tags closed at the cut and opened again after it), and
nothing of the text is lost.
"""

from __future__ import annotations

import re

import pytest

from bot.core.reply import MAX_MESSAGE, esc, shorten, split_message, units, visible_text
from bot.local.bot_api import check_html


def _no_space(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _assert_parts(text: str, parts: list[str], limit: int = MAX_MESSAGE) -> None:
    assert len(parts) > 1
    for part in parts:
        assert check_html(part) is None, part[:200]
        assert 0 < units(visible_text(part)) <= limit
        assert visible_text(part).strip()
        # never the tail of an entity: "amp;" would show if a cut split "&amp;"
        assert not re.match(r"^[a-z]{2,5};|^#[0-9]+;", visible_text(part))
    assert _no_space("".join(visible_text(p) for p in parts)) == _no_space(visible_text(text))


@pytest.mark.parametrize(
    "text",
    [
        "<b>Frage 7</b>\n" + esc("&" * 4096),  # the case: a card with 4,096 × &
        esc("<>&\"'" * 1000),
        esc("a&b " * 2000),
        "<b>" + esc("Tom & Jerry " * 800) + "</b>",
        "x" * 10_000,  # no space anywhere
        "\n\n".join(f"<b>{i}</b> " + esc("Frage & Antwort " * 40) for i in range(60)),
        '<a href="https://example.org/?a=1&amp;b=2">' + "link " * 1200 + "</a>",
        "<blockquote>" + "\n".join("<i>" + esc("Zeile & mehr") + "</i>" for _ in range(900)),
    ],
    ids=["amp", "all-entities", "mixed", "bold-across", "no-space", "paragraphs", "link", "quote"],
)
def test_long_html_is_split_on_safe_boundaries(text):
    if text.startswith("<blockquote>"):
        text += "</blockquote>"
    _assert_parts(text, split_message(text))


def test_emoji_count_as_telegram_counts_them():
    text = "🙂" * 4000  # 4,000 characters, but 8,000 UTF-16 units
    parts = split_message(text)
    _assert_parts(text, parts)
    assert sum(len(p) for p in parts) == 4000


def test_an_emoji_sequence_is_not_cut():
    family = "👨\u200d👩\u200d👧"
    text = (family + " ") * 1200 + family * 900
    for part in split_message(text):
        assert not part.startswith("\u200d") and not part.endswith("\u200d")


def test_a_short_text_stays_as_it_is():
    text = "<b>Hallo</b> &amp; willkommen"
    assert split_message(text) == [text]
    # 4,096 visible characters are one message, however long the HTML behind them
    assert split_message(esc("&" * 4096)) == [esc("&" * 4096)]


def test_paragraph_boundaries_are_preferred():
    first = esc("erster Absatz & so weiter ") * 100
    second = esc("zweiter Absatz ") * 200
    parts = split_message(f"{first}\n\n{second}")
    assert visible_text(parts[0]).strip() == visible_text(first).strip()


def test_shorten_cuts_on_a_safe_boundary_and_says_so():
    text = "<b>" + esc("Müller & Söhne ") * 200 + "</b>"
    short = shorten(text, 1024)
    assert check_html(short) is None
    assert units(visible_text(short)) <= 1024
    assert visible_text(short).endswith("…")
    assert shorten("<i>kurz &amp; gut</i>", 1024) == "<i>kurz &amp; gut</i>"
