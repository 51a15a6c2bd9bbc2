"""The page of one knowledge entry: a short first message and its buttons (no I/O).

The first message (at most brief.FIRST_MESSAGE visible characters in every language) states
the title, the fact asked for first (the question's facet: a deadline, an amount, who may
apply, whom to contact), what the entry is, the next step and where to go. The rest (who may
apply, when, the checklist, help with applying, the sources) is behind "More" (details.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final
from urllib.parse import quote

from bot.browse import More, Page, ViewIn
from bot.browse.brief import Block, Layout, fit, sentences
from bot.core.reply import Button, Reply
from bot.home import Menu
from bot.home.pages import back_to_menu
from bot.i18n import Translator
from bot.knowledge import Entry, EntryText, Knowledge
from bot.matching.normalize import normalize

DEEP_LINK_PREFIX = "e_"  # /start e_<entry id> opens the entry's page
FACETS: Final = ("deadline", "amount", "eligibility", "contact")
NO_FACET: Final = "x"  # in button data: the first message put no fact first
MAX_LABEL = 60


@dataclass(frozen=True)
class PageLinks:
    """What a page may link to beyond the knowledge base itself."""

    bot_username: str | None = None  # for the share button's t.me deep link
    remind: str | None = None  # the button data of "remind me", for entries with deadlines
    fix: str | None = None  # coordinators only: the button data of "correct a fact"


@dataclass(frozen=True)
class NextDeadline:
    """The next deadline of a program from the events (catalog or the office's dates)."""

    day: date
    tentative: bool  # rests on an unconfirmed source: the page says so


@dataclass(frozen=True)
class PageView:
    """What one page is built from: the entry, the reader's language, the fact asked for."""

    entry: Entry
    t: Translator
    knowledge: Knowledge
    facet: str | None = None
    deadline: NextDeadline | None = None

    @property
    def text(self) -> EntryText:
        return self.entry.text(self.t.locale)


def deep_link(bot_username: str, entry: Entry) -> str:
    return f"https://t.me/{bot_username}?start={DEEP_LINK_PREFIX}{entry.id}"


def fill(text: str, entry: Entry, t: Translator) -> str:
    """Prose with its fact placeholders formatted for the reader's locale.

    An amount set anew every year shows the year it holds for: "200 € (2020)".
    """
    values: dict[str, str] = {
        k: f"{t.money(a.eur)} ({a.year})" if a.year else t.money(a.eur)
        for k, a in entry.amounts.items()
    }
    values.update({k: t.date(d) for k, d in entry.dates.items()})
    return t.bidi(text.format(**values) if values else text)


def label(entry: Entry, t: Translator) -> str:
    """The entry's title on a button (isolated where a right-to-left title starts in Latin)."""
    title = entry.text(t.locale).title
    return t.bidi(title if len(title) <= MAX_LABEL else title[: MAX_LABEL - 1] + "…")


def who_label(entry: Entry, t: Translator) -> str:
    if entry.kind == "program":
        return t.gettext("Who may apply:")
    if entry.kind == "network":
        return t.gettext("Who takes part:")
    return t.gettext("For whom:")


def deadline_line(deadline: NextDeadline, t: Translator) -> str:
    day = t.date(deadline.day)
    if deadline.tentative:
        return t.gettext("{date} (to be confirmed)", date=day)
    return day


def prose(text: str | None, entry: Entry, t: Translator) -> tuple[str, ...]:
    return tuple(fill(s, entry, t) for s in sentences(text or ""))


def _amount_sentences(view: PageView) -> tuple[tuple[str, ...], set[str]]:
    """The sentences that state an amount (filled), and the raw ones, to leave them out
    of the summary below."""
    keys = set(view.entry.amounts)
    text = view.text
    raw = [
        s
        for field in (text.summary, text.who, text.when, text.next_step)
        for s in sentences(field or "")
        if any(f"{{{k}}}" in s for k in keys)
    ]
    return tuple(fill(s, view.entry, view.t) for s in dict.fromkeys(raw)), set(raw)


def head_blocks(view: PageView) -> list[Block]:
    t, entry = view.t, view.entry
    blocks = [Block((t.bidi(view.text.title),), style="bold")]
    if entry.name != view.text.title:
        blocks.append(Block((t.bidi(entry.name),), style="italic", required=False))
    if entry.is_stale(t.locale):
        note = t.gettext("This translation may be out of date; the German text is the reference.")
        blocks.append(Block((note,), style="italic"))
    return blocks


def body_blocks(view: PageView) -> dict[str, Block]:
    """The blocks of the first message by name, in the order it shows them."""
    t, entry, text = view.t, view.entry, view.text
    offices = [view.knowledge.entries[o] for o in entry.offices if o in view.knowledge.entries]
    # what a program pays is one of its key facts, asked for or not
    wants_amount = view.facet == "amount" or (view.facet is None and entry.kind == "program")
    amounts, amount_raw = _amount_sentences(view) if wants_amount else ((), set())
    summary = tuple(
        fill(s, entry, t) for s in sentences(text.summary) if s not in amount_raw
    ) or prose(text.summary, entry, t)
    where = Block(tuple(t.bidi(o.name) for o in offices), t.gettext("Where to go:"), joiner="; ")
    contact = None
    if entry.contact and (entry.contact.web or entry.contact.email):
        parts = [p for p in (entry.contact.web, entry.contact.email) if p]
        contact = Block((t.bidi(" · ".join(parts)),), t.gettext("Contact:"), required=False)
    deadline = (
        Block((deadline_line(view.deadline, t),), t.gettext("Next deadline:"))
        if view.deadline
        else None
    )
    facts: dict[str, Block | None] = {}
    if view.facet == "deadline":
        facts["when"] = Block(prose(text.when, entry, t), t.gettext("Deadline or rhythm:"))
        facts["deadline"] = deadline
    elif view.facet == "amount":
        facts["amount"] = Block(amounts, t.gettext("Amount:"))
    elif view.facet == "eligibility":
        facts["who"] = Block(prose(text.who, entry, t), who_label(entry, t))
    elif view.facet == "contact":
        facts["where"], facts["contact"] = where, contact
    blocks: dict[str, Block | None] = {
        **facts,
        "summary": Block(summary),
        "amount": facts.get("amount", Block(amounts, t.gettext("Amount:"))),
        "deadline": facts.get("deadline", deadline),
        "next": Block(prose(text.next_step, entry, t), t.gettext("Next step:")),
        "where": facts.get("where", where),
        "contact": facts.get("contact", contact),
    }
    return {k: b for k, b in blocks.items() if b is not None and b.units}


# Which blocks take further sentences first: the fact asked for, whom to contact, what it is.
_FILL_ORDER: Final = ("when", "amount", "who", "deadline", "where", "contact", "summary", "next")


def first_layout(view: PageView) -> tuple[Layout, dict[str, Block]]:
    """The first message and, by name, its blocks as shown (for "More": what is left)."""
    blocks = body_blocks(view)
    names = sorted(blocks, key=_FILL_ORDER.index)
    layout = fit(head_blocks(view), [blocks[n] for n in names])
    shown = dict(zip(names, layout.body, strict=True))
    ordered = tuple(shown[n] for n in blocks)  # back into the order shown
    return Layout(layout.head, ordered), shown


def brief_text(view: PageView) -> str:
    return first_layout(view)[0].html()


def more_button(view: PageView) -> Button:
    facet = view.facet if view.facet in FACETS else NO_FACET
    more = More(view.entry.id, view.t.locale, facet or NO_FACET)
    return Button(view.t.pgettext("button", "More"), more.data())


def page_top_buttons(view: PageView) -> list[tuple[Button, ...]]:
    """More, and the German text where the translation may be out of date."""
    rows: list[tuple[Button, ...]] = [(more_button(view),)]
    if view.entry.is_stale(view.t.locale):
        german = view.t.pgettext("button", "German text")
        rows[0] += (Button(german, Page(view.entry.id, "de").data()),)
    return rows


def entry_page(view: PageView, links: PageLinks = PageLinks()) -> Reply:
    """An entry's page: the first message; More, offices, glossary, remind me, share, back."""
    entry, t, knowledge = view.entry, view.t, view.knowledge
    text = brief_text(view)
    rows = page_top_buttons(view)
    rows += [
        (Button(label(knowledge.entries[o], t), ViewIn(o, t.locale).data()),)
        for o in entry.offices
        if o in knowledge.entries
    ]
    rows += glossary_buttons(entry, text, knowledge, t.locale)
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


def glossary_for(text: str, knowledge: Knowledge, exclude: str = "") -> list[Entry]:
    """Glossary entries whose German term the text uses."""
    haystack = f" {normalize(text, limit=None)} "
    return [
        g
        for g in knowledge.of_kind("glossary")
        if g.id != exclude and any(f" {normalize(term)} " in haystack for term in g.terms)
    ]


def glossary_buttons(
    entry: Entry, shown: str, knowledge: Knowledge, lang: str
) -> list[tuple[Button, ...]]:
    """A "❓ term" button for every glossary word of the entry and its details, two to a row,
    opening in `lang`, the language of the page it is under.

    The German terms stand in the German text of the entry (and its checklist), and often in
    the reader's language too, so both are searched.
    """
    german = entry.texts["de"]
    applying = knowledge.applying.get(entry.id)
    checklist = applying.checklist.get("de", ()) if applying else ()
    text = " ".join(
        filter(None, (shown, german.summary, german.who, german.when, german.next_step))
    )
    text = " ".join([text, *checklist])
    words = glossary_for(text, knowledge, exclude=entry.id)
    return [
        tuple(Button(f"❓ {g.name}", ViewIn(g.id, lang).data()) for g in words[i : i + 2])
        for i in range(0, len(words), 2)
    ]
