"""`python -m bot ask`: answer questions as the bot would, for scripts and the coordinator."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from bot.ask.pages import for_result
from bot.config import Config
from bot.core.reply import visible_text
from bot.i18n import Catalogs
from bot.i18n.languages import LANGUAGES
from bot.knowledge import Knowledge, load_knowledge
from bot.matching.matcher import Matcher


class Answerer:
    """The knowledge base, matcher and catalogs, loaded once for many questions."""

    def __init__(self, config: Config, knowledge: Knowledge | None = None) -> None:
        self.default = config.default_language
        self.knowledge = knowledge or load_knowledge(config.knowledge_dir)
        self.matcher = Matcher.from_knowledge(self.knowledge)
        self.catalogs = Catalogs(config.timezone)

    def answer(self, text: str, lang: str | None) -> dict[str, Any]:
        lang = lang or self.default
        if lang not in LANGUAGES:
            return {
                "text": text,
                "lang": lang,
                "error": f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}",
            }
        result = self.matcher.match(text)
        reply = for_result(result, 0, self.catalogs.get(lang), self.knowledge)
        return {
            "text": text,
            "lang": lang,
            "matched": result.confident,
            "answer": visible_text(reply.text),
            "matches": [
                {
                    "id": m.entry_id,
                    "kind": self.knowledge.entries[m.entry_id].kind,
                    "name": self.knowledge.entries[m.entry_id].name,
                    "score": m.score,
                }
                for m in result.matches
            ],
        }


def run_ask(config: Config, args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    answerer = Answerer(config)
    if args.batch:
        for line in stdin:
            if not line.strip():
                continue
            out = _batch_line(answerer, line, args.lang)
            stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
            stdout.flush()
        return 0
    if not args.text:
        print("ask: give the question as an argument, or use --batch", file=stdout)
        return 2
    out = answerer.answer(args.text, args.lang)
    if args.json:
        stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    elif "error" in out:
        stdout.write(f"error: {out['error']}\n")
    else:
        stdout.write(out["answer"] + "\n\n")
        for m in out["matches"]:
            stdout.write(f"  {m['score']:5.1f}  {m['id']} ({m['kind']}): {m['name']}\n")
    return 2 if "error" in out else 0


def _batch_line(answerer: Answerer, line: str, default_lang: str | None) -> dict[str, Any]:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"error": f"not JSON: {exc.msg}"}
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        return {"error": 'each line must be an object with a "text" string'}
    lang = item.get("lang") or default_lang
    return answerer.answer(item["text"], lang if isinstance(lang, str) else None)
