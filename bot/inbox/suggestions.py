"""An answered inbox question saved as a suggested knowledge entry, for review.

The file goes to REVIEW_DIR (default knowledge/review/, git-ignored, never loaded by the
bot). It follows knowledge/README.md as far as one answer allows and says plainly that it
is unreviewed: a person must check the facts, cite sources, write all nine languages and
move it into knowledge/faq/ before the bot uses it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from bot.core.reply import visible_text
from bot.db.inbox import OpenQuestion
from bot.knowledge.tomlwrite import toml_string

HEADER = """\
# UNREVIEWED suggestion from the coordination office's inbox: NOT part of the knowledge base.
# The bot does not load this folder. Before publishing: check every fact against a source in
# knowledge/sources.toml and cite it, remove anything personal from the question, write the
# texts in all nine languages with triggers (see knowledge/README.md), give it a proper id,
# move it to knowledge/faq/<id>.toml and run `python -m bot check`.
"""


def _s(value: str) -> str:
    """A TOML basic string (control characters, DEL included, escaped: JSON leaves DEL as it
    is, which TOML forbids)."""
    return toml_string(value)


def render(q: OpenQuestion, now: datetime) -> str:
    answer = visible_text(q.answer or "")
    lines = [
        HEADER,
        'status = "unreviewed"',
        f'id = "inbox-{q.id}"',
        'name = ""',
        "topics = []",
        "confirmed = false",
        f"as_of = {_s(now.date().isoformat())}",
        "sources = []  # cite what the answer rests on",
        "",
        "[suggestion]",
        f"question_no = {q.id}",
        f"language = {_s(q.locale)}",
        f"asked_on = {_s(q.created_at[:10])}",
        f"answered_on = {_s((q.answered_at or now.isoformat())[:10])}",
        f"question = {_s(q.text)}",
        f"answer = {_s(answer)}",
        "",
        f"[text.{q.locale}]",
        'title = ""',
        f"summary = {_s(answer)}",
        'next_step = ""',
        f"triggers = [{_s(q.text)}]",
        "",
    ]
    return "\n".join(lines)


def save(review_dir: Path, q: OpenQuestion, now: datetime) -> Path:
    """Write (or overwrite) the suggestion for this question; returns the file."""
    review_dir.mkdir(parents=True, exist_ok=True)
    path = review_dir / f"inbox-{q.id}.toml"
    path.write_text(render(q, now), encoding="utf-8")
    return path
