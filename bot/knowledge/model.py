"""The knowledge model: entries, sources, rules; constants of the format."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from bot.core.callbacks import in_range

KINDS = {
    "programs": "program",
    "offices": "office",
    "networks": "network",
    "faq": "faq",
    "glossary": "glossary",
}
TEXT_FIELDS = ("title", "summary", "who", "when", "next_step")
REQUIRED_TEXT = {
    "program": ("title", "summary", "who", "when", "next_step"),
    "office": ("title", "summary", "next_step"),
    "network": ("title", "summary", "who", "next_step"),
    "faq": ("title", "summary", "next_step"),
    "glossary": ("title", "summary", "next_step"),
}
MIN_TRIGGERS = 6
ENTRY_KEYS = {
    "id",
    "name",
    "topics",
    "confirmed",
    "as_of",
    "offices",
    "related",
    "sources",
    "facts",
    "contact",
    "text",
    "terms",
    "review_by",
}
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
AS_OF_RE = re.compile(r"^\d{4}(?:-\d{2}-\d{2})?$")
PERIODS = {"once", "month", "year"}
# A number next to a currency word: amounts belong in [facts.amounts], never in prose.
_CURRENCY = r"(?:€|EUR|[Ee]uro|[Aa]vro|евро|євро|يورو|یورو)"
LITERAL_AMOUNT_RE = re.compile(rf"\d[\d.,'\u066C\u202F ]*\s?{_CURRENCY}|{_CURRENCY}\s?\d")


class KnowledgeError(Exception):
    """The knowledge base is broken; `problems` lists every problem with file and field."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(str(p) for p in problems)
        super().__init__(f"{len(problems)} problem(s) in the knowledge base:\n{lines}")


@dataclass(frozen=True)
class Problem:
    file: str
    field: str
    message: str

    def __str__(self) -> str:
        return (
            f"{self.file}: {self.field}: {self.message}"
            if self.field
            else (f"{self.file}: {self.message}")
        )


@dataclass(frozen=True)
class Source:
    id: str
    kind: str  # "seed" | "public"
    title: str
    year: int
    file: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Citation:
    source: Source
    section: str | None


@dataclass(frozen=True)
class Amount:
    eur: float
    per: str | None = None
    up_to: bool = False
    year: int | None = None  # the year it holds for, where it is set anew every year


@dataclass(frozen=True)
class Contact:
    web: str | None
    email: str | None
    source: Source


@dataclass(frozen=True)
class EntryText:
    title: str
    summary: str
    next_step: str
    triggers: tuple[str, ...]
    who: str | None = None
    when: str | None = None
    de_digest: str | None = None  # translations: the German text they were made from


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str
    name: str
    topics: tuple[str, ...]
    confirmed: bool
    as_of: str
    citations: tuple[Citation, ...]
    texts: Mapping[str, EntryText]
    offices: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    amounts: Mapping[str, Amount] = field(default_factory=dict)
    dates: Mapping[str, date] = field(default_factory=dict)
    decided_by: str | None = None
    contact: Contact | None = None
    terms: tuple[str, ...] = ()  # glossary: the German spellings that link to it
    file: str = ""  # where it is kept, as problems name it ("knowledge/faq/x.toml")
    review_by: date | None = None  # as written in the file; see review.review_date
    # Translations made from an older German text (de_digest differs or is missing), and
    # those of them where the German change was minor (see stale.py): no new meaning.
    stale_languages: frozenset[str] = frozenset()
    minor_stale_languages: frozenset[str] = frozenset()

    def text(self, lang: str) -> EntryText:
        return self.texts.get(lang) or self.texts["de"]

    def is_stale(self, lang: str) -> bool:
        """The translation may say something else than the German text (a minor edit aside)."""
        return lang in self.stale_languages and lang not in self.minor_stale_languages

    def translation_state(self, lang: str) -> str:
        """ "current", "minor" (German changed by a typo-sized edit), "stale" or "missing"."""
        if lang not in self.texts:
            return "missing"
        if lang in self.minor_stale_languages:
            return "minor"
        return "stale" if lang in self.stale_languages else "current"


@dataclass(frozen=True)
class Rule:
    """One eligibility rule of a program (knowledge/applying/)."""

    question: str
    answers: frozenset[str]
    effect: str  # exclude | fit | note
    reason: Mapping[str, str]


@dataclass(frozen=True)
class Applying:
    """How to apply for a program: who may (rules), what to prepare, who helps."""

    program: str
    help_from: tuple[str, ...]
    rules: tuple[Rule, ...]
    checklist: Mapping[str, tuple[str, ...]]
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Knowledge:
    entries: Mapping[str, Entry]
    topics: Mapping[str, Mapping[str, str]]
    sources: Mapping[str, Source]
    applying: Mapping[str, Applying] = field(default_factory=dict)

    def of_kind(self, kind: str) -> list[Entry]:
        return sorted((e for e in self.entries.values() if e.kind == kind), key=lambda e: e.id)

    def offices_for_topic(self, topic: str) -> list[Entry]:
        return [e for e in self.of_kind("office") if topic in e.topics]


def nonempty(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def placeholders(text: str) -> set[str]:
    """The {names} a text uses; raises ValueError on a malformed brace."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def iso_date(value: str) -> date | None:
    """An ISO date within the days the bot reckons with (2000 … 2099), else None."""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None
    return day if in_range(day) else None
