"""Trainings: workshops and trainings of the coordination office (seed 002 §3.2, §3.3).

drafts.py   the coordinator's guided draft: steps and typed input (pure)
service.py  sign-up, waiting list, moving up, reminders, attendance (via a Sender)
pages.py    what members see: lists, a training's page, messages to participants
desk_pages.py  what coordinators see: the draft, a training's desk, attendance
"""

from bot.core.callbacks import CallbackData


class TrainingPage(CallbackData, prefix="trn"):
    """A training's page: details and the member's sign-up or the coordinator's desk."""

    training: int


class TrainingList(CallbackData, prefix="trl"):
    """The list of trainings (/trainings)."""


class SignUp(CallbackData, prefix="trs"):
    """Sign up for a training (a seat, or the waiting list when it is full)."""

    training: int


class Withdraw(CallbackData, prefix="trw"):
    """Give up one's seat or waiting place."""

    training: int


class DeskStep(CallbackData, prefix="trd"):
    """The coordinators' draft: new, next, back, x (cancel), save, dayb (deadline: the day
    before), start (deadline: until it starts)."""

    action: str


class DraftChoice(CallbackData, prefix="trc"):
    """A choice on a draft step: kind (training|workshop), topic (an id), lang (a title
    version to add)."""

    field: str
    value: str


class Manage(CallbackData, prefix="trm"):
    """The coordinators' actions on one training: att (attendance), cnt (enter a count),
    nocnt (count the marks again), cancel, cancelyes."""

    training: int
    action: str


class Attend(CallbackData, prefix="tra"):
    """Mark a participant as attended (again: not attended)."""

    training: int
    seat: int


class Announce(CallbackData, prefix="trb"):
    """Start a broadcast that announces the training with a sign-up button."""

    training: int


# Conversation states of the coordinators' draft, and of typing a participant count.
KIND, TITLE, DAY, TIME, PLACE, TOPIC, CAPACITY, DEADLINE, CONFIRM, COUNT = range(10)
NEW = DeskStep("new")
