"""Speed of answering: the matcher alone, `ask --batch` end to end, and start-up.

    python bench/bench_matching.py [--n 1000]

Prints matcher p50/p99 (target p99 ≤ 5 ms with the full knowledge base), the same for all
a message goes through before an answer is composed (intent, language of the question,
matcher, facet), questions per second through `python -m bot ask --json --batch`, and process
start to first answer (target ≤ 1 s), each with its ratio to the target. Wall-clock figures
include waiting for a CPU on a busy machine; the matcher is also timed in CPU time, and on
long messages (stories of the development sets, each read twice: whole and its question).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.ask.evaluation import load_rows  # noqa: E402
from bot.ask.intents import IntentDetector  # noqa: E402
from bot.config import Config  # noqa: E402
from bot.knowledge import load_knowledge  # noqa: E402
from bot.knowledge.intents import load_intents  # noqa: E402
from bot.matching.focus import LONG_TEXT  # noqa: E402
from bot.matching.language import detect as detect_language  # noqa: E402
from bot.matching.matcher import Matcher  # noqa: E402


def questions(n: int) -> list[dict[str, str]]:
    """n questions cycled from the evaluation set, each made unique so no cache helps."""
    rows = load_rows(ROOT / "tests/data/eval_questions.jsonl")
    return [
        {"text": f"{rows[i % len(rows)]['text']} {i}", "lang": rows[i % len(rows)]["lang"]}
        for i in range(n)
    ]


def long_messages(n: int) -> list[dict[str, str]]:
    """n long messages (stories) cycled from the development sets, each made unique."""
    rows = [
        row
        for name in ("dev_questions.jsonl", "dev2_questions.jsonl")
        for row in load_rows(ROOT / "tests/data" / name)
        if len(row["text"]) >= LONG_TEXT
    ]
    return [
        {"text": f"{rows[i % len(rows)]['text']} {i}", "lang": rows[i % len(rows)]["lang"]}
        for i in range(n)
    ]


def matcher_latency(
    items: list[dict[str, str]],
    pipeline: bool = False,
    clock: Callable[[], float] = time.perf_counter,
) -> tuple[float, float]:
    """Matcher p50/p99 in ms; with `pipeline`, intent and language detection included;
    `clock`: time.thread_time for CPU time."""
    config = Config.from_env()
    matcher = Matcher.from_knowledge(load_knowledge(config.knowledge_dir))
    intents = IntentDetector(load_intents(config.knowledge_dir), matcher.answers)
    detect_language("Dove possiamo trovare i soldi?", "de")  # load the language models once
    times = []
    for item in items:
        start = clock()
        if not pipeline:
            matcher.match(item["text"])
        else:
            detect_language(item["text"], "de")
            if intents.detect(item["text"]) is None:
                matcher.match(item["text"])
        times.append((clock() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.99 * (len(times) - 1))]


def batch_rate(items: list[dict[str, str]]) -> float:
    payload = "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", "--batch"],
        input=payload,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ),
        check=True,
    )
    elapsed = time.perf_counter() - start
    assert len(done.stdout.splitlines()) == len(items)
    return len(items) / elapsed


def startup() -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "bot", "ask", "Vereinsraum Förderung", "--json"],
        capture_output=True,
        check=True,
        cwd=ROOT,
    )
    return time.perf_counter() - start


def measure(n: int = 1000, starts: int = 3) -> dict[str, float]:
    """The figures for `python -m bench`."""
    items = questions(n)
    p50, p99 = matcher_latency(items)
    return {
        "match_p50_ms": p50,
        "match_p99_ms": p99,
        "ask_p99_ms": matcher_latency(items, pipeline=True)[1],
        "ask_batch_per_s": batch_rate(items),
        "startup_s": min(startup() for _ in range(starts)),
    }


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--n", type=int, default=1000)
    args = p.parse_args()
    items = questions(args.n)
    p50, p99 = matcher_latency(items)
    all_p50, all_p99 = matcher_latency(items, pipeline=True)
    cpu_p50, cpu_p99 = matcher_latency(items, clock=time.thread_time)
    long_p50, long_p99 = matcher_latency(long_messages(args.n))
    rate = batch_rate(items)
    start_s = min(startup() for _ in range(3))
    print(f"matcher p50            {p50:8.2f} ms")
    print(f"matcher p99            {p99:8.2f} ms   (target 5 ms: ratio {p99 / 5:.2f})")
    print(f"matcher in CPU time    {cpu_p50:8.2f} ms p50, {cpu_p99:.2f} ms p99")
    print(f"matcher, long messages {long_p50:8.2f} ms p50, {long_p99:.2f} ms p99")
    print(
        f"intent+language+match  {all_p50:8.2f} ms p50, {all_p99:.2f} ms p99 "
        f"(ratio {all_p99 / 5:.2f})"
    )
    print(f"ask --batch            {rate:8.0f} questions/s over {args.n}")
    print(f"start to first answer  {start_s:8.2f} s    (target 1 s: ratio {start_s:.2f})")


if __name__ == "__main__":
    main()
