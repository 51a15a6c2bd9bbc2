"""Stale translations: which translations were made from an older German text, and whether
the German change since was minor (a typo fix that needs no new translation).

Each [text.xx] records `de_digest`, the digest of the German text it was translated from
(digest.py); `python -m bot check --stamp` writes it, and a snapshot of that German text under
`knowledge/stamps/<id>.toml`, so a later change can be compared with it.

A change is minor when, field by field, the German text keeps its numbers, {placeholders}
and official names and its number of words and punctuation marks (white space alone is no
change), and at most MAX_CHANGED_WORDS of them changed in all, each by at most
MAX_WORD_EDITS characters (Levenshtein), none of them a word that turns meaning
(MEANING_WORDS: "kein" → "ein" is one character and a new fact). Without the snapshot of
the old text a change is never minor.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from bot.knowledge.digest import DIGEST_FIELDS, DIGEST_RE, german_digest
from bot.knowledge.files import load_toml, rel
from bot.knowledge.model import Entry, Knowledge, Problem, placeholders
from bot.knowledge.textfacts import names_in, numbers, official_names

STAMPS_DIR = "stamps"
MAX_CHANGED_WORDS = 3
MAX_WORD_EDITS = 2
MEANING_WORDS = frozenset(
    word
    for line in (
        "nicht nichts kein keine keinen keinem keiner keines nie niemals ohne nur",
        "auch noch schon mehr weniger mindestens höchstens bis ab vor nach seit",
        "muss müssen kann können darf dürfen soll sollen und oder",
    )
    for word in line.split()
)

_TOKEN = re.compile(r"\w+|[^\w\s]")  # words and punctuation marks; white space is no change
Stamps = Mapping[str, Mapping[str, Mapping[str, str]]]  # entry id → digest → field → text


@dataclass(frozen=True)
class StaleTranslation:
    file: str
    entry_id: str
    lang: str
    minor: bool
    made_from: str | None  # the digest it records; None: never stamped

    def __str__(self) -> str:
        what = (
            "minor edit of the German text (no new translation needed: re-stamp it)"
            if self.minor
            else "the German text changed since it was translated"
            if self.made_from
            else "no de_digest: not stamped yet"
        )
        return f"{self.file}: text.{self.lang}: stale translation, {what}"


def german_fields(entry: Entry) -> dict[str, str | None]:
    german = entry.texts["de"]
    return {name: getattr(german, name) for name in DIGEST_FIELDS}


def is_minor_edit(
    old: Mapping[str, str | None], new: Mapping[str, str | None], names: Iterable[str]
) -> bool:
    """Whether the German text changed from `old` to `new` only by a typo-sized edit."""
    names = frozenset(names)
    changed = 0
    for name in DIGEST_FIELDS:
        before, after = (old.get(name) or "").strip(), (new.get(name) or "").strip()
        if before == after:
            continue
        if not before or not after or not _same_facts(before, after, names):
            return False
        words_before, words_after = _TOKEN.findall(before), _TOKEN.findall(after)
        if len(words_before) != len(words_after):
            return False
        for a, b in zip(words_before, words_after, strict=True):
            if a == b:
                continue
            changed += 1
            if changed > MAX_CHANGED_WORDS or Levenshtein.distance(a, b) > MAX_WORD_EDITS:
                return False
            if _bare(a) in MEANING_WORDS or _bare(b) in MEANING_WORDS:
                return False
    return True


def _same_facts(before: str, after: str, names: frozenset[str]) -> bool:
    try:
        same_placeholders = placeholders(before) == placeholders(after)
    except ValueError:
        return False
    return (
        same_placeholders
        and numbers(before) == numbers(after)
        and names_in(before, names) == names_in(after, names)
    )


def _bare(word: str) -> str:
    return re.sub(r"\W", "", word).casefold()


def mark_stale(entries: Mapping[str, Entry], stamps: Stamps) -> dict[str, Entry]:
    """The entries with stale_languages and minor_stale_languages filled in."""
    names = official_names(entries.values())
    marked = {}
    for entry_id, entry in entries.items():
        german = german_fields(entry)
        digest = german_digest(german)
        stale = {
            lang for lang, text in entry.texts.items() if lang != "de" and text.de_digest != digest
        }
        snapshots = stamps.get(entry_id, {})
        minor = {
            lang
            for lang in stale
            if (old := snapshots.get(entry.texts[lang].de_digest or "")) is not None
            and is_minor_edit(old, german, names)
        }
        marked[entry_id] = dataclasses.replace(
            entry, stale_languages=frozenset(stale), minor_stale_languages=frozenset(minor)
        )
    return marked


def stale_translations(knowledge: Knowledge) -> list[StaleTranslation]:
    """Every stale translation, by file and language order of the file."""
    found = [
        StaleTranslation(
            entry.file,
            entry.id,
            lang,
            lang in entry.minor_stale_languages,
            entry.texts[lang].de_digest,
        )
        for entry in knowledge.entries.values()
        for lang in entry.texts
        if lang in entry.stale_languages
    ]
    return sorted(found, key=lambda s: s.file)


def count_stale_translations(knowledge: Knowledge, *, include_minor: bool = True) -> int:
    """How many translations are stale (for the coordinators' /gaps)."""
    return sum(
        len(e.stale_languages) - (0 if include_minor else len(e.minor_stale_languages))
        for e in knowledge.entries.values()
    )


def read_stamps(folder: Path, problems: list[Problem]) -> dict[str, dict[str, dict[str, str]]]:
    """knowledge/stamps/<id>.toml: per digest, the German fields it was computed from."""
    stamps: dict[str, dict[str, dict[str, str]]] = {}
    for path in sorted((folder / STAMPS_DIR).glob("*.toml")):
        data = load_toml(path, problems)
        if data is None:
            continue
        snapshots = {}
        for digest, fields in data.items():
            if not DIGEST_RE.match(digest) or not isinstance(fields, dict):
                problems.append(Problem(rel(path), digest, "must be a table named by a digest"))
                continue
            if german_digest(fields) != digest:
                problems.append(Problem(rel(path), digest, "the text does not match its digest"))
                continue
            snapshots[digest] = {k: str(v) for k, v in fields.items() if k in DIGEST_FIELDS}
        stamps[path.stem] = snapshots
    return stamps
