"""`python -m bot <command>`: run | console | ask | check | i18n."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from bot.config import Config, ConfigError
from bot.core.logs import setup_logging
from bot.db import DatabaseError
from bot.i18n import CatalogError
from bot.knowledge import KnowledgeError, Problem
from bot.knowledge.cli import add_check_arguments


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bot", description="MO-Lotse, the MO pilot bot.")
    sub = p.add_subparsers(dest="command")
    run = sub.add_parser("run", help="run on Telegram (long polling); needs TELEGRAM_BOT_TOKEN")
    run.add_argument(
        "--webhook",
        action="store_true",
        help="receive updates by webhook (WEBHOOK_URL, WEBHOOK_SECRET, …)",
    )
    sub.add_parser("console", help="chat with the bot in this terminal, no Telegram needed")
    ask = sub.add_parser("ask", help="answer one question as the bot would")
    ask.add_argument("text", nargs="?", help="the question (omit with --batch)")
    ask.add_argument("--lang", default=None, help="answer language (default: DEFAULT_LANGUAGE)")
    ask.add_argument("--json", action="store_true", help="print a JSON object")
    ask.add_argument(
        "--batch",
        action="store_true",
        help='read JSON Lines {"text": ..., "lang": ...} from stdin',
    )
    check = sub.add_parser("check", help="validate the knowledge base and print every problem")
    add_check_arguments(check)
    backup = sub.add_parser("backup", help="write a consistent copy of the database to FILE")
    backup.add_argument("file", type=Path, help="the new backup file")
    sub.add_parser("i18n", help="re-extract messages.pot and update every .po (maintainers)")
    events = sub.add_parser("events", help="list upcoming meetings and deadlines")
    events.add_argument("--days", type=int, default=90, help="how far ahead (default 90)")
    events.add_argument("--json", action="store_true", help="print a JSON array")
    ics = sub.add_parser("ics", help="write the public calendar (.ics) of all events")
    ics.add_argument("--out", default=None, help="file to write (default: standard output)")
    report = sub.add_parser("report", help="evaluation figures of a period (annual report)")
    report.add_argument(
        "--from", dest="first", help="first day, YYYY-MM-DD (default: twelve months ago)"
    )
    report.add_argument("--to", dest="last", help="last day, YYYY-MM-DD (default: today)")
    report.add_argument(
        "--format",
        choices=("csv", "json", "html"),
        default="json",
        help="default json; html: a printable page in German with charts",
    )
    report.add_argument("--out", type=Path, default=None, help="file to write (default: stdout)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    setup_logging(verbose=args.command == "run")
    try:
        config = Config.from_env()
        return _COMMANDS[args.command or "default"](config, args)
    except ConfigError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
    except KnowledgeError as exc:
        print(f"the knowledge base is broken, not starting:\n{_problems(exc)}", file=sys.stderr)
    except (DatabaseError, CatalogError) as exc:
        print(f"error: {exc}", file=sys.stderr)
    except KeyboardInterrupt:
        return 130
    return 2


def _problems(exc: KnowledgeError) -> str:
    return "\n".join(f"  {p}" for p in exc.problems)


def _default(config: Config, args: argparse.Namespace) -> int:
    if config.telegram_token:
        return _run(config, args)
    print(
        "No TELEGRAM_BOT_TOKEN set: starting the local console chat. "
        "To run on Telegram, set it (see .env.example) and use `python -m bot run`."
    )
    return _console(config, args)


def _run(config: Config, args: argparse.Namespace) -> int:
    from bot.app import run_polling, run_webhook
    from bot.config import WebhookConfig

    config.require_token()
    if getattr(args, "webhook", False):
        run_webhook(config, WebhookConfig.from_env())
    else:
        run_polling(config)
    return 0


def _console(config: Config, args: argparse.Namespace) -> int:
    import asyncio

    from bot.local.console import run_console

    asyncio.run(run_console(config, sys.stdin, sys.stdout))
    return 0


def _ask(config: Config, args: argparse.Namespace) -> int:
    from bot.ask.cli import run_ask

    return run_ask(config, args, sys.stdin, sys.stdout)


def _check(config: Config, args: argparse.Namespace) -> int:
    from bot.events.loader import check_events
    from bot.figures.city import check_city
    from bot.knowledge.cli import run_check
    from bot.knowledge.intents import check_intents
    from bot.knowledge.reader import read_knowledge

    folder = config.knowledge_dir

    def more() -> list[Problem]:
        city = check_city(folder, read_knowledge(folder)[0])
        return check_events(folder) + check_intents(folder) + city

    return run_check(folder, args, sys.stdout, sys.stderr, more)


def _backup(config: Config, args: argparse.Namespace) -> int:
    from bot.db.backup import backup

    result = backup(config.database_path, args.file)
    print(
        f"backup written: {result.path} (schema version {result.schema_version}, "
        f"{result.users} users)"
    )
    return 0


def _i18n(config: Config, args: argparse.Namespace) -> int:
    from bot.i18n.catalog import update_catalogs

    for line in update_catalogs():
        print(line)
    return 0


def _events(config: Config, args: argparse.Namespace) -> int:
    from bot.events.cli import run_events

    return run_events(config, args.days, args.json, sys.stdout)


def _ics(config: Config, args: argparse.Namespace) -> int:
    from bot.events.cli import run_ics

    return run_ics(config, args.out, sys.stdout)


def _report(config: Config, args: argparse.Namespace) -> int:
    from bot.figures.cli import run_report

    return run_report(config, args.first, args.last, args.format, sys.stdout, sys.stderr, args.out)


_COMMANDS: dict[str, Callable[[Config, argparse.Namespace], int]] = {
    "default": _default,
    "run": _run,
    "backup": _backup,
    "console": _console,
    "ask": _ask,
    "check": _check,
    "i18n": _i18n,
    "events": _events,
    "ics": _ics,
    "report": _report,
}

if __name__ == "__main__":
    sys.exit(main())
