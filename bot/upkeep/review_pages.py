"""What the weekly review message says: per entry due for review, its name (a link to its
page), its file, and each reason with its date, in the coordinator's language."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from bot.browse.entry import deep_link
from bot.core.reply import Reply, bold, esc
from bot.i18n import Translator
from bot.knowledge import Due, Knowledge

_AS_OF = re.compile(r"as_of (\S+) \+ (\d+) year")
_AMOUNT = re.compile(r"amount (\S+) holds for (\d{4})")


def _why(t: Translator, due: Due) -> str:
    """review.py's reason in the coordinator's language (its own words as a fallback)."""
    if due.why == "review_by":
        return t.gettext("review date set in the file")
    if m := _AS_OF.match(due.why):
        years = int(m[2])
        return t.ngettext(
            "as of {as_of}, to be reviewed after {n} year",
            "as of {as_of}, to be reviewed after {n} years",
            years,
            as_of=m[1],
        )
    if m := _AMOUNT.match(due.why):
        return t.gettext(
            "amount {key} holds for {year}; the next year's amount is set at its end",
            key=m[1],
            year=m[2],
        )
    return due.why


def review_notice(
    t: Translator,
    knowledge: Knowledge,
    due: Sequence[Due],
    today: date,
    days: int,
    bot_username: str | None,
) -> Reply:
    """The weekly list: per entry (earliest first) its name, file and reasons with dates."""
    by_entry: dict[str, list[Due]] = {}
    for item in sorted(due):
        by_entry.setdefault(item.entry_id, []).append(item)
    head = t.ngettext("Due for review: {n} entry", "Due for review: {n} entries", len(by_entry))
    intro = t.gettext(
        "Their facts are overdue or due within {days} days. Please check them against the "
        "sources; correct a fact with the ✏️ button on the entry's page (tap its name), or "
        "have knowledge/ updated.",
        days=days,
    )
    lines = [bold(head), esc(intro)]
    for entry_id, items in by_entry.items():
        entry = knowledge.entries.get(entry_id)
        name = esc(entry.text(t.locale).title if entry else entry_id)
        if bot_username and entry:
            name = f'<a href="{esc(deep_link(bot_username, entry))}">{name}</a>'
        lines += ["", f"• {name} · <code>{esc(items[0].file)}</code>"]
        for item in items:
            mark = "⚠️ " if item.date < today else ""
            lines.append(f"  {mark}{esc(t.date(item.date))}: {esc(_why(t, item))}")
    return Reply("\n".join(lines))
