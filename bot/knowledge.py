"""Load and validate `knowledge/`: the in-memory model of programs, offices, networks, FAQ.

Loading is all-or-nothing: every problem is collected with its file and field, and a single
`KnowledgeError` lists them, so the bot never runs on a half-loaded knowledge base.
"""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from bot.languages import LANGUAGES

KINDS = {"programs": "program", "offices": "office", "networks": "network", "faq": "faq"}
TEXT_FIELDS = ("title", "summary", "who", "when", "next_step")
REQUIRED_TEXT = {
    "program": ("title", "summary", "who", "when", "next_step"),
    "office": ("title", "summary", "next_step"),
    "network": ("title", "summary", "who", "next_step"),
    "faq": ("title", "summary", "next_step"),
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

    def text(self, lang: str) -> EntryText:
        return self.texts.get(lang) or self.texts["de"]


@dataclass(frozen=True)
class Knowledge:
    entries: Mapping[str, Entry]
    topics: Mapping[str, Mapping[str, str]]
    sources: Mapping[str, Source]

    def of_kind(self, kind: str) -> list[Entry]:
        return sorted((e for e in self.entries.values() if e.kind == kind), key=lambda e: e.id)

    def offices_for_topic(self, topic: str) -> list[Entry]:
        return [e for e in self.of_kind("office") if topic in e.topics]


def load_knowledge(folder: Path, seeds_dir: Path | None = None) -> Knowledge:
    """Load the folder or raise KnowledgeError listing every problem."""
    knowledge, problems = _read(folder, seeds_dir)
    if problems:
        raise KnowledgeError(problems)
    return knowledge


def check_knowledge(folder: Path, seeds_dir: Path | None = None) -> list[Problem]:
    return _read(folder, seeds_dir)[1]


# --- reading -------------------------------------------------------------------------------


def _read(folder: Path, seeds_dir: Path | None) -> tuple[Knowledge, list[Problem]]:
    problems: list[Problem] = []
    if not folder.is_dir():
        problems.append(Problem(str(folder), "", "the knowledge folder does not exist"))
        return Knowledge({}, {}, {}), problems
    topics = _read_topics(folder / "topics.toml", problems)
    sources = _read_sources(folder / "sources.toml", problems)
    raw: dict[str, tuple[Path, str, dict[str, Any]]] = {}
    for sub, kind in KINDS.items():
        for path in sorted((folder / sub).glob("*.toml")):
            data = _load_toml(path, problems)
            if data is None:
                continue
            entry_id = str(data.get("id", ""))
            if entry_id in raw:
                problems.append(
                    Problem(
                        _rel(path),
                        "id",
                        f"duplicate id {entry_id!r} (also in {_rel(raw[entry_id][0])})",
                    )
                )
                continue
            raw[entry_id] = (path, kind, data)
    entries = {}
    for entry_id, (path, kind, data) in raw.items():
        checker = _EntryChecker(path, kind, topics, sources, raw, seeds_dir, problems)
        entry = checker.build(data)
        if entry is not None:
            entries[entry_id] = entry
    if not raw:
        problems.append(Problem(str(folder), "", "no entries found"))
    return Knowledge(entries, topics, sources), problems


def _rel(path: Path) -> str:
    parts = path.parts
    return "/".join(parts[-3:]) if len(parts) >= 3 else str(path)


def _load_toml(path: Path, problems: list[Problem]) -> dict[str, Any] | None:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        problems.append(Problem(_rel(path), "", "file is missing"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        problems.append(Problem(_rel(path), "", f"not valid TOML: {exc}"))
    return None


def _read_topics(path: Path, problems: list[Problem]) -> dict[str, dict[str, str]]:
    data = _load_toml(path, problems) or {}
    topics = {}
    for topic_id, names in data.items():
        if not isinstance(names, dict):
            problems.append(Problem(_rel(path), topic_id, "must be a table of names"))
            continue
        for lang in LANGUAGES:
            if not _nonempty(names.get(lang)):
                problems.append(Problem(_rel(path), f"{topic_id}.{lang}", "missing name"))
        topics[topic_id] = {k: str(v) for k, v in names.items()}
    return topics


def _read_sources(path: Path, problems: list[Problem]) -> dict[str, Source]:
    data = _load_toml(path, problems) or {}
    sources = {}
    for sid, item in data.items():
        where = _rel(path)
        if not isinstance(item, dict):
            problems.append(Problem(where, sid, "must be a table"))
            continue
        kind, year = item.get("kind"), item.get("year")
        if kind not in ("seed", "public"):
            problems.append(Problem(where, f"{sid}.kind", "must be 'seed' or 'public'"))
        if not isinstance(year, int):
            problems.append(Problem(where, f"{sid}.year", "must be a year (integer)"))
        if kind == "seed" and not _nonempty(item.get("file")):
            problems.append(Problem(where, f"{sid}.file", "a seed source names its file"))
        if kind == "public" and not str(item.get("url", "")).startswith("https://"):
            problems.append(Problem(where, f"{sid}.url", "a public source needs an https URL"))
        if not _nonempty(item.get("title")):
            problems.append(Problem(where, f"{sid}.title", "missing"))
        sources[sid] = Source(
            sid,
            str(kind),
            str(item.get("title", "")),
            year if isinstance(year, int) else 0,
            item.get("file"),
            item.get("url"),
        )
    return sources


def _nonempty(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def placeholders(text: str) -> set[str]:
    """The {names} a text uses; raises ValueError on a malformed brace."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


class _EntryChecker:
    """Validates one entry file and builds the Entry; problems go to the shared list."""

    def __init__(
        self,
        path: Path,
        kind: str,
        topics: Mapping[str, object],
        sources: Mapping[str, Source],
        raw: Mapping[str, tuple[Path, str, dict[str, Any]]],
        seeds_dir: Path | None,
        problems: list[Problem],
    ) -> None:
        self.path, self.kind, self.topics, self.sources = path, kind, topics, sources
        self.raw, self.seeds_dir, self.problems = raw, seeds_dir, problems
        self.ok = True

    def bad(self, field_name: str, message: str) -> None:
        self.ok = False
        self.problems.append(Problem(_rel(self.path), field_name, message))

    def build(self, d: dict[str, Any]) -> Entry | None:
        for key in sorted(set(d) - ENTRY_KEYS):
            self.bad(key, "unknown field")
        entry_id = d.get("id")
        if not isinstance(entry_id, str) or not ID_RE.match(entry_id):
            self.bad("id", "must be lowercase a-z, 0-9 and '-'")
        elif entry_id != self.path.stem:
            self.bad("id", f"{entry_id!r} differs from the file name {self.path.stem!r}")
        if not _nonempty(d.get("name")):
            self.bad("name", "the official German name is missing")
        topics = self._topics(d.get("topics"))
        if not isinstance(d.get("confirmed"), bool):
            self.bad("confirmed", "must be true or false")
        as_of = str(d.get("as_of", ""))
        if not AS_OF_RE.match(as_of) or (len(as_of) > 4 and not _iso_date(as_of)):
            self.bad("as_of", "must be YYYY or YYYY-MM-DD")
        offices = self._refs(d.get("offices", []), "offices", want_kind="office")
        related = self._refs(d.get("related", []), "related")
        citations = self._citations(d.get("sources"))
        if d.get("confirmed") is True and any(c.source.kind == "public" for c in citations):
            self.bad("confirmed", "must be false: the entry cites a public (non-seed) source")
        amounts, dates, decided_by = self._facts(d.get("facts", {}))
        contact = self._contact(d.get("contact"))
        texts = self._texts(d.get("text"), set(amounts) | set(dates))
        if not self.ok:
            return None
        return Entry(
            id=str(entry_id),
            kind=self.kind,
            name=str(d["name"]).strip(),
            topics=topics,
            confirmed=bool(d["confirmed"]),
            as_of=as_of,
            citations=citations,
            texts=texts,
            offices=offices,
            related=related,
            amounts=amounts,
            dates=dates,
            decided_by=decided_by,
            contact=contact,
        )

    def _topics(self, value: object) -> tuple[str, ...]:
        if not isinstance(value, list) or not value:
            self.bad("topics", "needs at least one topic id from topics.toml")
            return ()
        for t in value:
            if t not in self.topics:
                self.bad("topics", f"unknown topic {t!r}")
        return tuple(str(t) for t in value)

    def _refs(self, value: object, name: str, want_kind: str | None = None) -> tuple[str, ...]:
        if not isinstance(value, list):
            self.bad(name, "must be a list of entry ids")
            return ()
        for ref in value:
            target = self.raw.get(ref)
            if target is None:
                self.bad(name, f"unknown entry id {ref!r}")
            elif want_kind and target[1] != want_kind:
                self.bad(name, f"{ref!r} is a {target[1]}, not an {want_kind}")
        return tuple(str(r) for r in value)

    def _citations(self, value: object) -> tuple[Citation, ...]:
        if not isinstance(value, list) or not value:
            self.bad("sources", "needs at least one [[sources]] entry")
            return ()
        out = []
        for i, item in enumerate(value):
            where = f"sources[{i}]"
            if not isinstance(item, dict) or item.get("source") not in self.sources:
                self.bad(where, "source must name an id of sources.toml")
                continue
            src = self.sources[item["source"]]
            section = item.get("section")
            if src.kind == "seed":
                if not _nonempty(section):
                    self.bad(f"{where}.section", "a seed citation names its section")
                else:
                    self._check_section(src, str(section), where)
            out.append(Citation(src, str(section) if section else None))
        return tuple(out)

    def _check_section(self, src: Source, section: str, where: str) -> None:
        if self.seeds_dir is None or src.file is None:
            return
        seed = self.seeds_dir / src.file
        if not seed.is_file():
            return
        number = re.match(r"\d+(?:\.\d+)*", section)
        needle = number.group(0) if number else section.split(" Fn.")[0]
        if needle.lower() not in seed.read_text("utf-8").lower():
            self.bad(f"{where}.section", f"{section!r} is not found in {src.file}")

    def _facts(self, value: object) -> tuple[dict[str, Amount], dict[str, date], str | None]:
        amounts: dict[str, Amount] = {}
        dates: dict[str, date] = {}
        if not isinstance(value, dict):
            self.bad("facts", "must be a table")
            return amounts, dates, None
        for key in sorted(set(value) - {"amounts", "dates", "decided_by"}):
            self.bad(f"facts.{key}", "unknown fact (use amounts, dates or decided_by)")
        for key, item in value.get("amounts", {}).items():
            eur = item.get("eur") if isinstance(item, dict) else None
            per = item.get("per") if isinstance(item, dict) else None
            if not isinstance(eur, int | float) or isinstance(eur, bool) or eur <= 0:
                self.bad(f"facts.amounts.{key}.eur", "must be a positive number")
            elif per is not None and per not in PERIODS:
                self.bad(f"facts.amounts.{key}.per", f"must be one of {sorted(PERIODS)}")
            else:
                amounts[key] = Amount(float(eur), per, bool(item.get("up_to", False)))
        for key, raw_date in value.get("dates", {}).items():
            parsed = raw_date if isinstance(raw_date, date) else _iso_date(str(raw_date))
            if parsed is None:
                self.bad(f"facts.dates.{key}", "must be an ISO date YYYY-MM-DD")
            else:
                dates[key] = parsed
        if set(amounts) & set(dates):
            self.bad("facts", "an amount and a date share a key")
        decided_by = value.get("decided_by")
        if decided_by is not None and not _nonempty(decided_by):
            self.bad("facts.decided_by", "must be text")
        return amounts, dates, decided_by

    def _contact(self, value: object) -> Contact | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            self.bad("contact", "must be a table")
            return None
        for key in sorted(set(value) - {"web", "email", "source"}):
            self.bad(f"contact.{key}", "unknown contact field (web, email; no invented data)")
        src = self.sources.get(str(value.get("source")))
        if src is None:
            self.bad("contact.source", "a contact names the source that states it")
            return None
        web = value.get("web") or None
        email = value.get("email") or None
        if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", str(email)):
            self.bad("contact.email", "not an e-mail address")
        return Contact(web, email, src)

    def _texts(self, value: object, fact_keys: set[str]) -> dict[str, EntryText]:
        if not isinstance(value, dict):
            self.bad("text", "needs a [text.xx] table for each language")
            return {}
        required = REQUIRED_TEXT[self.kind]
        german_placeholders: dict[str, set[str]] = {}
        texts = {}
        for lang in LANGUAGES:
            item = value.get(lang)
            if not isinstance(item, dict):
                self.bad(f"text.{lang}", "missing language")
                continue
            for key in sorted(set(item) - {*TEXT_FIELDS, "triggers"}):
                self.bad(f"text.{lang}.{key}", "unknown field")
            for key in required:
                if not _nonempty(item.get(key)):
                    self.bad(f"text.{lang}.{key}", "missing or empty")
            for key in TEXT_FIELDS:
                text = item.get(key)
                if text is None:
                    continue
                if not _nonempty(text):
                    self.bad(f"text.{lang}.{key}", "must be non-empty text")
                    continue
                self._check_prose(
                    f"text.{lang}.{key}", str(text), fact_keys, german_placeholders, lang, key
                )
            triggers = item.get("triggers")
            if (
                not isinstance(triggers, list)
                or len(triggers) < MIN_TRIGGERS
                or not all(_nonempty(t) for t in triggers)
            ):
                self.bad(f"text.{lang}.triggers", f"needs at least {MIN_TRIGGERS} phrases")
                triggers = []
            texts[lang] = EntryText(
                title=str(item.get("title", "")).strip(),
                summary=str(item.get("summary", "")).strip(),
                next_step=str(item.get("next_step", "")).strip(),
                triggers=tuple(str(t).strip() for t in triggers),
                who=str(item["who"]).strip() if item.get("who") else None,
                when=str(item["when"]).strip() if item.get("when") else None,
            )
        for lang in sorted(set(value) - set(LANGUAGES)):
            self.bad(f"text.{lang}", "not one of the nine languages")
        return texts

    def _check_prose(
        self,
        where: str,
        text: str,
        fact_keys: set[str],
        german: dict[str, set[str]],
        lang: str,
        key: str,
    ) -> None:
        try:
            names = placeholders(text)
        except ValueError as exc:
            self.bad(where, f"malformed placeholder: {exc}")
            return
        for name in sorted(names - fact_keys):
            self.bad(
                where, f"placeholder {{{name}}} names no key of [facts.amounts]/[facts.dates]"
            )
        if LITERAL_AMOUNT_RE.search(text):
            self.bad(where, "states an amount in prose; put it in [facts.amounts] and use {key}")
        if lang == "de":
            german[key] = names
        elif key in german and names != german[key]:
            self.bad(
                where, f"placeholders {sorted(names)} differ from German {sorted(german[key])}"
            )


def _iso_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
