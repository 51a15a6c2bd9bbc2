"""What the bot answers to a question, by how sure the match is (no I/O)."""

from __future__ import annotations

from bot.ask import Candidate, NotMeant
from bot.browse.entry import entry_text, glossary_buttons, label
from bot.core.reply import Button, Reply, esc
from bot.home.pages import back_to_menu
from bot.i18n import Translator
from bot.inbox import HandOver
from bot.knowledge import Entry, Knowledge
from bot.matching.matcher import MatchResult


def for_result(
    result: MatchResult, question_id: int, t: Translator, knowledge: Knowledge
) -> Reply:
    """The reply to a free-text question, by how sure the match is."""
    matches = [m for m in result.matches if m.entry_id in knowledge.entries]
    if result.confident and matches:
        best = knowledge.entries[matches[0].entry_id]
        others = [knowledge.entries[m.entry_id] for m in matches[1:3]]
        buttons = tuple(
            (
                Button(
                    t.gettext("Also: {title}", title=label(e, t)),
                    Candidate(question_id, e.id).data(),
                ),
            )
            for e in others
        )
        text = entry_text(best, t, knowledge)
        buttons += tuple(glossary_buttons(best, text, knowledge))
        buttons += (
            (Button(t.pgettext("button", "Not what I meant"), NotMeant(question_id).data()),),
        )
        return Reply(text, buttons)
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
