"""Read `knowledge/`: topics, sources, entries of every kind, application data.

Loading is all-or-nothing: every problem is collected with its file and field, and a single
`KnowledgeError` lists them, so the bot never runs on a half-loaded knowledge base.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from bot.i18n.languages import LANGUAGES
from bot.knowledge.applying import read_applying
from bot.knowledge.entries import EntryChecker
from bot.knowledge.files import load_toml, rel
from bot.knowledge.model import (
    KINDS,
    Knowledge,
    KnowledgeError,
    Problem,
    Source,
    nonempty,
)
from bot.knowledge.stale import mark_stale, read_stamps

# A title readers would see as a file name ("facts-public.md", "002_6377….txt"): source
# titles are shown on every page, so they name the document, never the file it is kept in.
FILE_NAME_RE = re.compile(
    r"[\w-]\.(?:md|txt|toml|json|csv|ya?ml|py|ini|log|docx?|xlsx?|odt)\b", re.IGNORECASE
)


def load_knowledge(folder: Path) -> Knowledge:
    """Load the folder or raise KnowledgeError listing every problem."""
    knowledge, problems = _read(folder)
    if problems:
        raise KnowledgeError(problems)
    return knowledge


def check_knowledge(folder: Path) -> list[Problem]:
    """Every problem of the folder; reads nothing outside it."""
    return _read(folder)[1]


def read_knowledge(folder: Path) -> tuple[Knowledge, list[Problem]]:
    """What loads of the folder, and every problem (for `check`, which lists both)."""
    return _read(folder)


# --- reading -------------------------------------------------------------------------------


def _read(folder: Path) -> tuple[Knowledge, list[Problem]]:
    problems: list[Problem] = []
    if not folder.is_dir():
        problems.append(Problem(str(folder), "", "the knowledge folder does not exist"))
        return Knowledge({}, {}, {}), problems
    topics = _read_topics(folder / "topics.toml", problems)
    sources = read_sources(folder / "sources.toml", problems)
    raw: dict[str, tuple[Path, str, dict[str, Any]]] = {}
    for sub, kind in KINDS.items():
        for path in sorted((folder / sub).glob("*.toml")):
            data = load_toml(path, problems)
            if data is None:
                continue
            entry_id = str(data.get("id", ""))
            if entry_id in raw:
                problems.append(
                    Problem(
                        rel(path),
                        "id",
                        f"duplicate id {entry_id!r} (also in {rel(raw[entry_id][0])})",
                    )
                )
                continue
            raw[entry_id] = (path, kind, data)
    entries = {}
    for entry_id, (path, kind, data) in raw.items():
        checker = EntryChecker(path, kind, topics, sources, raw, problems)
        entry = checker.build(data)
        if entry is not None:
            entries[entry_id] = entry
    if not raw:
        problems.append(Problem(str(folder), "", "no entries found"))
    entries = mark_stale(entries, read_stamps(folder, problems))
    applying = read_applying(folder / "applying", entries, raw, topics, sources, problems)
    return Knowledge(entries, topics, sources, applying), problems


def _read_topics(path: Path, problems: list[Problem]) -> dict[str, dict[str, str]]:
    data = load_toml(path, problems) or {}
    topics = {}
    for topic_id, names in data.items():
        if not isinstance(names, dict):
            problems.append(Problem(rel(path), topic_id, "must be a table of names"))
            continue
        for lang in LANGUAGES:
            if not nonempty(names.get(lang)):
                problems.append(Problem(rel(path), f"{topic_id}.{lang}", "missing name"))
        topics[topic_id] = {k: str(v) for k, v in names.items()}
    return topics


def read_sources(path: Path, problems: list[Problem]) -> dict[str, Source]:
    data = load_toml(path, problems) or {}
    sources = {}
    for sid, item in data.items():
        where = rel(path)
        if not isinstance(item, dict):
            problems.append(Problem(where, sid, "must be a table"))
            continue
        kind, year = item.get("kind"), item.get("year")
        if kind not in ("seed", "public"):
            problems.append(Problem(where, f"{sid}.kind", "must be 'seed' or 'public'"))
        if not isinstance(year, int):
            problems.append(Problem(where, f"{sid}.year", "must be a year (integer)"))
        if kind == "seed" and not nonempty(item.get("file")):
            problems.append(Problem(where, f"{sid}.file", "a seed source names its file"))
        if kind == "public" and not (
            str(item.get("url", "")).startswith("https://") or nonempty(item.get("file"))
        ):
            problems.append(
                Problem(where, f"{sid}.url", "a public source needs an https URL or a file")
            )
        if not nonempty(item.get("title")):
            problems.append(Problem(where, f"{sid}.title", "missing"))
        elif FILE_NAME_RE.search(str(item["title"])):
            problems.append(
                Problem(
                    where,
                    f"{sid}.title",
                    "looks like a file name; readers see the title: give the document's own",
                )
            )
        sources[sid] = Source(
            sid,
            str(kind),
            str(item.get("title", "")),
            year if isinstance(year, int) else 0,
            item.get("file"),
            item.get("url"),
        )
    return sources
