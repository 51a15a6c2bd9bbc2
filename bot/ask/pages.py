"""What the bot answers to a question, by how sure the match is (no I/O)."""

from __future__ import annotations

from bot.ask import Candidate, KeepLanguage, NotMeant
from bot.ask.intent_pages import for_intent
from bot.ask.understanding import Understood
from bot.browse.entry import (
    NextDeadline,
    PageView,
    brief_text,
    glossary_buttons,
    label,
    page_top_buttons,
)
from bot.core.reply import Button, Reply, esc
from bot.home.pages import back_to_menu
from bot.i18n import Translator
from bot.i18n.languages import NATIVE_NAMES
from bot.inbox import HandOver
from bot.knowledge import Entry, Knowledge


def for_message(
    understood: Understood,
    question_id: int,
    t: Translator,
    knowledge: Knowledge,
    deadline: NextDeadline | None = None,
) -> Reply:
    """The reply to a typed message in `t`'s language (the question's), with "Keep answering
    in …" when that is not the member's language."""
    if understood.intent is not None:
        reply = for_intent(understood.intent, t, question_id)
    else:
        reply = for_result(understood, question_id, t, knowledge, deadline)
    if understood.switched:
        keep = t.pgettext(
            "button", "Keep answering in {language}", language=NATIVE_NAMES[understood.lang]
        )
        reply = Reply(reply.text, (*reply.buttons, (Button(keep, KeepLanguage(t.locale).data()),)))
    return reply


def for_result(
    understood: Understood,
    question_id: int,
    t: Translator,
    knowledge: Knowledge,
    deadline: NextDeadline | None = None,
) -> Reply:
    """The reply to a free-text question, by how sure the match is."""
    result = understood.result
    matches = [m for m in result.matches if m.entry_id in knowledge.entries]
    if result.confident and matches:
        best = knowledge.entries[matches[0].entry_id]
        view = PageView(best, t, knowledge, result.facet, deadline)
        text = brief_text(view)
        others = [knowledge.entries[m.entry_id] for m in matches[1:3]]
        rows = page_top_buttons(view)
        rows += [
            (
                Button(
                    t.gettext("Also: {title}", title=label(e, t)),
                    Candidate(question_id, e.id).data(),
                ),
            )
            for e in others
        ]
        rows += glossary_buttons(best, text, knowledge, t.locale)
        rows.append(
            (Button(t.pgettext("button", "Not what I meant"), NotMeant(question_id).data()),)
        )
        return Reply(text, tuple(rows))
    if matches:
        return suggestions(
            [knowledge.entries[m.entry_id] for m in matches[:3]],
            question_id,
            t,
            esc(t.gettext("I am not sure I understood. Do you mean one of these?")),
        )
    text = "\n".join(
        [
            esc(t.gettext("I have no answer to that.")),
            "",
            esc(
                t.gettext(
                    "I know about funding programs, city offices and networks for migrant "
                    "organisations in Wiesbaden. You can put your question differently, "
                    "look through the menu, or pass it to the coordination office."
                )
            ),
        ]
    )
    return Reply(text, ((hand_over_button(question_id, t),), (back_to_menu(t),)))


def suggestions(entries: list[Entry], question_id: int, t: Translator, intro: str) -> Reply:
    buttons = tuple((Button(label(e, t), Candidate(question_id, e.id).data()),) for e in entries)
    return Reply(intro, (*buttons, (hand_over_button(question_id, t),)))


def hand_over_button(question_id: int, t: Translator) -> Button:
    return Button(
        t.pgettext("button", "Ask the coordination office"), HandOver(question_id).data()
    )


def kept_language(t: Translator) -> Reply:
    """After "Keep answering in …" (t is the new language)."""
    language = NATIVE_NAMES[t.locale]
    return Reply(
        esc(
            t.gettext(
                "I answer in {language} from now on. /language changes it.", language=language
            )
        )
    )
