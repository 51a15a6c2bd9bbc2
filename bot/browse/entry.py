"""The page of one knowledge entry: its text, its glossary words, its buttons (no I/O)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from bot.browse import View
from bot.core.reply import Button, Reply, bold, esc, italic
from bot.home import Menu
from bot.home.pages import back_to_menu
from bot.i18n import Translator
from bot.knowledge import Entry, Knowledge
from bot.matching.normalize import normalize

DEEP_LINK_PREFIX = "e_"  # /start e_<entry id> opens the entry's page


@dataclass(frozen=True)
class PageLinks:
    """What a page may link to beyond the knowledge base itself."""

    bot_username: str | None = None  # for the share button's t.me deep link
    remind: str | None = None  # the button data of "remind me", for entries with deadlines
    fix: str | None = None  # coordinators only: the button data of "correct a fact"


def deep_link(bot_username: str, entry: Entry) -> str:
    return f"https://t.me/{bot_username}?start={DEEP_LINK_PREFIX}{entry.id}"


def entry_page(
    entry: Entry, t: Translator, knowledge: Knowledge, links: PageLinks = PageLinks()
) -> Reply:
    """An entry's page: its text; offices, glossary words, remind me, share, back."""
    text = entry_text(entry, t, knowledge)
    rows: list[tuple[Button, ...]] = [
        (Button(label(knowledge.entries[o], t), View(o).data()),)
        for o in entry.offices
        if o in knowledge.entries
    ]
    rows += glossary_buttons(entry, text, knowledge)
    if links.remind is not None and entry.kind == "program":
        rows.append((Button(t.pgettext("button", "Remind me of the deadline"), links.remind),))
    if links.fix is not None:
        rows.append((Button(t.pgettext("button", "✏️ Correct a fact"), links.fix),))
    if links.bot_username:
        url = deep_link(links.bot_username, entry)
        share = f"https://t.me/share/url?url={quote(url, safe='')}&text={quote(label(entry, t))}"
        rows.append((Button(t.pgettext("button", "Share"), url=share),))
    back = (
        Button(t.pgettext("button", "All programs"), Menu("programs").data())
        if entry.kind == "program"
        else back_to_menu(t)
    )
    rows.append((back,))
    return Reply(text, tuple(rows))


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


def glossary_for(text: str, knowledge: Knowledge, exclude: str = "") -> list[Entry]:
    """Glossary entries whose German term the text uses."""
    haystack = f" {normalize(text, limit=None)} "
    return [
        g
        for g in knowledge.of_kind("glossary")
        if g.id != exclude and any(f" {normalize(term)} " in haystack for term in g.terms)
    ]


def glossary_buttons(entry: Entry, shown: str, knowledge: Knowledge) -> list[tuple[Button, ...]]:
    """A "❓ term" button for every glossary word on the page, two to a row.

    The German terms stand in the German text of the entry, and often in the reader's
    language too, so both are searched.
    """
    german = entry.texts["de"]
    text = " ".join(
        filter(None, (shown, german.summary, german.who, german.when, german.next_step))
    )
    words = glossary_for(text, knowledge, exclude=entry.id)
    return [
        tuple(Button(f"❓ {g.name}", View(g.id).data()) for g in words[i : i + 2])
        for i in range(0, len(words), 2)
    ]
