"""The matcher: mechanics on a small synthetic knowledge base, quality on the real one."""

from pathlib import Path

import pytest

from bot.ask.evaluation import evaluate, load_rows
from bot.i18n.languages import LANGUAGES
from bot.matching.matcher import Document, Matcher

EVAL = Path(__file__).parent.parent / "data" / "eval_questions.jsonl"


@pytest.fixture(scope="module")
def small() -> Matcher:
    return Matcher(
        [
            Document(
                "rooms",
                (
                    "Vereinsraum mieten",
                    "room for our association",
                    "dernek odası",
                    "помещение для ферайна",
                ),
                names=("Räume",),
            ),
            Document(
                "culture",
                ("Kulturprojekt Förderung", "festival music theatre", "kültür festivali"),
                names=("Integration durch Kultur",),
            ),
            Document(
                "volunteers",
                ("Ehrenamtliche finden", "find volunteers", "gönüllü bulmak"),
                names=("Freiwilligenzentrum",),
            ),
        ]
    )


def _top(m: Matcher, text: str) -> str | None:
    best = m.match(text).best
    return best.entry_id if best else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vereinsraum", "rooms"),
        ("Vereinsrraum mietn", "rooms"),  # typos
        ("mieten Vereinsraum", "rooms"),  # word order
        ("derneğimizin odası", "rooms"),  # Turkish suffixes
        ("помещение ферайну", "rooms"),  # Russian inflection, German loanword in Cyrillic
        ("Frajwilligenzentrum", "volunteers"),
        ("Фрайвиллигенцентрум", "volunteers"),  # the German name written in Cyrillic
        ("festival kültür", "culture"),  # languages mixed
    ],
)
def test_typos_order_inflection_and_scripts(small, text, expected):
    assert _top(small, text) == expected


@pytest.mark.parametrize("text", ["", "🙂", "???", "qwrtzpsdfg", "x" * 5000])
def test_nothing_to_match_gives_no_match(small, text):
    assert small.match(text).matches == ()


def test_a_clear_question_is_confident_and_an_unclear_one_is_not(small):
    assert small.match("find volunteers for our festival? no: find volunteers").confident
    assert not small.match("weather tomorrow in Wiesbaden").confident


def test_scores_are_ranked_and_bounded(small):
    result = small.match("Kulturprojekt Förderung festival Vereinsraum")
    scores = [m.score for m in result.matches]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < s <= 100 for s in scores)


def test_at_most_five_matches(knowledge):
    assert len(Matcher.from_knowledge(knowledge).match("Verein Förderung Geld Amt").matches) <= 5


# --- quality on our evaluation set ----------------------------------------------------------


@pytest.fixture(scope="module")
def rows():
    return load_rows(EVAL)


def test_evaluation_set_is_big_and_varied_enough(rows):
    assert len(rows) >= 200
    for lang in LANGUAGES:
        assert sum(r["lang"] == lang for r in rows) >= 15, lang
    assert sum(not r["expected"] for r in rows) >= 20


def test_matching_quality_on_the_evaluation_set(rows, knowledge):
    ids = set(knowledge.entries)
    assert {i for r in rows for i in r["expected"]} <= ids
    tally = evaluate(Matcher.from_knowledge(knowledge), rows)["all"].rates()
    assert tally["hit@1"] >= 0.90
    assert tally["hit@3"] >= 0.97
    assert tally["oos_refused"] >= 0.90
    assert tally["answered_wrong"] <= 0.06  # a confident wrong answer costs trust
