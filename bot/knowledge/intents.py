"""Read and check `knowledge/intents.toml`: small talk, the bot's own features, hand-overs.

The format is described at the top of the file itself. Like the knowledge base, loading is
all-or-nothing: every problem is a `Problem` with file and field, and one `KnowledgeError`
lists them, so a broken intents file stops start-up and shows in `python -m bot check`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from bot.i18n.languages import LANGUAGES
from bot.knowledge.checks import FileChecker
from bot.knowledge.files import load_toml
from bot.knowledge.model import KnowledgeError, Problem, nonempty

INTENTS_FILE: Final = "intents.toml"
INTENT_KINDS: Final = ("smalltalk", "feature", "handover")
# the commands a reply may lead to (bot/handlers/__init__.py registers them)
COMMANDS: Final = frozenset(
    {"start", "help", "fit", "next", "reminders", "register", "myorg", "language", "privacy"}
    | {"mydata", "deletemydata"}
)
INTENT_KEYS: Final = frozenset({"kind", "command", "phrases"})
INTENT_ID_RE: Final = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")
MIN_PHRASES: Final = 3


@dataclass(frozen=True)
class IntentSpec:
    """One intent as the file states it."""

    id: str
    kind: str  # smalltalk | feature | handover
    command: str | None
    phrases: Mapping[str, tuple[str, ...]]  # language -> phrases


@dataclass(frozen=True)
class IntentTable:
    intents: Mapping[str, IntentSpec]  # in file order
    fillers: Mapping[str, tuple[str, ...]]  # language -> words allowed beside small talk


def load_intents(folder: Path) -> IntentTable:
    """`folder/intents.toml`, or KnowledgeError listing every problem."""
    table, problems = _read(folder / INTENTS_FILE)
    if problems:
        raise KnowledgeError(problems)
    return table


def check_intents(folder: Path) -> list[Problem]:
    return _read(folder / INTENTS_FILE)[1]


def _read(path: Path) -> tuple[IntentTable, list[Problem]]:
    problems: list[Problem] = []
    data = load_toml(path, problems, INTENTS_FILE)
    if data is None:
        return IntentTable({}, {}), problems
    check = FileChecker(INTENTS_FILE, problems)
    for key in sorted(set(data) - {"intents", "fillers"}):
        check.bad(key, "unknown field")
    fillers = _word_lists(data.get("fillers"), "fillers", check, minimum=0)
    raw = data.get("intents")
    if not isinstance(raw, dict) or not raw:
        check.bad("intents", "needs at least one [intents.<id>] table")
        raw = {}
    intents = {}
    for intent_id, item in raw.items():
        spec = _intent(intent_id, item, check)
        if spec is not None:
            intents[intent_id] = spec
    return IntentTable(intents, fillers), problems


def _intent(intent_id: str, item: Any, check: FileChecker) -> IntentSpec | None:
    where = f"intents.{intent_id}"
    if not INTENT_ID_RE.match(intent_id):
        check.bad(where, "id must be lowercase a-z, 0-9 and '_'")
    if not isinstance(item, dict):
        check.bad(where, "must be a table")
        return None
    for key in sorted(set(item) - INTENT_KEYS):
        check.bad(f"{where}.{key}", "unknown field")
    kind = item.get("kind")
    if kind not in INTENT_KINDS:
        check.bad(f"{where}.kind", f"must be one of {', '.join(INTENT_KINDS)}")
    command = item.get("command")
    if command is not None and command not in COMMANDS:
        check.bad(f"{where}.command", f"must be one of {', '.join(sorted(COMMANDS))}")
    phrases = _word_lists(item.get("phrases"), f"{where}.phrases", check, MIN_PHRASES)
    return IntentSpec(intent_id, str(kind), command, phrases)


def _word_lists(
    value: object, where: str, check: FileChecker, minimum: int
) -> dict[str, tuple[str, ...]]:
    """A table of the nine languages, each a list of distinct non-empty strings."""
    if not isinstance(value, dict):
        check.bad(where, "needs a list for each of the nine languages")
        return {}
    out = {}
    for lang in LANGUAGES:
        items = value.get(lang)
        field = f"{where}.{lang}"
        if not isinstance(items, list):
            check.bad(field, "missing language")
            continue
        if not all(nonempty(i) for i in items):
            check.bad(field, "every item must be a non-empty string")
            continue
        seen = [i.strip().casefold() for i in items]
        for dup in sorted({i for i in seen if seen.count(i) > 1}):
            check.bad(field, f"{dup!r} appears twice")
        if len(items) < minimum:
            check.bad(field, f"needs at least {minimum} phrases")
        out[lang] = tuple(i.strip() for i in items)
    for lang in sorted(set(value) - set(LANGUAGES)):
        check.bad(f"{where}.{lang}", "not one of the nine languages")
    return out
