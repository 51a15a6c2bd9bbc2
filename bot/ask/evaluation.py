"""Measure the matcher on a labelled question set: hit@1, hit@3, out-of-scope refusals."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.matching import Matcher


@dataclass
class Tally:
    questions: int = 0
    hit1: int = 0
    hit3: int = 0
    answered_right: int = 0  # confident and correct
    answered_wrong: int = 0  # confident and wrong: the costly error
    oos: int = 0
    oos_refused: int = 0  # not confident
    oos_silent: int = 0  # not even a suggestion
    misses: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in (
            "questions",
            "hit1",
            "hit3",
            "answered_right",
            "answered_wrong",
            "oos",
            "oos_refused",
            "oos_silent",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses

    def rates(self) -> dict[str, float]:
        q, o = max(self.questions, 1), max(self.oos, 1)
        return {
            "hit@1": self.hit1 / q,
            "hit@3": self.hit3 / q,
            "answered_right": self.answered_right / q,
            "answered_wrong": self.answered_wrong / q,
            "oos_refused": self.oos_refused / o,
            "oos_silent": self.oos_silent / o,
        }


def load_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def evaluate(matcher: Matcher, rows: Iterable[Mapping[str, Any]]) -> dict[str, Tally]:
    """Tallies per language, plus "all"."""
    by_lang: dict[str, Tally] = defaultdict(Tally)
    for row in rows:
        t = by_lang[row["lang"]]
        result = matcher.match(row["text"])
        ids = [m.entry_id for m in result.matches]
        expected = set(row["expected"])
        if not expected:
            t.oos += 1
            t.oos_refused += not result.confident
            t.oos_silent += not ids
            if result.confident:
                t.misses.append({**row, "got": ids[:3]})
            continue
        t.questions += 1
        t.hit1 += bool(ids[:1]) and ids[0] in expected
        t.hit3 += bool(expected & set(ids[:3]))
        if result.confident:
            if ids[0] in expected:
                t.answered_right += 1
            else:
                t.answered_wrong += 1
        if not ids or ids[0] not in expected:
            t.misses.append(
                {**row, "got": ids[:3], "scores": [m.score for m in result.matches[:3]]}
            )
    total = Tally()
    for tally in by_lang.values():
        total.add(tally)
    return {**dict(sorted(by_lang.items())), "all": total}
