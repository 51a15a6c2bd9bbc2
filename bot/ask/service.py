"""A member's question: match it, log it for the evaluation figures, compose the reply."""

from __future__ import annotations

from dataclasses import dataclass

from bot.ask.pages import for_result, suggestions
from bot.core.reply import Reply, esc
from bot.db import ScoredId
from bot.i18n import Translator
from bot.services import Services

MAX_STORED = 4096


@dataclass(frozen=True)
class HandOver:
    number: int
    text: str
    locale: str


async def ask(services: Services, t: Translator, user_id: int, text: str) -> Reply:
    """Answer a free-text question and log it (pseudonymous key, matches, outcome)."""
    result = services.matcher.match(text)
    outcome = "answered" if result.confident else ("unsure" if result.matches else "no_match")
    key = services.user_key(user_id)
    question_id = await services.db.questions.log_question(
        key,
        t.locale,
        text[:MAX_STORED],
        outcome,
        [ScoredId(m.entry_id, m.score) for m in result.matches],
    )
    if result.confident and result.best:
        entry = services.knowledge.entries[result.best.entry_id]
        await services.db.questions.log_referral(key, entry.id, entry.kind, "answer", question_id)
    return for_result(result, question_id, t, services.knowledge)


async def pick(services: Services, user_id: int, question_id: int, entry_id: str) -> bool:
    """Log that the user chose another candidate; False if the button was not theirs."""
    entry = services.knowledge.entries.get(entry_id)
    key = services.user_key(user_id)
    if entry is None or await services.db.questions.question_text(question_id, key) is None:
        return False
    await services.db.questions.log_action(question_id, "candidate", entry_id)
    await services.db.questions.log_referral(key, entry_id, entry.kind, "button", question_id)
    return True


async def other_candidates(
    services: Services, t: Translator, user_id: int, question_id: int
) -> Reply | None:
    """After "not what I meant": the other candidates and the hand-over; None if forged."""
    key = services.user_key(user_id)
    asked = await services.db.questions.question_text(question_id, key)
    if asked is None:
        return None
    await services.db.questions.log_action(question_id, "not_what_i_meant")
    result = services.matcher.match(asked[0])
    entries = [services.knowledge.entries[m.entry_id] for m in result.matches[1:4]]
    intro = esc(
        t.gettext("Sorry. Perhaps one of these fits, or ask the coordination office:")
        if entries
        else t.gettext("Sorry. You can pass the question to the coordination office:")
    )
    return suggestions(entries, question_id, t, intro)


async def hand_over(services: Services, user_id: int, question_id: int) -> HandOver | None:
    """Store the question for the coordination office; None if the button was not theirs."""
    key = services.user_key(user_id)
    asked = await services.db.questions.question_text(question_id, key)
    if asked is None or not asked[0]:
        return None
    await services.db.questions.log_action(question_id, "hand_over")
    number = await services.db.questions.add_open_question(
        question_id, user_id, asked[1], asked[0]
    )
    return HandOver(number, asked[0], asked[1])
