"""Print how the bot handles the labelled question sets: per file, language and style.

python bench/eval_matching.py [--misses] [--file F ...]

Default files: tests/data/eval_questions.jsonl, dev_questions.jsonl and eval_fresh.jsonl,
those present. Figures: hit@1, hit@3, confident and right / wrong, out-of-scope refused,
intent accuracy (and intents answered with an entry, which must stay 0), wrong language
switches for a user whose current language is German and one whose is the question's.
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.ask.evaluation import README_EXAMPLE, Tally, load_rows, report  # noqa: E402
from bot.ask.intents import IntentDetector  # noqa: E402
from bot.config import Config  # noqa: E402
from bot.knowledge import load_knowledge  # noqa: E402
from bot.knowledge.intents import load_intents  # noqa: E402
from bot.matching.language import detect as detect_language  # noqa: E402
from bot.matching.matcher import Matcher  # noqa: E402

DATA = ROOT / "tests" / "data"
DEFAULT_FILES = ("eval_questions.jsonl", "dev_questions.jsonl", "eval_fresh.jsonl")
HEAD = (
    f"{'':13} {'n':>4} {'hit@1':>6} {'hit@3':>6} {'right':>6} {'wrong':>6} {'oos':>4} "
    f"{'refused':>7} {'intents':>7} {'int.ok':>6} {'int→e':>5} {'wrongsw':>7}"
)


def line(name: str, t: Tally) -> str:
    r = t.rates()
    return (
        f"{name:13} {t.questions:4d} {r['hit@1']:6.3f} {r['hit@3']:6.3f} "
        f"{r['answered_right']:6.3f} {r['answered_wrong']:6.3f} {t.oos:4d} "
        f"{r['oos_refused']:7.3f} {t.intents:7d} {r['intent_accuracy']:6.3f} "
        f"{t.intent_entry:5d} {r['wrong_switch']:7.4f}"
    )


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--file", type=Path, nargs="*", default=None)
    p.add_argument("--misses", action="store_true", help="list every miss")
    args = p.parse_args()
    files = args.file or [DATA / f for f in DEFAULT_FILES if (DATA / f).exists()]
    config = Config.from_env()
    knowledge = load_knowledge(config.knowledge_dir)
    matcher = Matcher.from_knowledge(knowledge)
    intents = IntentDetector(load_intents(config.knowledge_dir), matcher.answers)

    def intent(text: str) -> str | None:
        found = intents.detect(text)
        return found.id if found else None

    for path in files:
        rep = report(matcher, load_rows(path), intent, detect_language, set(knowledge.entries))
        t = rep.all
        print(
            f"\n== {path.name}: {t.questions} questions, {t.oos} out of scope, "
            f"{t.intents} intents, {t.skipped} skipped (entry not in this knowledge base)"
        )
        print(HEAD)
        for lang, tally in rep.by_lang.items():
            print(line(lang, tally))
        print(line("all", t))
        print(HEAD.replace(f"{'':13}", f"{'style':13}", 1))
        for style, tally in rep.by_style.items():
            print(line(style, tally))
        r = t.rates()
        print(
            f"language: wrong switches {t.wrong_switch} of {t.switches_checked} simulated "
            f"messages ({r['wrong_switch']:.2%}); switched to the question's language "
            f"{t.right_switch} of {t.should_switch} ({r['switch_recall']:.1%})"
        )
        print(f"questions taken for an intent: {t.swallowed}")
        if args.misses:
            for m in t.misses:
                what = m.get("wrong_switch") or f"got {m.get('got')} {m.get('scores', '')}"
                print(
                    f"- [{m['lang']}/{m.get('style') or m.get('note')}] {m['text']!r} "
                    f"expected {m['expected'] or m.get('intent')} {what} "
                    f"intent={m.get('got_intent')}"
                )
    print("\n== README example")
    for lang, text in README_EXAMPLE.items():
        result = matcher.match(text)
        best = knowledge.entries[result.best.entry_id] if result.best else None
        kind = best.kind if best else "-"
        print(f"{lang}: {best.id if best else None} ({kind}, confident={result.confident})")


if __name__ == "__main__":
    main()
