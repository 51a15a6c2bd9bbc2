"""What the bot says about trainings: lists, a training's page, sign-up answers, messages to
participants, and the coordinators' draft and attendance pages (no I/O)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, time

from babel import Locale
from babel.dates import format_date, format_time

from bot.core.reply import Button, Reply, bold, esc, italic
from bot.db.trainings import Seat, Training
from bot.i18n import Translator
from bot.knowledge import Knowledge
from bot.trainings import (
    NEW,
    SignUp,
    TrainingList,
    TrainingPage,
    Withdraw,
)

Page = Callable[[Translator, Training, str], Reply]
ON, OFF = "✅", "▫️"


def kind_label(t: Translator, kind: str) -> str:
    return t.gettext("Workshop") if kind == "workshop" else t.gettext("Training")


def topic_name(t: Translator, knowledge: Knowledge, topic: str) -> str:
    names = knowledge.topics.get(topic, {})
    return names.get(t.locale) or names.get("de") or topic


def when_text(t: Translator, day: str, start_time: str) -> str:
    """Weekday, date and time in the reader's locale."""
    on = date.fromisoformat(day)
    clock = format_time(time.fromisoformat(start_time), format="short", locale=t.locale)
    pattern = str(Locale.parse(t.locale).datetime_formats["full"])
    return pattern.replace("{1}", format_date(on, format="full", locale=t.locale)).replace(
        "{0}", clock
    )


def short_day(t: Translator, day: str) -> str:
    return format_date(date.fromisoformat(day), format="medium", locale=t.locale)


def _fact(label: str, value: str) -> str:
    """One line "<b>Label:</b> value" (HTML); the value is escaped here."""
    return f"{bold(label)} {esc(value)}"


def where_line(t: Translator, place: str | None, url: str | None) -> str:
    if url:
        return _fact(t.gettext("Online:"), url)
    return _fact(t.gettext("Where:"), t.bidi(place or ""))


def when_line(t: Translator, day: str, start_time: str) -> str:
    return _fact(t.gettext("When:"), when_text(t, day, start_time))


def facts(t: Translator, knowledge: Knowledge, training: Training) -> list[str]:
    """Kind and topic, when, where, the deadline and the seats (HTML lines)."""
    topic = topic_name(t, knowledge, training.topic)
    lines = [
        esc(f"{kind_label(t, training.kind)} · {topic}"),
        when_line(t, training.day, training.start_time),
        where_line(t, training.place, training.online_url),
        esc(t.gettext("Sign-up until: {day}", day=short_day(t, training.signup_until))),
    ]
    if training.free:
        lines.append(
            esc(
                t.ngettext(
                    "{n} of {capacity} seats free.",
                    "{n} of {capacity} seats free.",
                    training.free,
                    capacity=t.number(training.capacity),
                )
            )
        )
    else:
        lines.append(
            esc(
                t.ngettext(
                    "Fully booked; {n} person on the waiting list.",
                    "Fully booked; {n} people on the waiting list.",
                    training.waiting,
                )
            )
        )
    return lines


def list_button(t: Translator) -> Button:
    return Button(t.pgettext("button", "All trainings"), TrainingList().data())


def short_label(text: str) -> str:
    return text if len(text) <= 60 else text[:59] + "…"


def list_page(
    t: Translator,
    upcoming: Sequence[Training],
    past: Sequence[Training],
    coordinator: bool,
) -> Reply:
    """/trainings: the upcoming trainings (and, for coordinators, the past ones)."""
    lines = [bold(t.gettext("Trainings and workshops of the coordination office"))]
    buttons: list[tuple[Button, ...]] = []
    if not upcoming:
        lines.append(esc(t.gettext("No trainings are planned at the moment.")))
    for tr in upcoming:
        title = tr.title(t.locale)
        lines.append(f"• {esc(short_day(t, tr.day))} — {esc(t.bidi(title))}")
        buttons.append((Button(short_label(title), TrainingPage(tr.id).data()),))
    if coordinator:
        if past:
            lines += ["", bold(t.gettext("Past trainings (attendance):"))]
            for tr in past:
                title = tr.title(t.locale)
                lines.append(f"• {esc(short_day(t, tr.day))} — {esc(t.bidi(title))}")
                buttons.append((Button(short_label(title), TrainingPage(tr.id).data()),))
        buttons.append((Button(t.pgettext("button", "New training"), NEW.data()),))
    return Reply("\n".join(lines), tuple(buttons))


def training_page(
    t: Translator,
    knowledge: Knowledge,
    training: Training,
    seat: Seat | None,
    position: int | None,
    open_for_signup: bool,
    begun: bool,
) -> Reply:
    """A member's view: the facts, their seat, and Sign up or Cancel."""
    lines = [bold(t.bidi(training.title(t.locale))), *facts(t, knowledge, training), ""]
    buttons: list[tuple[Button, ...]] = []
    active = training.status == "active"
    if not active:
        lines.append(italic(t.gettext("This training was cancelled.")))
    elif seat is not None and seat.status == "booked":
        lines.append(bold(t.gettext("You have a seat.")))
    elif seat is not None and position is not None:
        lines.append(bold(waiting_text(t, position)))
    elif not open_for_signup:
        lines.append(italic(t.gettext("Sign-up is closed.")))
    if active and not begun and seat is not None:
        label = t.pgettext("button", "Cancel my sign-up")
        buttons.append((Button(label, Withdraw(training.id).data()),))
    elif active and seat is None and open_for_signup:
        buttons.append((sign_up_button(t, training.id),))
    buttons.append((list_button(t),))
    return Reply("\n".join(lines).rstrip(), tuple(buttons))


def waiting_text(t: Translator, position: int) -> str:
    return t.gettext(
        "You are number {position} on the waiting list. If a seat becomes free, it is yours "
        "and I will tell you.",
        position=t.number(position),
    )


def signed_up(t: Translator, status: str, title: str, position: int | None) -> Reply:
    """The answer to Sign up (booked, waiting, already …, closed, gone)."""
    name = t.bidi(title)
    texts = {
        "booked": t.gettext(
            "You have a seat at “{title}”. I will remind you the day before.", title=name
        ),
        "already_booked": t.gettext("You already have a seat at “{title}”.", title=name),
        "closed": t.gettext("Sign-up for “{title}” is closed.", title=name),
        "gone": t.gettext("This training no longer takes sign-ups."),
    }
    if status in ("waiting", "already_waiting"):
        head = t.gettext("“{title}” is fully booked.", title=name)
        text = f"{head} {waiting_text(t, position or 1)}"
    else:
        text = texts[status]
    return Reply(esc(text))


def withdrawn(t: Translator, title: str) -> Reply:
    text = t.gettext("Your sign-up for “{title}” is cancelled.", title=t.bidi(title))
    return Reply(esc(text), ((list_button(t),),))


def moved_up(t: Translator, training: Training, title: str) -> Reply:
    lines = [
        bold(t.gettext("A seat became free: you are in!")),
        esc(
            t.gettext(
                "You have a seat at “{title}”, {when}.",
                title=t.bidi(title),
                when=when_text(t, training.day, training.start_time),
            )
        ),
        esc(t.gettext("If you cannot come, please cancel, so that the next person can.")),
    ]
    return Reply("\n".join(lines), _participant_buttons(t, training))


def reminder(t: Translator, training: Training, title: str) -> Reply:
    lines = [
        bold(t.gettext("Reminder: {title}", title=t.bidi(title))),
        when_line(t, training.day, training.start_time),
        where_line(t, training.place, training.online_url),
        "",
        esc(t.gettext("If you cannot come, please cancel, so that the next person can.")),
    ]
    return Reply("\n".join(lines), _participant_buttons(t, training))


def cancelled_notice(t: Translator, training: Training, title: str) -> Reply:
    text = t.gettext(
        "Cancelled: “{title}” on {day} does not take place.",
        title=t.bidi(title),
        day=short_day(t, training.day),
    )
    return Reply(bold(text))


def _participant_buttons(t: Translator, training: Training) -> tuple[tuple[Button, ...], ...]:
    return (
        (Button(t.pgettext("button", "Details"), TrainingPage(training.id).data()),),
        (Button(t.pgettext("button", "Cancel my sign-up"), Withdraw(training.id).data()),),
    )


def sign_up_button(t: Translator, training_id: int) -> Button:
    """The button under a broadcast that announces a training."""
    return Button(t.pgettext("button", "Sign up"), SignUp(training_id).data())
