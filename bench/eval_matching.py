"""Print the matcher's quality on the evaluation set, per language.

python bench/eval_matching.py [--misses] [--file tests/data/eval_questions.jsonl]
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.ask.evaluation import evaluate, load_rows  # noqa: E402
from bot.config import Config  # noqa: E402
from bot.knowledge import load_knowledge  # noqa: E402
from bot.matching import Matcher  # noqa: E402


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--file", type=Path, default=ROOT / "tests/data/eval_questions.jsonl")
    p.add_argument("--misses", action="store_true", help="list every miss")
    args = p.parse_args()
    matcher = Matcher.from_knowledge(load_knowledge(Config.from_env().knowledge_dir))
    tallies = evaluate(matcher, load_rows(args.file))
    print(
        f"{'lang':5} {'n':>4} {'hit@1':>6} {'hit@3':>6} {'right':>6} {'wrong':>6} "
        f"{'oos':>4} {'refused':>7} {'silent':>6}"
    )
    for lang, t in tallies.items():
        r = t.rates()
        print(
            f"{lang:5} {t.questions:4d} {r['hit@1']:6.2f} {r['hit@3']:6.2f} "
            f"{r['answered_right']:6.2f} {r['answered_wrong']:6.2f} {t.oos:4d} "
            f"{r['oos_refused']:7.2f} {r['oos_silent']:6.2f}"
        )
    if args.misses:
        for m in tallies["all"].misses:
            print(
                f"- [{m['lang']}] {m['text']!r} expected {m['expected']} got {m['got']} "
                f"{m.get('scores', '')}"
            )


if __name__ == "__main__":
    main()
