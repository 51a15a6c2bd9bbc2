"""What the inbox says: the coordinators' question card, the member's notices (no I/O)."""

from __future__ import annotations

from datetime import datetime

from bot.core.office_hours import OfficeHours, expectation
from bot.core.reply import Button, Reply, bold, esc
from bot.db.inbox import OpenQuestion
from bot.i18n import Translator
from bot.i18n.languages import NATIVE_NAMES
from bot.inbox import SaveSuggestion, ShareName


def question_card(t: Translator, q: OpenQuestion, pseudonym: str) -> str:
    """The coordinators' copy of a question (HTML)."""
    language = NATIVE_NAMES.get(q.locale, q.locale)
    if q.shared_name:
        sender = t.gettext(
            "Language: {language} · from: {name} (name shared)",
            language=language,
            name=q.shared_name,
        )
    else:
        sender = t.gettext(
            "Language: {language} · from: {pseudonym}", language=language, pseudonym=pseudonym
        )
    return "\n".join(
        [
            bold(t.gettext("Question no. {number} for the coordination office", number=q.id)),
            esc(sender),
            "",
            esc(q.text),
            "",
            esc(t.gettext("Reply to this message to answer; the member gets your reply.")),
        ]
    )


def handed_over(t: Translator, number: int, hours: OfficeHours, now: datetime) -> Reply:
    """What the member is told: the number, and when to expect an answer."""
    passed = t.gettext(
        "I have passed your question to the coordination office for migrant organisations "
        "(no. {number}).",
        number=number,
    )
    return Reply(esc(passed) + "\n\n" + esc(expectation(hours, t, now)))


def name_choice(t: Translator, question_id: int, name: str) -> Reply:
    """Ask whether the office may see the member's name; the pseudonym comes first."""
    text = t.gettext(
        "I will pass your question to the coordination office. Should they see your name? "
        "Without it they see only a pseudonym."
    )
    with_name = t.pgettext("button", "With my name ({name})", name=name)
    return Reply(
        esc(text),
        (
            (Button(t.pgettext("button", "Without my name"), ShareName(question_id, "0").data()),),
            (Button(with_name, ShareName(question_id, "1").data()),),
        ),
    )


def answer_frame(t: Translator, number: int, answer_html: str) -> Reply:
    """The coordinator's answer as the member gets it, in the member's language."""
    head = t.gettext(
        "Answer of the coordination office to your question no. {number}:", number=number
    )
    return Reply(f"{bold(head)}\n\n{answer_html}")


def delivered(t: Translator, number: int) -> Reply:
    text = t.gettext("Your answer was delivered (question no. {number}).", number=number)
    save = t.pgettext("button", "Save as suggested knowledge entry")
    return Reply(esc(text), ((Button(save, SaveSuggestion(number).data()),),))


def not_delivered(t: Translator, number: int, blocked: bool) -> Reply:
    if blocked:
        text = t.gettext(
            "Not delivered: the member has blocked the bot (question no. {number}).",
            number=number,
        )
    else:
        text = t.gettext(
            "Not delivered because of a Telegram error; please try again (question no. {number}).",
            number=number,
        )
    return Reply(esc(text))


def open_summary(t: Translator, total: int, shown: int) -> Reply:
    """/inbox after the cards: how many are open."""
    if not total:
        return Reply(esc(t.gettext("No open questions.")))
    text = t.ngettext("{n} open question.", "{n} open questions.", total)
    if total > shown:
        text += " " + t.gettext("Shown: the oldest {shown}.", shown=t.number(shown))
    return Reply(esc(text))


def answer_usage(t: Translator) -> Reply:
    return Reply(esc(t.gettext("Usage: /answer [question no.] [your answer]")))


def saved(t: Translator, filename: str) -> str:
    return t.gettext("Saved for review as {file}.", file=filename)
