"""The pages of the dates menu, /next, /reminders and an event's page (no I/O)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.browse import pages as browse
from bot.core.reply import Button, Reply, bold, esc, italic
from bot.events import (
    LEAD_TIMES,
    MY_CALENDAR,
    REMINDERS_HOME,
    Desk,
    EventCalendar,
    FollowTarget,
    Lead,
    Remind,
    Unremind,
    pages,
)
from bot.events.catalog import EventCatalog
from bot.events.occurrences import LEADS, Occurrence
from bot.events.service import EventView
from bot.home import Menu
from bot.home.pages import back_to_menu
from bot.i18n import Translator
from bot.knowledge import Knowledge
from bot.trainings import TrainingPage

ON, OFF = "✅", "▫️"


def lead_label(t: Translator, lead: str) -> str:
    labels = {
        "7d": t.pgettext("lead", "7 days before"),
        "3d": t.pgettext("lead", "3 days before"),
        "1d": t.pgettext("lead", "1 day before"),
        "morning": t.pgettext("lead", "on the morning of the day"),
        "1h": t.pgettext("lead", "1 hour before"),
    }
    return labels[lead]


def _leads_text(t: Translator, leads: Sequence[str]) -> str:
    return ", ".join(lead_label(t, x) for x in LEADS if x in leads)


def my_reminders_button(t: Translator) -> Button:
    return Button(t.pgettext("button", "My reminders"), REMINDERS_HOME.data())


def dates_page(
    t: Translator,
    knowledge: Knowledge,
    catalog: EventCatalog,
    occurrences: Sequence[Occurrence],
    coordinator: bool,
) -> Reply:
    """The main menu's "Dates and networks": upcoming dates, then the networks."""
    base = browse.networks(t, knowledge)
    lines = [bold(t.gettext("Upcoming dates:"))]
    lines += pages.upcoming_lines(t, occurrences, catalog, knowledge) or [
        esc(t.gettext("No dates are known yet."))
    ]
    rows: list[tuple[Button, ...]] = [(my_reminders_button(t),)]
    if coordinator:
        rows.append((Button(t.pgettext("button", "Manage dates"), Desk("menu").data()),))
    dated = pages.occurrence_buttons(t, occurrences, catalog, knowledge)
    return Reply("\n".join([*lines, "", base.text]), (*dated, *rows, *base.buttons))


def next_page(
    t: Translator,
    followed: set[str],
    occurrences: Sequence[Occurrence],
    catalog: EventCatalog,
    knowledge: Knowledge,
) -> Reply:
    if not followed and not occurrences:
        text = esc(
            t.gettext("You do not follow any dates yet. Choose what I should remind you of:")
        )
        return Reply(text, ((my_reminders_button(t),), (back_to_menu(t),)))
    lines = [bold(t.gettext("Your next dates:"))]
    lines += pages.upcoming_lines(t, occurrences, catalog, knowledge) or [
        esc(t.gettext("No dates are known yet."))
    ]
    buttons = pages.occurrence_buttons(t, occurrences, catalog, knowledge)
    return Reply("\n".join(lines), (*buttons, (my_reminders_button(t),), (back_to_menu(t),)))


def reminders_page(
    t: Translator,
    knowledge: Knowledge,
    targets: Sequence[str],
    followed: set[str],
    leads: Sequence[str],
) -> Reply:
    lines = [
        bold(t.gettext("Reminders")),
        esc(t.gettext("Choose what I should remind you of. Press again to stop.")),
        "",
        esc(t.gettext("Reminder times: {leads}", leads=_leads_text(t, leads))),
    ]
    toggles = tuple(
        (
            Button(
                f"{ON if target in followed else OFF} {pages.target_name(t, target, knowledge)}",
                FollowTarget(target).data(),
            ),
        )
        for target in targets
    )
    rows = (
        (Button(t.pgettext("button", "Reminder times"), LEAD_TIMES.data()),),
        (Button(t.pgettext("button", "Calendar file (.ics)"), MY_CALENDAR.data()),),
        (back_to_menu(t),),
    )
    return Reply("\n".join(lines), (*toggles, *rows))


def leads_page(t: Translator, leads: Sequence[str]) -> Reply:
    text = esc(t.gettext("When should I remind you? Choose one or more:"))
    toggles = tuple(
        (Button(f"{ON if x in leads else OFF} {lead_label(t, x)}", Lead(x).data()),) for x in LEADS
    )
    return Reply(text, (*toggles, (Button(t.pgettext("button", "Done"), REMINDERS_HOME.data()),)))


def remind_done(
    t: Translator, name: str, next_dates: Sequence[Occurrence], leads: Sequence[str]
) -> Reply:
    lines = [esc(t.gettext("Done: I will remind you of “{title}”.", title=name))]
    lines.append(esc(t.gettext("Reminder times: {leads}", leads=_leads_text(t, leads))))
    if next_dates:
        when = pages.when_text(t, next_dates[0])
        lines.append(esc(t.gettext("Next date: {when}", when=when)))
        if next_dates[0].tentative:
            lines.append(italic(t.gettext("to be confirmed")))
    else:
        lines.append(
            esc(
                t.gettext(
                    "No date is known yet: I will tell you as soon as the coordination office "
                    "sets one."
                )
            )
        )
    return Reply("\n".join(lines), ((my_reminders_button(t),),))


def event_page(
    t: Translator, view: EventView, catalog: EventCatalog, knowledge: Knowledge, following: bool
) -> Reply:
    series = view.series
    lines: list[str] = []
    if view.next:
        lines.append(bold(pages.title(t, view.next[0], catalog, knowledge)))
    elif series is not None:
        lines.append(bold(t.bidi(series.text(t.locale).title)))
    if series is not None:
        lines += ["", esc(t.bidi(series.text(t.locale).description))]
        if (rhythm := pages.rhythm(t, series)) is not None:
            lines.append(esc(rhythm))
    lines.append("")
    if view.next:
        lines += pages.facts(t, view.next[0])
        if len(view.next) > 1:
            lines += ["", bold(t.gettext("Later dates:"))]
            lines += pages.upcoming_lines(t, view.next[1:4], catalog, knowledge)
    else:
        lines.append(esc(t.gettext("No date is known yet.")))
    if series is not None:
        lines += ["", italic(pages.source_line(t, series))]
    rows: list[tuple[Button, ...]] = []
    if view.entry_id:
        label = (
            t.pgettext("button", "Stop reminders")
            if following
            else t.pgettext("button", "Remind me")
        )
        kind = Unremind if following else Remind
        rows.append((Button(label, kind(view.entry_id).data()),))
    kind, _, ident = view.event_key.partition(".")
    if kind == "t":  # a training: its page has the sign-up and the cancel button
        label = t.pgettext("button", "Sign-up and details")
        rows.append((Button(label, TrainingPage(int(ident)).data()),))
    rows.append(
        (
            Button(
                t.pgettext("button", "Calendar file (.ics)"), EventCalendar(view.event_key).data()
            ),
        )
    )
    rows.append((Button(t.pgettext("button", "Back"), Menu("dates").data()),))
    return Reply("\n".join(lines), tuple(rows))
