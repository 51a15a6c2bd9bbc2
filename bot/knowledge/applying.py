"""Read `knowledge/applying/`: per program, eligibility rules, checklist, who helps."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bot.i18n.languages import LANGUAGES
from bot.knowledge.entries import EntryChecker
from bot.knowledge.files import load_toml, rel
from bot.knowledge.model import Applying, Entry, Problem, Rule, Source, nonempty, placeholders

# The questions of "Which programs fit us?" and their answers ("topic": topics.toml ids).
QUESTIONS: dict[str, tuple[str, ...]] = {
    "legal_form": ("ev", "initiative", "other", "unknown"),
    "seat": ("yes", "no", "unknown"),
    "nonprofit": ("yes", "no", "unknown"),
    "paid_staff": ("yes", "no", "unknown"),
    "own_rooms": ("yes", "no", "unknown"),
    "topic": (),
    "amount": ("small", "medium", "large", "xl", "unknown"),
    "project": ("new", "running", "unknown"),
}
EFFECTS = ("exclude", "fit", "note")
KEYS = {"program", "help_from", "sources", "rules", "checklist"}


def read_applying(
    folder: Path,
    entries: Mapping[str, Entry],
    raw: Mapping[str, tuple[Path, str, Any]],
    topics: Mapping[str, object],
    sources: Mapping[str, Source],
    problems: list[Problem],
) -> dict[str, Applying]:
    found = {}
    for path in sorted(folder.glob("*.toml")):
        data = load_toml(path, problems)
        if data is not None:
            checker = _ApplyingChecker(path, "applying", topics, sources, raw, problems)
            item = checker.read(data, entries)
            if item is not None:
                found[item.program] = item
    return found


class _ApplyingChecker(EntryChecker):
    def read(self, d: dict[str, Any], entries: Mapping[str, Entry]) -> Applying | None:
        for key in sorted(set(d) - KEYS):
            self.bad(key, "unknown field")
        program = entries.get(str(d.get("program")))
        if program is None or program.kind != "program":
            self.bad("program", "must name a program id")
        elif program.id != self.path.stem:
            self.bad("program", f"{program.id!r} differs from the file name")
        help_from = self._refs(d.get("help_from", []), "help_from", want_kind="office")
        citations = self._citations(d.get("sources"))
        amounts = set(program.amounts) | set(program.dates) if program else set()
        rules = tuple(self._rule(i, r, amounts) for i, r in enumerate(d.get("rules", [])))
        checklist = self._checklist(d.get("checklist"))
        if not self.ok or program is None:
            return None
        return Applying(program.id, help_from, tuple(r for r in rules if r), checklist, citations)

    def _rule(self, i: int, r: object, amounts: set[str]) -> Rule | None:
        where = f"rules[{i}]"
        if not isinstance(r, dict):
            self.bad(where, "must be a table")
            return None
        question = r.get("question")
        if question not in QUESTIONS:
            self.bad(f"{where}.question", f"must be one of {', '.join(QUESTIONS)}")
            return None
        allowed = (
            set(self.topics) | {"unknown"} if question == "topic" else set(QUESTIONS[question])
        )
        answers = r.get("answers")
        if not isinstance(answers, list) or not answers or not set(answers) <= allowed:
            self.bad(f"{where}.answers", f"must be answers of {question!r}")
        if r.get("effect") not in EFFECTS:
            self.bad(f"{where}.effect", f"must be one of {', '.join(EFFECTS)}")
        reason = r.get("reason")
        if not isinstance(reason, dict):
            self.bad(f"{where}.reason", "needs a line in each language")
            return None
        for lang in LANGUAGES:
            text = reason.get(lang)
            if not nonempty(text):
                self.bad(f"{where}.reason.{lang}", "missing")
            elif not placeholders(str(text)) <= amounts:
                self.bad(f"{where}.reason.{lang}", "uses a placeholder the program lacks")
        if not self.ok:
            return None
        return Rule(
            str(question),
            frozenset(answers),
            str(r["effect"]),
            {k: str(v) for k, v in reason.items()},
        )

    def _checklist(self, value: object) -> dict[str, tuple[str, ...]]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.bad("checklist", "must be a table of lists per language")
            return {}
        counts = set()
        for lang in LANGUAGES:
            items = value.get(lang)
            if not isinstance(items, list) or not items or not all(nonempty(x) for x in items):
                self.bad(f"checklist.{lang}", "needs a list of items")
            else:
                counts.add(len(items))
        if len(counts) > 1:
            self.bad("checklist", "every language needs the same number of items")
        return {k: tuple(str(x) for x in v) for k, v in value.items() if isinstance(v, list)}


__all__ = ["QUESTIONS", "read_applying", "rel"]
