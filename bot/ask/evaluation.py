"""Measure question handling on labelled sets: matching, intents, refusals, language switches.

A row is {"text", "lang", "expected": [entry ids], "intent"?: str, "style"?: str, "note"?: str}:
expected [] without an intent is out of scope. The bot is simulated as it answers: the intent
detector first (a message it claims gets no entry), then the matcher; the language detector
for a user whose current language is German and for one whose current language is the row's.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from bot.matching.matcher import Matcher, MatchResult

IntentFn = Callable[[str], str | None]
LanguageFn = Callable[[str, str], str | None]


def _no_intent(text: str) -> str | None:
    return None


def _no_switch(text: str, current: str) -> str | None:
    return None


@dataclass
class Tally:
    questions: int = 0
    hit1: int = 0
    hit3: int = 0
    answered_right: int = 0  # confident and correct
    answered_wrong: int = 0  # confident and wrong: the costly error
    swallowed: int = 0  # a question the intent detector took for small talk or a feature
    oos: int = 0
    oos_refused: int = 0  # not answered with an entry
    oos_silent: int = 0  # not even a suggestion
    intents: int = 0
    intent_right: int = 0
    intent_entry: int = 0  # an intent row answered with an entry: must stay 0
    switches_checked: int = 0  # simulated messages (two users per row)
    wrong_switch: int = 0  # switched to a language the message is not in
    should_switch: int = 0  # the message's language differs from the user's current one
    right_switch: int = 0
    skipped: int = 0  # labelled with an entry this knowledge base does not have
    misses: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for f in fields(self):
            if f.name != "misses":
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        self.misses += other.misses

    def rates(self) -> dict[str, float]:
        q, o, i = max(self.questions, 1), max(self.oos, 1), max(self.intents, 1)
        return {
            "hit@1": self.hit1 / q,
            "hit@3": self.hit3 / q,
            "answered_right": self.answered_right / q,
            "answered_wrong": self.answered_wrong / q,
            "oos_refused": self.oos_refused / o,
            "oos_silent": self.oos_silent / o,
            "intent_accuracy": self.intent_right / i,
            "intent_entry": self.intent_entry / i,
            "wrong_switch": self.wrong_switch / max(self.switches_checked, 1),
            "switch_recall": self.right_switch / max(self.should_switch, 1),
        }


@dataclass
class Report:
    by_lang: dict[str, Tally]
    by_style: dict[str, Tally]
    all: Tally


def load_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def style_of(row: Mapping[str, Any]) -> str:
    return str(row.get("style") or row.get("note") or "-")


def report(
    matcher: Matcher,
    rows: Iterable[Mapping[str, Any]],
    intent: IntentFn = _no_intent,
    language: LanguageFn = _no_switch,
    known: Collection[str] | None = None,
) -> Report:
    """Tallies per language, per style and over all rows. With `known` (the entry ids of the
    knowledge base), a row expecting an entry it lacks is skipped and counted as skipped."""
    by_lang: dict[str, Tally] = defaultdict(Tally)
    by_style: dict[str, Tally] = defaultdict(Tally)
    for row in rows:
        if known is not None and not set(row["expected"]) <= set(known):
            t = Tally(skipped=1)
        else:
            t = _score_row(matcher, row, intent, language)
        by_lang[row["lang"]].add(t)
        by_style[style_of(row)].add(t)
    total = Tally()
    for tally in by_lang.values():
        total.add(tally)
    return Report(dict(sorted(by_lang.items())), dict(sorted(by_style.items())), total)


def evaluate(
    matcher: Matcher,
    rows: Iterable[Mapping[str, Any]],
    intent: IntentFn = _no_intent,
    language: LanguageFn = _no_switch,
    known: Collection[str] | None = None,
) -> dict[str, Tally]:
    """Tallies per language, plus "all"."""
    r = report(matcher, rows, intent, language, known)
    return {**r.by_lang, "all": r.all}


def _score_row(
    matcher: Matcher, row: Mapping[str, Any], intent: IntentFn, language: LanguageFn
) -> Tally:
    t = Tally()
    _score_language(t, row, language)
    text = row["text"]
    claimed = intent(text)
    result = MatchResult(()) if claimed else matcher.match(text)
    ids = [m.entry_id for m in result.matches]
    answered = result.confident and bool(ids)
    if row.get("intent"):
        t.intents += 1
        t.intent_right += claimed == row["intent"]
        t.intent_entry += answered
        if claimed != row["intent"] or answered:
            t.misses.append({**row, "got": ids[:3], "got_intent": claimed})
        return t
    expected = set(row["expected"])
    if not expected:
        t.oos += 1
        t.oos_refused += not answered
        t.oos_silent += not ids
        if answered:
            t.misses.append({**row, "got": ids[:3], "scores": _scores(result)})
        return t
    t.questions += 1
    t.swallowed += claimed is not None
    t.hit1 += bool(ids[:1]) and ids[0] in expected
    t.hit3 += bool(expected & set(ids[:3]))
    if answered:
        if ids[0] in expected:
            t.answered_right += 1
        else:
            t.answered_wrong += 1
    if not ids or ids[0] not in expected:
        t.misses.append({**row, "got": ids[:3], "scores": _scores(result), "got_intent": claimed})
    return t


def _score_language(t: Tally, row: Mapping[str, Any], language: LanguageFn) -> None:
    lang = row["lang"]
    for current in dict.fromkeys(("de", lang)):
        switched = language(row["text"], current)
        t.switches_checked += 1
        t.should_switch += lang != current
        if switched is not None and switched != current:
            if switched == lang:
                t.right_switch += 1
            else:
                t.wrong_switch += 1
                t.misses.append({**row, "wrong_switch": f"{current}->{switched}"})


def _scores(result: MatchResult) -> list[float]:
    return [m.score for m in result.matches[:3]]


# The README's example question in the nine languages: each must be answered with a program.
README_EXAMPLE: dict[str, str] = {
    "de": "Wo bekommen wir Geld für unser Sommerfest?",
    "en": "Where can we get money for our summer party?",
    "tr": "Yaz şenliğimiz için nereden para bulabiliriz?",
    "ar": "من أين نحصل على مال لحفلتنا الصيفية؟",
    "ru": "Где нам взять деньги на наш летний праздник?",
    "uk": "Де нам взяти гроші на наше літнє свято?",
    "pl": "Skąd możemy dostać pieniądze na nasz letni festyn?",
    "it": "Dove possiamo trovare i soldi per la nostra festa d'estate?",
    "fa": "از کجا می‌توانیم برای جشن تابستانی‌مان پول بگیریم؟",
}
