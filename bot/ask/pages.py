"""Compose what the bot says about knowledge entries and match results (no I/O)."""

from __future__ import annotations

from bot.browse.glossary import glossary_buttons
from bot.core.reply import Button, Reply, bold, esc, italic
from bot.home.pages import back_to_menu
from bot.i18n import Translator
from bot.knowledge import Entry, Knowledge
from bot.matching import MatchResult

MAX_LABEL = 60


def fill(text: str, entry: Entry, t: Translator) -> str:
    """Prose with its fact placeholders formatted for the reader's locale."""
    values: dict[str, str] = {k: t.money(a.eur) for k, a in entry.amounts.items()}
    values.update({k: t.date(d) for k, d in entry.dates.items()})
    return t.bidi(text.format(**values) if values else text)


def label(entry: Entry, t: Translator) -> str:
    title = entry.text(t.locale).title
    return title if len(title) <= MAX_LABEL else title[: MAX_LABEL - 1] + "…"


def entry_text(entry: Entry, t: Translator, knowledge: Knowledge) -> str:
    """The full page of an entry: facts, who, when, next step, where to go, source."""
    text = entry.text(t.locale)
    lines = [bold(text.title)]
    if entry.name != text.title:
        lines.append(italic(t.bidi(entry.name)))
    lines += ["", esc(fill(text.summary, entry, t))]
    labelled = [
        (
            t.gettext("Who may apply:")
            if entry.kind == "program"
            else t.gettext("Who takes part:")
            if entry.kind == "network"
            else t.gettext("For whom:"),
            text.who,
        ),
        (t.gettext("Deadline or rhythm:"), text.when),
        (t.gettext("Decided by:"), t.bidi(entry.decided_by) if entry.decided_by else None),
        (t.gettext("Next step:"), text.next_step),
    ]
    for name, value in labelled:
        if value:
            lines += ["", f"{bold(name)} {esc(fill(value, entry, t))}"]
    lines += _applying_lines(entry, t, knowledge)
    offices = [knowledge.entries[o] for o in entry.offices if o in knowledge.entries]
    if offices:
        names = "; ".join(t.bidi(o.name) for o in offices)
        where = t.gettext("Where to go:")
        lines += ["", f"{bold(where)} {esc(names)}"]
    if entry.contact and (entry.contact.web or entry.contact.email):
        parts = [p for p in (entry.contact.web, entry.contact.email) if p]
        contact = t.gettext("Contact:")
        lines += ["", f"{bold(contact)} {esc(t.bidi(' · '.join(parts)))}"]
    lines += ["", italic(_source_line(entry, t))]
    return "\n".join(lines)


def _applying_lines(entry: Entry, t: Translator, knowledge: Knowledge) -> list[str]:
    """For a program: who helps with the application and what to prepare."""
    applying = knowledge.applying.get(entry.id)
    if applying is None:
        return []
    lines = []
    helpers = [knowledge.entries[o].name for o in applying.help_from if o in knowledge.entries]
    if helpers:
        helps = t.gettext("Help with applying:")
        lines += ["", f"{bold(helps)} {esc(t.bidi('; '.join(helpers)))}"]
    checklist = applying.checklist.get(t.locale) or applying.checklist.get("de")
    if checklist:
        prepare = t.gettext("What to prepare:")
        lines += ["", bold(prepare), *(f"• {esc(fill(item, entry, t))}" for item in checklist)]
    return lines


def _source_line(entry: Entry, t: Translator) -> str:
    sections: dict[str, list[str]] = {}
    sources = {}
    for c in entry.citations:
        sources[c.source.id] = c.source
        sections.setdefault(c.source.id, [])
        if c.section:
            sections[c.source.id].append(c.section)
    cited = []
    for sid, src in sources.items():
        where = ", ".join([src.title, *sections[sid]])
        cited.append(t.bidi(f"{where} ({src.year})"))
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


def for_result(
    result: MatchResult, question_id: int, t: Translator, knowledge: Knowledge
) -> Reply:
    """The reply to a free-text question, by how sure the match is."""
    matches = [m for m in result.matches if m.entry_id in knowledge.entries]
    if result.confident and matches:
        best = knowledge.entries[matches[0].entry_id]
        others = [knowledge.entries[m.entry_id] for m in matches[1:3]]
        buttons = tuple(
            (Button(t.gettext("Also: {title}", title=label(e, t)), f"c:{question_id}:{e.id}"),)
            for e in others
        )
        text = entry_text(best, t, knowledge)
        buttons += tuple(glossary_buttons(best, text, knowledge))
        buttons += ((Button(t.pgettext("button", "Not what I meant"), f"nm:{question_id}"),),)
        return Reply(text, buttons)
    if matches:
        return suggestions(
            [knowledge.entries[m.entry_id] for m in matches[:3]],
            question_id,
            t,
            esc(t.gettext("I am not sure I understood. Do you mean one of these?")),
        )
    text = "\n".join(
        [
            esc(t.gettext("I have no answer to that.")),
            "",
            esc(
                t.gettext(
                    "I know about funding programs, city offices and networks for migrant "
                    "organisations in Wiesbaden. You can put your question differently, "
                    "look through the menu, or pass it to the coordination office."
                )
            ),
        ]
    )
    return Reply(text, ((hand_over_button(question_id, t),), (back_to_menu(t),)))


def suggestions(entries: list[Entry], question_id: int, t: Translator, intro: str) -> Reply:
    buttons = tuple((Button(label(e, t), f"c:{question_id}:{e.id}"),) for e in entries)
    return Reply(intro, (*buttons, (hand_over_button(question_id, t),)))


def hand_over_button(question_id: int, t: Translator) -> Button:
    return Button(t.pgettext("button", "Ask the coordination office"), f"ho:{question_id}")
