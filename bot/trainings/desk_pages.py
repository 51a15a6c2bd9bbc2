"""What coordinators see of trainings: a training's desk, the guided draft, attendance,
cancelling, and the first step of an announcement (no I/O)."""

from __future__ import annotations

from collections.abc import Sequence

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
    PLACE,
    TIME,
    TITLE,
    TOPIC,
    Announce,
    Attend,
    DeskStep,
    DraftChoice,
    Manage,
    TrainingPage,
)
from bot.trainings.drafts import KINDS, MAX_CAPACITY, STEPS, Draft
from bot.trainings.pages import (
    OFF,
    ON,
    facts,
    kind_label,
    list_button,
    short_day,
    short_label,
    topic_name,
    when_line,
    where_line,
)


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
        kind, topic = kind_label(t, draft.kind), topic_name(t, knowledge, draft.topic)
        lines.append(esc(f"{kind} · {topic}"))
    if draft.day and draft.start_time:
        lines.append(when_line(t, draft.day, draft.start_time))
    if draft.online_url or draft.place:
        lines.append(where_line(t, draft.place, draft.online_url))
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
                f"{ON if s.attended else OFF} {short_label(s.name or deleted)}",
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
