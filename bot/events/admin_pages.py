"""What the coordinator's event conversation shows at each step (no I/O)."""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from bot.core.reply import Button, Reply, bold, esc
from bot.core.typed_values import MAX_TEXT
from bot.db.events import StoredEvent
from bot.events import Desk, DeskEvent, DeskField, DeskSeries, drafts, pages
from bot.events.catalog import EventCatalog
from bot.events.drafts import Draft
from bot.events.occurrences import Occurrence, from_stored
from bot.i18n import Translator
from bot.knowledge import Knowledge

Rows = tuple[tuple[Button, ...], ...]


def _nav(t: Translator) -> tuple[Button, ...]:
    return (
        Button(t.pgettext("button", "Back"), Desk("back").data()),
        Button(t.pgettext("button", "Close"), Desk("x").data()),
    )


def desk_menu(
    t: Translator, dates: Sequence[Occurrence], catalog: EventCatalog, knowledge: Knowledge
) -> Reply:
    text = esc(
        t.gettext(
            "Dates set by the coordination office. Choose one to change or cancel it, "
            "or add a new one:"
        )
    )
    buttons = tuple(
        (
            Button(
                f"{pages.short_when(t, o)} · {pages.title(t, o, catalog, knowledge)}"[:60],
                DeskEvent(int(o.event_key.removeprefix("d."))).data(),
            ),
        )
        for o in dates
        if o.event_key.startswith("d.")
    )
    add = Button(t.pgettext("button", "Add a date"), Desk("add").data())
    return Reply(
        text, (*buttons[:20], (add,), (Button(t.pgettext("button", "Close"), Desk("x").data()),))
    )


def draft_occurrence(draft: Draft, catalog: EventCatalog, tz: ZoneInfo) -> Occurrence | None:
    if draft.day is None:
        return None
    stored = StoredEvent(
        id=draft.event_id or 0,
        series=draft.series,
        entry_id=draft.entry_id,
        title=draft.title,
        day=draft.day,
        start_time=draft.start_time,
        place=draft.place,
        note=draft.note,
        status="active",
        revision=0,
        created_at="",
        updated_at="",
    )
    return from_stored(stored, catalog, tz)


def _summary(
    t: Translator, draft: Draft, catalog: EventCatalog, knowledge: Knowledge
) -> list[str]:
    occ = draft_occurrence(draft, catalog, t.timezone)
    if occ is None:
        return []
    return [bold(pages.title(t, occ, catalog, knowledge)), *pages.facts(t, occ), ""]


def prompt(
    t: Translator,
    state: int,
    draft: Draft,
    catalog: EventCatalog,
    knowledge: Knowledge,
    error: bool = False,
) -> Reply:
    """The page for one step; `error` when the typed input could not be used."""
    if state == drafts.SERIES:
        text = t.gettext("Which series does the date belong to?")
        series = sorted(catalog.events.values(), key=lambda e: (e.kind, e.id))
        rows: Rows = tuple(
            (Button(t.bidi(e.text(t.locale).title)[:60], DeskSeries(e.id).data()),) for e in series
        )
        other = Button(t.pgettext("button", "Other (own title)"), DeskSeries("-").data())
        return Reply(esc(text), (*rows, (other,), _nav(t)))
    if state == drafts.TITLE:
        return _typed(t, t.gettext("Type the title of the date:"), error)
    if state == drafts.DAY:
        if error:
            message = t.gettext(
                "That is not a date I can use. Please type a date from today on, like 24.03.2027."
            )
            return Reply(esc(message), (_nav(t),))
        return Reply(esc(t.gettext("Type the date, e.g. 24.03.2027:")), (_nav(t),))
    if state == drafts.TIME:
        text = (
            t.gettext("That is not a time I can read. Please type it like 18:30.")
            if error
            else t.gettext("Type the start time, e.g. 18:30, or choose “All day”:")
        )
        return Reply(
            esc(text), ((Button(t.pgettext("button", "All day"), Desk("allday").data()),), _nav(t))
        )
    if state == drafts.PLACE:
        return _typed(t, t.gettext("Type the place, or skip:"), error, skip=True)
    if state == drafts.NOTE:
        text = t.gettext(
            "Type a short note for the subscribers (for example the agenda), or skip:"
        )
        return _typed(t, text, error, skip=True)
    lines = _summary(t, draft, catalog, knowledge)
    if state == drafts.EVENT:
        lines.append(esc(t.gettext("What do you want to change?")))
        fields = (
            (
                Button(t.pgettext("button", "Date"), DeskField("day").data()),
                Button(t.pgettext("button", "Time"), DeskField("time").data()),
            ),
            (
                Button(t.pgettext("button", "Place"), DeskField("place").data()),
                Button(t.pgettext("button", "Note"), DeskField("note").data()),
            ),
            (Button(t.pgettext("button", "Cancel this date"), Desk("cancel").data()),),
        )
        return Reply("\n".join(lines), (*fields, _nav(t)))
    if state == drafts.CANCEL:
        lines.append(esc(t.gettext("Cancel this date? Subscribers are told.")))
        yes = Button(t.pgettext("button", "Yes, cancel it"), Desk("yes").data())
        return Reply("\n".join(lines), ((yes,), _nav(t)))
    lines.append(esc(t.gettext("Please check and save. Subscribers are told.")))
    return Reply(
        "\n".join(lines), ((Button(t.pgettext("button", "Save"), Desk("save").data()),), _nav(t))
    )


def _typed(t: Translator, text: str, error: bool, skip: bool = False) -> Reply:
    lines = [esc(text)]
    if error:
        lines.insert(0, esc(t.gettext("Please type at most {n} characters.", n=MAX_TEXT)))
    rows: Rows = ((Button(t.pgettext("button", "Skip"), Desk("skip").data()),),) if skip else ()
    return Reply("\n".join(lines), (*rows, _nav(t)))
