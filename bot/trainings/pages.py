"""What the bot says about trainings: lists, a training's page, sign-up answers, messages to
participants, and the coordinators' draft and attendance pages (no I/O)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, time

from babel import Locale
from babel.dates import format_date, format_time

from bot.core.reply import Button, Reply, bold, esc, italic, rows
from bot.db.trainings import Seat, Training
from bot.i18n import Translator
from bot.i18n.languages import LANGUAGES, NATIVE_NAMES
from bot.knowledge import Knowledge
from bot.trainings import (
    CAPACITY,
    CONFIRM,
    DAY,
    DEADLINE,
    KIND,
    NEW,
    PLACE,
    TIME,
    TITLE,
    TOPIC,
    Announce,
    Attend,
    DeskStep,
    DraftChoice,
    Manage,
    SignUp,
    TrainingList,
    TrainingPage,
    Withdraw,
)
from bot.trainings.drafts import KINDS, MAX_CAPACITY, STEPS, Draft

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


def _where(t: Translator, place: str | None, url: str | None) -> str:
    if url:
        return _fact(t.gettext("Online:"), url)
    return _fact(t.gettext("Where:"), t.bidi(place or ""))


def _when(t: Translator, day: str, start_time: str) -> str:
    return _fact(t.gettext("When:"), when_text(t, day, start_time))


def facts(t: Translator, knowledge: Knowledge, training: Training) -> list[str]:
    """Kind and topic, when, where, the deadline and the seats (HTML lines)."""
    topic = topic_name(t, knowledge, training.topic)
    lines = [
        esc(f"{kind_label(t, training.kind)} · {topic}"),
        _when(t, training.day, training.start_time),
        _where(t, training.place, training.online_url),
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


def _label(text: str) -> str:
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
        buttons.append((Button(_label(title), TrainingPage(tr.id).data()),))
    if coordinator:
        if past:
            lines += ["", bold(t.gettext("Past trainings (attendance):"))]
            for tr in past:
                title = tr.title(t.locale)
                lines.append(f"• {esc(short_day(t, tr.day))} — {esc(t.bidi(title))}")
                buttons.append((Button(_label(title), TrainingPage(tr.id).data()),))
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


def desk_page(t: Translator, knowledge: Knowledge, training: Training, begun: bool) -> Reply:
    """A coordinator's view: the facts, the counts, and what can be done."""
    lines = [bold(t.bidi(training.title(t.locale))), *facts(t, knowledge, training), ""]
    lines.append(
        esc(
            t.gettext(
                "Signed up: {booked} of {capacity}; waiting list: {waiting}.",
                booked=t.number(training.booked),
                capacity=t.number(training.capacity),
                waiting=t.number(training.waiting),
            )
        )
    )
    buttons: list[tuple[Button, ...]] = []
    if training.status != "active":
        lines.append(italic(t.gettext("This training was cancelled.")))
    elif begun:
        lines.append(
            esc(t.gettext("Took part: {n}", n=t.number(training.participants)))
            + (
                " " + italic(t.gettext("(count entered)"))
                if training.attended_count is not None
                else ""
            )
        )
        buttons.append(
            (Button(t.pgettext("button", "Mark attendance"), Manage(training.id, "att").data()),)
        )
        buttons.append(
            (
                Button(
                    t.pgettext("button", "Enter the number of participants"),
                    Manage(training.id, "cnt").data(),
                ),
            )
        )
    else:
        buttons.append(
            (
                Button(
                    t.pgettext("button", "Announce with a sign-up button"),
                    Announce(training.id).data(),
                ),
            )
        )
        buttons.append(
            (
                Button(
                    t.pgettext("button", "Cancel the training"),
                    Manage(training.id, "cancel").data(),
                ),
            )
        )
    buttons.append((list_button(t),))
    return Reply("\n".join(lines), tuple(buttons))


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
        _when(t, training.day, training.start_time),
        _where(t, training.place, training.online_url),
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


# --- the coordinators' draft ------------------------------------------------------------------


def _nav(t: Translator) -> tuple[Button, ...]:
    return (
        Button(t.pgettext("button", "Back"), DeskStep("back").data()),
        Button(t.pgettext("button", "Cancel"), DeskStep("x").data()),
    )


def prompt(
    t: Translator, knowledge: Knowledge, state: int, draft: Draft, error: bool = False
) -> Reply:
    """The question of one step, with Back and Cancel; `error`: the last input was refused."""
    head = bold(
        t.gettext(
            "New training: step {number} of {total}",
            number=STEPS.index(state) + 1,
            total=len(STEPS),
        )
    )
    lines = [head]
    if error:
        lines.append(italic(t.gettext("That did not work. Please try again.")))
    buttons: list[tuple[Button, ...]] = []
    if state == KIND:
        lines.append(esc(t.gettext("Is it a training or a workshop?")))
        choices = [Button(kind_label(t, k), DraftChoice("kind", k).data()) for k in KINDS]
        buttons += rows(choices, 2)
    elif state == TITLE:
        lines += _title_lines(t, draft)
        if "" in draft.titles and not draft.editing:
            langs = [Button(NATIVE_NAMES[x], DraftChoice("lang", x).data()) for x in LANGUAGES]
            buttons += rows(langs, 3)
            buttons.append((Button(t.pgettext("button", "Next"), DeskStep("next").data()),))
    elif state == DAY:
        lines.append(esc(t.gettext("On which day? For example 24.03.2027 or 2027-03-24.")))
    elif state == TIME:
        lines.append(esc(t.gettext("At what time does it start? For example 18:30.")))
    elif state == PLACE:
        lines.append(
            esc(t.gettext("Where does it take place? Send the place, or a link (https://…)."))
        )
    elif state == TOPIC:
        lines.append(esc(t.gettext("Which topic is it about?")))
        buttons += tuple(
            (Button(topic_name(t, knowledge, x), DraftChoice("topic", x).data()),)
            for x in knowledge.topics
        )
    elif state == CAPACITY:
        lines.append(
            esc(t.gettext("How many seats are there? A number from 1 to {max}.", max=MAX_CAPACITY))
        )
    elif state == DEADLINE:
        lines.append(esc(t.gettext("Until which day can people sign up? Send a date, or:")))
        buttons.append(
            (Button(t.pgettext("button", "Until the day before"), DeskStep("dayb").data()),)
        )
        buttons.append(
            (Button(t.pgettext("button", "Until it starts"), DeskStep("start").data()),)
        )
    elif state == CONFIRM:
        lines += ["", *draft_lines(t, knowledge, draft), ""]
        lines.append(esc(t.gettext("Save this training?")))
        buttons.append((Button(t.pgettext("button", "Save"), DeskStep("save").data()),))
    return Reply("\n".join(lines), (*buttons, _nav(t)))


def _title_lines(t: Translator, draft: Draft) -> list[str]:
    if draft.editing:
        name = NATIVE_NAMES.get(draft.editing, draft.editing)
        return [esc(t.gettext("Send the title in {language}.", language=name))]
    if "" not in draft.titles:
        return [
            esc(
                t.gettext(
                    "Send the title. It is the default version for everyone; you can add "
                    "versions in other languages next."
                )
            )
        ]
    lines = [f"• {esc(t.bidi(draft.titles['']))}"]
    lines += [
        f"• {esc(NATIVE_NAMES[x])}: {esc(t.bidi(draft.titles[x]))}"
        for x in LANGUAGES
        if x in draft.titles
    ]
    lines.append(esc(t.gettext("Add the title in another language, or go on with Next.")))
    return lines


def draft_lines(t: Translator, knowledge: Knowledge, draft: Draft) -> list[str]:
    lines = [bold(t.bidi(draft.titles.get("", "")))]
    if draft.kind and draft.topic:
        lines.append(esc(f"{kind_label(t, draft.kind)} · {topic_name(t, knowledge, draft.topic)}"))
    if draft.day and draft.start_time:
        lines.append(_when(t, draft.day, draft.start_time))
    if draft.online_url or draft.place:
        lines.append(_where(t, draft.place, draft.online_url))
    if draft.capacity:
        lines.append(esc(t.gettext("Seats: {n}", n=t.number(draft.capacity))))
    if draft.signup_until:
        day = short_day(t, draft.signup_until)
        lines.append(esc(t.gettext("Sign-up until: {day}", day=day)))
    return lines


def saved(t: Translator, training_id: int) -> Reply:
    return Reply(
        esc(t.gettext("Saved. Members can sign up now.")),
        (
            (
                Button(
                    t.pgettext("button", "Announce with a sign-up button"),
                    Announce(training_id).data(),
                ),
            ),
            (Button(t.pgettext("button", "Open"), TrainingPage(training_id).data()),),
        ),
    )


def draft_cancelled(t: Translator) -> Reply:
    return Reply(esc(t.gettext("Cancelled. Nothing was saved.")))


def start_passed(t: Translator) -> Reply:
    return Reply(esc(t.gettext("That moment has passed. Please choose a later day or time.")))


# --- attendance -------------------------------------------------------------------------------


def attendance_page(t: Translator, training: Training, seats: Sequence[Seat]) -> Reply:
    """Who had a seat: press a name to mark them as present (again: absent)."""
    lines = [
        bold(t.bidi(training.title(t.locale))),
        esc(t.gettext("Who took part? Press a name to mark it; press again to undo.")),
        esc(t.gettext("Took part: {n}", n=t.number(sum(1 for s in seats if s.attended)))),
    ]
    if not seats:
        lines.append(esc(t.gettext("Nobody had a seat.")))
    deleted = t.gettext("(deleted)")  # a participant who erased their data since
    buttons = tuple(
        (
            Button(
                f"{ON if s.attended else OFF} {_label(s.name or deleted)}",
                Attend(training.id, s.id).data(),
            ),
        )
        for s in seats
    )
    done = Button(t.pgettext("button", "Done"), TrainingPage(training.id).data())
    return Reply("\n".join(lines), (*buttons, (done,)))


def count_prompt(t: Translator) -> Reply:
    text = t.gettext(
        "How many people took part? Send a number; it replaces the marks. Send 0 or more."
    )
    return Reply(esc(text), ((Button(t.pgettext("button", "Cancel"), DeskStep("x").data()),),))


def confirm_cancel(t: Translator, training: Training) -> Reply:
    text = t.gettext(
        "Cancel “{title}”? Everyone signed up gets a message.",
        title=t.bidi(training.title(t.locale)),
    )
    return Reply(
        esc(text),
        (
            (
                Button(
                    t.pgettext("button", "Yes, cancel it"),
                    Manage(training.id, "cancelyes").data(),
                ),
            ),
            (Button(t.pgettext("button", "No, keep it"), TrainingPage(training.id).data()),),
        ),
    )


def training_cancelled(t: Translator, told: int) -> Reply:
    text = t.ngettext(
        "The training is cancelled; {n} person was told.",
        "The training is cancelled; {n} people were told.",
        told,
    )
    return Reply(esc(text), ((list_button(t),),))


def announce_prompt(t: Translator, title: str) -> Reply:
    """The first step of a broadcast that announces a training."""
    text = t.gettext(
        "Send me the text of the announcement of “{title}”. Every message gets a sign-up "
        "button. Formatting (bold, italic, links) is kept.",
        title=t.bidi(title),
    )
    return Reply(esc(text))


def sign_up_button(t: Translator, training_id: int) -> Button:
    """The button under a broadcast that announces a training."""
    return Button(t.pgettext("button", "Sign up"), SignUp(training_id).data())
