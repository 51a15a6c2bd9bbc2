"""What the inbox says: the coordinators' question card, the member's notices (no I/O)."""

from __future__ import annotations

import re
from datetime import datetime

from bot.core.callbacks import parse_int
from bot.core.office_hours import OfficeHours, expectation
from bot.core.reply import Button, Reply, bold, esc, italic, visible_text
from bot.db.inbox import OpenQuestion
from bot.i18n import Translator
from bot.i18n.languages import NATIVE_NAMES
from bot.inbox import SaveSuggestion, SendAnswer, ShareName
from bot.inbox.split import html_weight, split_plain, utf16_len, weight_of

CARD_MARK = re.compile(r"#q([0-9]{1,19})(?![0-9])")
LIMIT = 4096  # Telegram's, in UTF-16 code units of the visible text; ours: of the HTML too
PREVIEW = 700  # /inbox shows this much of a long question; /inbox N shows it whole


def card_number(text: str | None) -> int | None:
    """The question a card (or a part of one) belongs to: its first characters are "#q12",
    a hashtag coordinators can search for. None for any other message."""
    match = CARD_MARK.match(text or "")
    return parse_int(match[1], 1) if match else None


def _size(html: str) -> int:
    """What a message counts against LIMIT: its visible text in UTF-16 units, and its HTML
    (a splitter measuring the HTML must never have to cut a part again)."""
    return max(len(html), utf16_len(visible_text(html)))


def _short(text: str) -> str:
    if weight_of(text, html_weight) <= PREVIEW:
        return text
    return split_plain(text, PREVIEW, html_weight)[0].rstrip() + " …"


def question_card(
    t: Translator,
    q: OpenQuestion,
    pseudonym: str,
    translation: str | None = None,
    preview: bool = False,
) -> list[str]:
    """The coordinators' copy of a question (HTML), in as many parts as Telegram needs: each
    opens with "#q<no.>" (a reply to any part answers), the text is cut on safe boundaries
    before it is escaped. `translation`: the German machine translation, shown below the
    original. `preview`: a long question shortened, with how to see it whole (/inbox N)."""
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
    title = t.gettext("Question no. {number} for the coordination office", number=q.id)
    head = f"#q{q.id} · {bold(title)}"
    answer_here = esc(t.gettext("Reply to this message to answer; the member gets your reply."))
    text, german, footer = q.text, translation, [answer_here]
    if preview and max(weight_of(x or "", html_weight) for x in (text, german)) > PREVIEW:
        text, german = _short(text), _short(german) if german else None
        whole = t.gettext("Long question: the whole text with /inbox {number}.", number=q.id)
        footer.insert(0, esc(whole))
    label = italic(t.gettext("Machine translation into German (may contain errors):"))
    items = [esc(sender), "", *_pieces(text)]
    if german:
        items += ["", label, *_pieces(german)]
    items += ["", *footer]
    return _numbered(head, _pack(items, LIMIT - _size(head) - len(" (99/99)\n")))


BODY = LIMIT - 600  # a piece of the text leaves room for the header, a label and the footer


class _Piece(str):
    """A piece of a text that went on in the piece before: it opens a part of its own, so
    the parts joined give the text back (no line break is added inside it)."""


def _pieces(text: str) -> list[str]:
    first, *rest = split_plain(text, BODY, html_weight)
    return [esc(first), *(_Piece(esc(p)) for p in rest)]


def _pack(items: list[str], room: int) -> list[str]:
    """Lines into as few parts as fit `room` each (see _size)."""
    parts: list[list[str]] = [[]]
    for item in items:
        full = _size("\n".join([*parts[-1], item])) > room
        if parts[-1] and (full or isinstance(item, _Piece)):
            parts.append([])
        if item or parts[-1]:  # a part never starts with a blank line
            parts[-1].append(item)
    return ["\n".join(p) for p in parts if p]


def _numbered(head: str, parts: list[str]) -> list[str]:
    if len(parts) == 1:
        return [f"{head}\n{parts[0]}"]
    return [f"{head} ({i}/{len(parts)})\n{p}" for i, p in enumerate(parts, 1)]


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


def answer_frame(
    t: Translator, number: int, answer_html: str, translation: str | None = None
) -> Reply:
    """The coordinator's answer as the member gets it, in the member's language; with a
    machine translation below the original, marked as such."""
    head = t.gettext(
        "Answer of the coordination office to your question no. {number}:", number=number
    )
    text = f"{bold(head)}\n\n{answer_html}"
    if translation:
        note = t.gettext(
            "Machine translation into your language (may contain errors; the original is above):"
        )
        text += f"\n\n{italic(note)}\n{_lines(translation)}"
    return Reply(text)


def _lines(text: str) -> str:
    """Plain text as HTML whose every line fits a message, so a long one splits safely."""
    return "\n".join(esc(p) for p in split_plain(text, BODY, html_weight))


def answer_preview(
    t: Translator, number: int, serial: int, language: str, answer_html: str, translation: str
) -> Reply:
    """Before an answer goes out: the machine translation the member would get below it."""
    name = NATIVE_NAMES.get(language, language)
    head = t.gettext(
        "Your answer to question no. {number}, with a machine translation into {language}:",
        number=number,
        language=name,
    )
    label = t.gettext("Machine translation into {language} (may contain errors):", language=name)
    ask = t.gettext(
        "Send it with the machine translation below your text, or your text only? Your text "
        "is always sent as you wrote it."
    )
    text = f"{bold(head)}\n\n{answer_html}\n\n{italic(label)}\n{_lines(translation)}\n\n{esc(ask)}"
    buttons = (
        (
            Button(
                t.pgettext("button", "Send with translation"),
                SendAnswer(number, serial, "1").data(),
            ),
        ),
        (
            Button(
                t.pgettext("button", "Send my text only"), SendAnswer(number, serial, "0").data()
            ),
        ),
    )
    return Reply(text, buttons)


def delivered(t: Translator, number: int, note: str = "") -> Reply:
    text = t.gettext("Your answer was delivered (question no. {number}).", number=number)
    text += f" {note}" if note else ""
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


def inbox_usage(t: Translator) -> Reply:
    return Reply(
        esc(t.gettext("Usage: /inbox, or /inbox [question no.] to see one question whole"))
    )


def answer_usage(t: Translator) -> Reply:
    return Reply(esc(t.gettext("Usage: /answer [question no.] [your answer]")))


def saved(t: Translator, filename: str) -> str:
    return t.gettext("Saved for review as {file}.", file=filename)


def translation_note(t: Translator, language: str | None, failed: bool) -> str:
    """After delivery: whether a machine translation went with the answer."""
    if language:
        name = NATIVE_NAMES.get(language, language)
        return t.gettext("It went with a machine translation into {language}.", language=name)
    if failed:
        return t.gettext(
            "It went without a machine translation: the translation service did not answer."
        )
    return ""


def member_gone(t: Translator, number: int) -> Reply:
    """A reply to the card of a member who has since deleted their data."""
    text = t.gettext(
        "Question no. {number} can no longer be answered: the member has deleted their data. "
        "Nothing was sent.",
        number=number,
    )
    return Reply(esc(text))


def no_such_question(t: Translator, number: int) -> Reply:
    return Reply(esc(t.gettext("There is no question no. {number}.", number=number)))


def draft_gone(t: Translator) -> str:
    return t.gettext(
        "This answer is no longer waiting to be sent. Please reply to the question again."
    )


def limit_reached(t: Translator, limit: int) -> Reply:
    """The member passed as many questions to the office today as one day allows."""
    text = t.ngettext(
        "You have already passed {n} question to the coordination office today, as many as "
        "one day allows. Please send further questions tomorrow; the office answers the ones "
        "it has first.",
        "You have already passed {n} questions to the coordination office today, as many as "
        "one day allows. Please send further questions tomorrow; the office answers the ones "
        "it has first.",
        limit,
    )
    return Reply(esc(text))
