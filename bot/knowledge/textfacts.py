"""The facts a text states in a form every language shares: numbers and official names.

Used to check that a translation says the same as its German text (tests/knowledge/
test_consistency.py) and to tell a minor German edit from a changed fact (stale.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.knowledge.model import Entry

# Eastern Arabic (U+0660…) and Persian (U+06F0…) digits read as ASCII digits.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# A number with thousands groups (2.500, 2,500, 62 958, 10٬486) is one number; any other run
# of digits is one number by itself, so "4.5" (point 4.5) is 4 and 5 in every language.
_NUMBER = re.compile(r"(?<!\d)\d{1,3}(?:[.,'\u066c\u202f\u00a0 ]\d{3})+(?!\d)|\d+")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
# German inflection endings a name may take in running text ("des Amtes", "Hessischen").
_ENDINGS = ("es", "en", "er", "em", "e", "s", "n")
# Letters that may not touch a name: Latin and digits. Arabic and Farsi attach "و", "ب", "ل"
# directly to the next word, also to a Latin one ("وKulturamt").
_LATIN = r"A-Za-z0-9À-ɏ"
# Kinds whose `name` is an official name; and official names the texts use that have no
# entry of their own.
NAMED_KINDS = ("office", "network", "program")
OTHER_OFFICIAL_NAMES = (
    "Bundesamt für Migration und Flüchtlinge",
    "Bundesministerium des Innern",
)
_TIME_WORDS = re.compile(r"^(?:(?:seit|bis|ab) \d{4}|heute|früher):? ")


def numbers(text: str) -> frozenset[int]:
    """The numbers a text states, normalised; {placeholders} are facts of their own."""
    plain = _PLACEHOLDER.sub(" ", text.translate(_DIGITS))
    return frozenset(int(re.sub(r"\D", "", m.group(0))) for m in _NUMBER.finditer(plain))


def name_units(name: str, kind: str) -> frozenset[str]:
    """The official names inside an entry's `name`, as a text would quote them.

    „Quoted“ parts are names; a one-word (ABBREVIATION) is a name; the rest, without
    parentheses, is split at " – " and " im " (an office inside another office); a part may
    open with a time ("seit 2024 …", "früher …"), which is no part of the name. A program's
    name is a description after its first ": " ("WIR – Vielfalt und Teilhabe: …"), and
    without a colon only its quoted parts and abbreviations are names."""
    units = set(re.findall(r"„([^“]+)“", name))
    rest = re.sub(r"„[^“]+“", " ", name)
    units |= {a for a in re.findall(r"\(([^()\s]+)\)", rest)}
    rest = re.sub(r"\([^()]*\)", " ", rest)
    if kind == "program":  # "WIR – Vielfalt und Teilhabe" is one name
        name_part = " ".join(rest.split(": ")[0].split()) if ": " in rest else ""
        return frozenset(units | ({name_part} if name_part else set()))
    for part in re.split(r" – | im ", rest):
        part = _TIME_WORDS.sub("", " ".join(part.split()))
        if part:
            units.add(part)
    return frozenset(units)


@cache
def name_pattern(unit: str) -> re.Pattern[str]:
    """A unit as a pattern: longer words may carry a German ending, the first letter either
    case ("die zentrale Koordinierungsstelle"), any white space between words."""
    parts = []
    for word in unit.split():
        core = word
        if len(word) > 4 and word[-1].isalpha():
            for end in _ENDINGS:
                if word.endswith(end) and len(word) - len(end) >= 4:
                    core = word[: -len(end)]
                    break
            parts.append(re.escape(core) + r"\w*")
        else:
            parts.append(re.escape(word))
    first = parts[0]
    if first[0].isalpha():
        parts[0] = f"[{first[0].upper()}{first[0].lower()}]{first[1:]}"
    body = r"\s+".join(parts)
    tail = rf"(?![{_LATIN}])" if unit[-1].isalnum() else ""
    return re.compile(rf"(?<![{_LATIN}]){body}{tail}")


def names_in(text: str, units: Iterable[str]) -> frozenset[str]:
    """The units a text names."""
    return frozenset(u for u in units if name_pattern(u).search(text))


def official_names(entries: Iterable[Entry]) -> frozenset[str]:
    """Every official name the knowledge base knows (see name_units)."""
    units = {u for e in entries if e.kind in NAMED_KINDS for u in name_units(e.name, e.kind)}
    return frozenset(units | set(OTHER_OFFICIAL_NAMES))
