"""What "More" shows: the rest of an entry's page after its first message (no I/O).

The rest of what the first message began (further sentences of what it is and of the next
step; the whole list of offices if it was cut), who may apply, when, who decides, help with
applying and what to prepare, the contact, and the sources with their year and whether the
coordination office has confirmed them.
"""

from __future__ import annotations

import re

from bot.browse.brief import Block
from bot.browse.entry import PageView, deadline_line, fill, first_layout, prose, who_label
from bot.core.reply import Reply, bold, esc, italic
from bot.i18n import Translator
from bot.knowledge import Entry

_SECTION_NUMBER = re.compile(r"^\d+(?:\.\d+)*")


def details_page(view: PageView) -> Reply:
    return Reply(details_text(view))


def details_text(view: PageView) -> str:
    t, entry, text = view.t, view.entry, view.text
    _, shown = first_layout(view)
    paragraphs = [bold(t.bidi(text.title))]

    def rest(name: str, units: tuple[str, ...] = ()) -> tuple[str, ...]:
        """What the first message left out of a block (all `units` if it had no such block)."""
        block = shown.get(name)
        return block.rest() if block is not None else units

    def add(label: str | None, units: tuple[str, ...], joiner: str = " ") -> None:
        if units:
            paragraphs.append(Block(units, label, joiner=joiner, shown=len(units)).render())

    add(None, rest("summary"))
    add(who_label(entry, t), rest("who", prose(text.who, entry, t)))
    add(t.gettext("Deadline or rhythm:"), rest("when", prose(text.when, entry, t)))
    if view.deadline and "deadline" not in shown:
        add(t.gettext("Next deadline:"), (deadline_line(view.deadline, t),))
    if entry.decided_by:
        add(t.gettext("Decided by:"), (t.bidi(entry.decided_by),))
    add(t.gettext("Next step:"), rest("next"))
    paragraphs += _applying(view)
    where = shown.get("where")
    if where is not None and not where.complete:
        add(t.gettext("Where to go:"), where.units, joiner="; ")
    contact = shown.get("contact")
    if contact is not None and not contact.shown:
        add(t.gettext("Contact:"), contact.units)
    paragraphs.append(italic(source_line(entry, t)))
    return "\n\n".join(paragraphs)


def _applying(view: PageView) -> list[str]:
    """For a program: who helps with the application and what to prepare."""
    t, entry, knowledge = view.t, view.entry, view.knowledge
    applying = knowledge.applying.get(entry.id)
    if applying is None:
        return []
    out = []
    helpers = [knowledge.entries[o].name for o in applying.help_from if o in knowledge.entries]
    if helpers:
        helps = t.gettext("Help with applying:")
        out.append(f"{bold(helps)} {esc(t.bidi('; '.join(helpers)))}")
    checklist = applying.checklist.get(t.locale) or applying.checklist.get("de")
    if checklist:
        prepare = t.gettext("What to prepare:")
        out.append("\n".join([bold(prepare), *(f"• {esc(fill(i, entry, t))}" for i in checklist)]))
    return out


def source_line(entry: Entry, t: Translator) -> str:
    """ "Source: <title> (<year>), sections …" for each source, then the status of the facts."""
    numbers: dict[str, list[str]] = {}
    titles: dict[str, list[str]] = {}
    sources = {}
    for c in entry.citations:
        sources[c.source.id] = c.source
        found, named = numbers.setdefault(c.source.id, []), titles.setdefault(c.source.id, [])
        number = _SECTION_NUMBER.match(c.section or "")
        if number and number.group(0) not in found:
            found.append(number.group(0))  # a footnote is its section's: "2.2 Fn. 12" is 2.2
        elif c.section and not number and c.section not in named:
            named.append(c.section)  # a section named by its heading
    cited = []
    for sid, src in sources.items():
        parts = [f"{src.title} ({src.year})"]
        numbers[sid].sort(key=lambda n: tuple(int(x) for x in n.split(".")))
        if numbers[sid]:
            parts.append(
                t.ngettext(
                    "section {sections}",
                    "sections {sections}",
                    len(numbers[sid]),
                    sections=", ".join(numbers[sid]),
                )
            )
        parts += [f"„{heading}“" for heading in titles[sid]]
        cited.append(t.bidi(", ".join(parts)))
    line = t.gettext("Source: {sources}.", sources="; ".join(cited))
    if entry.confirmed:
        status = t.gettext("As of {year}.", year=entry.as_of)
    else:
        status = t.gettext(
            "As of {year}, not yet confirmed by the coordination office: please check with "
            "it before you rely on it.",
            year=entry.as_of,
        )
    return f"{line} {status}"
