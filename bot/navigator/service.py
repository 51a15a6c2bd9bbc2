"""'Which programs fit us?': assess every program against a board's answers (pure).

The questions and their answers are the schema of knowledge/applying/ (QUESTIONS); the rules
are data there, next to each program. A rule whose answer was given acts (exclude, fit,
note); "don't know" to a question with an exclusion keeps the program, with that reason to
check; a program without rules is kept, and the page says whom to ask.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.knowledge import QUESTIONS, Entry, Knowledge, Rule

ORDER = (
    "legal_form",
    "seat",
    "nonprofit",
    "paid_staff",
    "own_rooms",
    "topic",
    "amount",
    "project",
)
UNKNOWN = "unknown"


def answers_for(question: str, knowledge: Knowledge) -> tuple[str, ...]:
    """The answers a question accepts (topics come from topics.toml)."""
    if question == "topic":
        return (*knowledge.topics, UNKNOWN)
    return QUESTIONS[question]


@dataclass(frozen=True)
class Verdict:
    program: Entry
    fits: list[Rule] = field(default_factory=list)
    notes: list[Rule] = field(default_factory=list)
    to_check: list[Rule] = field(default_factory=list)  # exclusions answered "don't know"
    excluded: list[Rule] = field(default_factory=list)
    no_rules: bool = False

    @property
    def ruled_out(self) -> bool:
        return bool(self.excluded)


def assess(knowledge: Knowledge, answers: Mapping[str, str]) -> list[Verdict]:
    """Every program, those that may fit first (most reasons first), ruled-out ones last."""
    verdicts = []
    for program in knowledge.of_kind("program"):
        applying = knowledge.applying.get(program.id)
        rules = applying.rules if applying else ()
        v = Verdict(program, no_rules=not rules)
        for rule in rules:
            answer = answers.get(rule.question, UNKNOWN)
            if answer in rule.answers:
                {"exclude": v.excluded, "fit": v.fits, "note": v.notes}[rule.effect].append(rule)
            elif answer == UNKNOWN and rule.effect == "exclude":
                v.to_check.append(rule)
        verdicts.append(v)
    verdicts.sort(
        key=lambda v: (v.ruled_out, -len(v.fits), len(v.to_check), v.no_rules, v.program.id)
    )
    return verdicts


_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def encode(answers: Mapping[str, str], knowledge: Knowledge) -> str:
    """The answers as one character per question (its position among the question's answers)."""
    out = []
    for question in ORDER:
        options = answers_for(question, knowledge)
        answer = answers.get(question, UNKNOWN)
        out.append(_DIGITS[options.index(answer if answer in options else UNKNOWN)])
    return "".join(out)


def decode(code: str, knowledge: Knowledge) -> dict[str, str] | None:
    """The answers of `encode`, or None if the code is not one (forged or from an old schema)."""
    if len(code) != len(ORDER):
        return None
    answers = {}
    for question, char in zip(ORDER, code, strict=True):
        options = answers_for(question, knowledge)
        index = _DIGITS.find(char)
        if not 0 <= index < len(options):
            return None
        answers[question] = options[index]
    return answers
