"""`python -m bot ask`: answer messages as the chat would, for scripts and the coordinator.

`--json` shows what the chat shows: the first message as the member sees it, its buttons
(label and data), the offices the reply refers to, the language it is in, and what kind of
reply it is (smalltalk, feature, handover, answer, unsure, out_of_scope). Nothing is stored:
buttons that name a question carry the number 0. Deadlines come from the events catalog
(the coordinators' own dates are in the bot's database, which `ask` does not open).
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime, timedelta
from typing import Any, TextIO

from bot.ask.intents import IntentDetector
from bot.ask.pages import for_message
from bot.ask.service import first_deadline
from bot.ask.understanding import Understanding, answered_entry, referral_targets
from bot.config import Config
from bot.core.reply import Reply, visible_text
from bot.events.loader import load_events
from bot.events.occurrences import expand
from bot.i18n import Catalogs
from bot.i18n.languages import LANGUAGES
from bot.knowledge import Knowledge, load_knowledge
from bot.knowledge.intents import load_intents
from bot.matching.matcher import Matcher


class Answerer:
    """The knowledge base, matcher, intents, events and catalogs, loaded once."""

    def __init__(self, config: Config, knowledge: Knowledge | None = None) -> None:
        self.default = config.default_language
        self.timezone = config.timezone
        self.knowledge = knowledge or load_knowledge(config.knowledge_dir)
        self.matcher = Matcher.from_knowledge(self.knowledge)
        intents = IntentDetector(load_intents(config.knowledge_dir), self.matcher.answers)
        self.understanding = Understanding(self.matcher, intents)
        self.catalog = load_events(config.knowledge_dir, self.knowledge)
        self.catalogs = Catalogs(config.timezone)

    def answer(self, text: str, lang: str | None) -> dict[str, Any]:
        lang = lang or self.default
        if lang not in LANGUAGES:
            return {
                "text": text,
                "lang": lang,
                "error": f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}",
            }
        understood = self.understanding.understand(text, lang)
        t = self.catalogs.get(understood.lang)
        entry = answered_entry(understood, self.knowledge)
        deadline = None
        if entry is not None:
            today = datetime.now(self.timezone).date()
            found = expand(self.catalog, [], self.timezone, today, today + timedelta(days=365))
            deadline = first_deadline(found, entry.id)
        reply = for_message(understood, 0, t, self.knowledge, deadline)
        result = understood.result
        return {
            "text": text,
            "user_lang": lang,
            "lang": understood.lang,
            "kind": understood.kind,
            "intent": understood.intent.id if understood.intent else None,
            "matched": understood.kind == "answer",
            "answer": visible_text(reply.chunks()[0]),
            "buttons": _buttons(reply),
            "referrals": [
                {"id": e.id, "name": e.name} for e in referral_targets(understood, self.knowledge)
            ],
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


def _buttons(reply: Reply) -> list[dict[str, str]]:
    return [
        {"label": b.label, **({"url": b.url} if b.url else {"data": b.data or ""})}
        for row in reply.buttons
        for b in row
    ]


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
        stdout.write(f"[{out['kind']}, {out['lang']}]\n{out['answer']}\n\n")
        for b in out["buttons"]:
            stdout.write(f"  [{b['label']}]  {b.get('data') or b.get('url')}\n")
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
