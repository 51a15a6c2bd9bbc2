"""What the bot says about dates: reminders, notices, upcoming lists, an event's page (no I/O)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from babel import Locale
from babel.dates import format_date, format_time

from bot.core.reply import Button, Reply, bold, esc, italic
from bot.events import EventPage
from bot.events.catalog import CatalogEvent, EventCatalog
from bot.events.occurrences import Occurrence
from bot.i18n import Translator
from bot.knowledge import Knowledge

MAX_LISTED = 10


def when_text(t: Translator, occ: Occurrence) -> str:
    """Weekday, date and (unless all day) time in the reader's locale, without seconds."""
    day = format_date(occ.day, format="full", locale=t.locale)
    if occ.start_time is None:
        return day
    clock = format_time(occ.start, format="short", tzinfo=occ.tz, locale=t.locale)
    pattern = str(Locale.parse(t.locale).datetime_formats["full"])
    return pattern.replace("{1}", day).replace("{0}", clock)


def short_when(t: Translator, occ: Occurrence) -> str:
    day = format_date(occ.day, format="medium", locale=t.locale)
    if occ.start_time is None:
        return day
    return f"{day}, {format_time(occ.start, format='short', tzinfo=occ.tz, locale=t.locale)}"


def title(t: Translator, occ: Occurrence, catalog: EventCatalog, knowledge: Knowledge) -> str:
    """The series' title in the reader's language, else the entry's, else the coordinator's."""
    series = catalog.events.get(occ.series) if occ.series else None
    if series is not None:
        return t.bidi(series.text(t.locale).title)
    if occ.title:
        return occ.title
    entry = knowledge.entries.get(occ.entry_id) if occ.entry_id else None
    if entry is not None:
        return t.bidi(entry.text(t.locale).title)
    return t.gettext("Date of the coordination office")


def target_name(t: Translator, target: str, knowledge: Knowledge) -> str:
    if target == "*":
        return t.pgettext("button", "Everything")
    entry = knowledge.entries.get(target)
    return t.bidi(entry.text(t.locale).title) if entry else target


def facts(t: Translator, occ: Occurrence) -> list[str]:
    """When, where, the coordinator's note and whether the date is confirmed (HTML lines)."""
    label = t.gettext("Deadline:") if occ.kind == "deadline" else t.gettext("When:")
    lines = [f"{bold(label)} {esc(when_text(t, occ))}"]
    where, note = t.gettext("Where:"), t.gettext("Note:")
    if occ.place:
        lines.append(f"{bold(where)} {esc(t.bidi(occ.place))}")
    if occ.note:
        lines.append(f"{bold(note)} {esc(occ.note)}")
    if occ.tentative:
        text = t.gettext(
            "This date is not confirmed (as of {year}): please check with the coordination "
            "office before you rely on it.",
            year=occ.as_of or "",
        )
        lines.append(italic(text))
    return lines


def days_until(t: Translator, occ: Occurrence, today: date) -> str:
    n = (occ.day - today).days
    if n <= 0:
        return t.gettext("Today.")
    if n == 1:
        return t.gettext("Tomorrow.")
    return t.ngettext("In {n} day.", "In {n} days.", n)


def details_button(t: Translator, occ: Occurrence) -> Button:
    return Button(t.pgettext("button", "Details"), EventPage(occ.event_key).data())


def reminder(
    t: Translator,
    occ: Occurrence,
    catalog: EventCatalog,
    knowledge: Knowledge,
    now: datetime,
    late: bool,
) -> Reply:
    name = title(t, occ, catalog, knowledge)
    lines = [bold(t.gettext("Reminder: {title}", title=name)), ""]
    lines += [esc(days_until(t, occ, now.astimezone(occ.tz).date())), *facts(t, occ)]
    if late:
        lines += ["", italic(t.gettext("Sent late: the bot was offline when this was due."))]
    return Reply("\n".join(lines), ((details_button(t, occ),),))


def notice(
    t: Translator, change: str, occ: Occurrence, catalog: EventCatalog, knowledge: Knowledge
) -> Reply:
    name = title(t, occ, catalog, knowledge)
    heads = {
        "added": t.gettext("New date: {title}", title=name),
        "changed": t.gettext("Date changed: {title}", title=name),
        "cancelled": t.gettext("Cancelled: {title}", title=name),
    }
    lines = [bold(heads[change]), "", *facts(t, occ)]
    return Reply("\n".join(lines), ((details_button(t, occ),),))


def upcoming_lines(
    t: Translator, occurrences: Sequence[Occurrence], catalog: EventCatalog, knowledge: Knowledge
) -> list[str]:
    lines = []
    for occ in occurrences[:MAX_LISTED]:
        line = f"• {esc(short_when(t, occ))} — {esc(title(t, occ, catalog, knowledge))}"
        if occ.tentative:
            line += " " + italic("(" + t.gettext("to be confirmed") + ")")
        lines.append(line)
    return lines


def occurrence_buttons(
    t: Translator, occurrences: Sequence[Occurrence], catalog: EventCatalog, knowledge: Knowledge
) -> tuple[tuple[Button, ...], ...]:
    seen: dict[str, Button] = {}
    for occ in occurrences[:MAX_LISTED]:
        label = title(t, occ, catalog, knowledge)
        label = label if len(label) <= 60 else label[:59] + "…"
        seen.setdefault(occ.event_key, Button(label, EventPage(occ.event_key).data()))
    return tuple((b,) for b in seen.values())


def rhythm(t: Translator, series: CatalogEvent) -> str | None:
    if series.kind != "meeting":
        return None
    n = series.per_year
    if n is None:
        return t.gettext("Our sources do not say how often it meets.")
    if series.approximate:
        return t.ngettext("Meets about {n} time a year.", "Meets about {n} times a year.", n)
    return t.ngettext("Meets {n} time a year.", "Meets {n} times a year.", n)


def source_line(t: Translator, series: CatalogEvent) -> str:
    cited = []
    for c in series.citations:
        where = ", ".join(p for p in (c.source.title, c.section) if p)
        cited.append(t.bidi(f"{where} ({c.source.year})"))
    line = t.gettext("Source: {sources}.", sources="; ".join(cited))
    if series.confirmed:
        return line + " " + t.gettext("As of {year}.", year=series.as_of)
    status = t.gettext(
        "As of {year}, not yet confirmed by the coordination office: please check with "
        "it before you rely on it.",
        year=series.as_of,
    )
    return f"{line} {status}"
