"""The thresholds of issue 13, on every labelled question set present (tests/data).

eval_questions.jsonl (written blind, 348 rows), dev_questions.jsonl and dev2_questions.jsonl
(written blind by other writers, used for tuning; dev2 holds the weak styles: long stories,
status questions, eligibility paraphrases, two questions, indirect feature requests),
dev3_questions.jsonl (Russian and Turkish of every style, Arabic and Farsi requests to the bot,
for tuning), dev4_questions.jsonl (written blind: Russian and Turkish eligibility, paraphrase,
how, typo and status questions, Arabic and Farsi requests to the bot; for tuning),
dev5_questions.jsonl (written blind: 200 Russian and Turkish questions of every style, every
entry covered; for tuning) and eval_fresh.jsonl (held out, measured by someone else) when it
is there. The bot is simulated as it answers: intents first, then the matcher.
"""

from pathlib import Path

import pytest

from bot.ask.evaluation import README_EXAMPLE, Report, load_rows, report
from bot.ask.intents import IntentDetector
from bot.config import REPO_ROOT
from bot.i18n.languages import LANGUAGES
from bot.knowledge.intents import load_intents
from bot.matching.language import detect as detect_language
from bot.matching.matcher import Matcher

DATA = Path(__file__).parent.parent / "data"
FILES = [
    DATA / name
    for name in (
        "eval_questions.jsonl",
        "dev_questions.jsonl",
        "dev2_questions.jsonl",
        "dev3_questions.jsonl",
        "dev4_questions.jsonl",
        "dev5_questions.jsonl",
        "eval_fresh.jsonl",
    )
    if (DATA / name).exists()
]


@pytest.fixture(scope="module")
def matcher(knowledge) -> Matcher:
    return Matcher.from_knowledge(knowledge)


@pytest.fixture(scope="module")
def intents(matcher) -> IntentDetector:
    return IntentDetector(load_intents(REPO_ROOT / "knowledge"), matcher.answers)


@pytest.fixture(scope="module")
def reports(matcher, intents, knowledge) -> dict[str, Report]:
    def intent(text: str) -> str | None:
        found = intents.detect(text)
        return found.id if found else None

    return {
        path.name: report(
            matcher, load_rows(path), intent, detect_language, set(knowledge.entries)
        )
        for path in FILES
    }


# Thresholds a set does not meet yet: strict, so a mark must go as soon as the set meets it.
# (eval_fresh.jsonl is held out: it is measured, never tuned to.)
NOT_YET = {
    ("hits", "dev2_questions.jsonl"),
    ("hits", "dev3_questions.jsonl"),
    ("hits", "dev4_questions.jsonl"),
    ("refusals", "dev4_questions.jsonl"),
    ("hits", "eval_fresh.jsonl"),
}


def _files(check: str) -> list[object]:
    return [
        pytest.param(
            p.name,
            marks=pytest.mark.xfail(strict=True, reason="below the issue's threshold so far"),
        )
        if (check, p.name) in NOT_YET
        else p.name
        for p in FILES
    ]


def test_the_sets_are_there():
    assert DATA / "eval_questions.jsonl" in FILES
    assert DATA / "dev_questions.jsonl" in FILES
    assert DATA / "dev2_questions.jsonl" in FILES


@pytest.mark.parametrize("name", _files("hits"))
def test_hits_overall_and_in_every_language(reports, name):
    rep = reports[name]
    rates = rep.all.rates()
    assert rates["hit@1"] >= 0.92
    assert rates["hit@3"] >= 0.98
    weakest = {lang: t.rates()["hit@1"] for lang, t in rep.by_lang.items() if t.questions}
    assert min(weakest.values()) >= 0.88, weakest


@pytest.mark.parametrize("name", _files("refusals"))
def test_few_confident_wrong_answers_and_out_of_scope_refused(reports, name):
    rates = reports[name].all.rates()
    assert rates["answered_wrong"] <= 0.03
    assert rates["oos_refused"] >= 0.95


@pytest.mark.parametrize("name", _files("intents"))
def test_intents_are_never_answered_with_an_entry(reports, name):
    t = reports[name].all
    assert t.intent_entry == 0
    if t.intents:
        assert t.rates()["intent_accuracy"] >= 0.9


@pytest.mark.parametrize("name", [p.name for p in FILES])
def test_the_language_switches_rarely_wrongly(reports, name):
    assert reports[name].all.rates()["wrong_switch"] <= 0.01


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_readme_example_gets_a_funding_program(matcher, intents, knowledge, lang):
    text = README_EXAMPLE[lang]
    assert intents.detect(text) is None
    result = matcher.match(text)
    assert result.confident
    assert result.best is not None
    assert knowledge.entries[result.best.entry_id].kind == "program"


@pytest.mark.parametrize(
    "text",
    ["Hallo", "Danke!", "سلام", "Merhaba", "Спасибо", "Thanks a lot", "Ciao", "Dzięki", "مرسی"],
)
def test_greetings_and_thanks_never_match_an_entry(matcher, intents, text):
    assert intents.detect(text) is not None
    assert not matcher.match(text).confident


def test_the_wir_deadline_question(matcher):
    result = matcher.match("Bis wann muss der WIR-Antrag eingereicht werden?")
    assert result.best is not None
    assert result.best.entry_id == "wir-migrantenorganisationen"
    assert result.facet == "deadline"
