"""`python -m bot check [--stamp ENTRY [LANG …] | --stamp-new | --due [--days N]]`."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TextIO

from bot.knowledge.model import Problem
from bot.knowledge.reader import read_knowledge
from bot.knowledge.review import due_for_review
from bot.knowledge.stale import stale_translations
from bot.knowledge.stamp import StampError, stamp, stamp_new


def add_check_arguments(check: argparse.ArgumentParser) -> None:
    check.add_argument(
        "--stamp",
        nargs="+",
        metavar=("ENTRY", "LANG"),
        help="after updating translations: record that they translate the current German "
        "text (all eight languages when none is named)",
    )
    check.add_argument(
        "--stamp-new",
        action="store_true",
        help="stamp every translation that has no de_digest yet (new entries)",
    )
    check.add_argument(
        "--due", action="store_true", help="list the entries due for review (file, date, why)"
    )
    check.add_argument(
        "--days", type=int, default=30, help="with --due: also what is due within N days"
    )


def run_check(
    folder: Path,
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
    more_problems: Callable[[], list[Problem]] = list,
    today: date | None = None,
) -> int:
    """0 when the knowledge base is sound (stale translations are listed, not errors)."""
    if args.stamp or args.stamp_new:
        return _stamp(folder, args, out, err)
    knowledge, problems = read_knowledge(folder)
    problems = problems + more_problems()
    for problem in problems:
        print(problem, file=out)
    if args.due:
        due = due_for_review(knowledge, today or date.today(), args.days)
        for item in due:
            print(item, file=out)
        print(f"{len(due)} review(s) due within {args.days} days", file=out)
        return 1 if problems else 0
    stale = stale_translations(knowledge)
    for item in stale:
        print(item, file=out)
    if stale:
        minor = sum(s.minor for s in stale)
        print(
            f"{len(stale)} stale translation(s), {minor} of them minor edits: update them, "
            "then `python -m bot check --stamp ENTRY LANG …`",
            file=out,
        )
    if problems:
        print(f"{len(problems)} problem(s)", file=err)
        return 1
    print(f"knowledge base OK: {folder}", file=out)
    return 0


def _stamp(folder: Path, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        if args.stamp:
            entry_id, *langs = args.stamp
            done = {entry_id: stamp(folder, entry_id, langs)}
        else:
            done = stamp_new(folder)
    except StampError as exc:
        print(f"cannot stamp: {exc}", file=err)
        return 2
    for entry_id, langs in done.items():
        print(f"stamped {entry_id}: {' '.join(langs)}", file=out)
    print(f"{sum(len(v) for v in done.values())} translation(s) stamped", file=out)
    return 0
