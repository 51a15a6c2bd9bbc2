"""/mydata (everything stored about a user, as a JSON file) and /deletemydata (erasure).

Erasure decision: the user's own rows (users, subscriptions, reminder deliveries, broadcast
deliveries, survey invitations, the directory entry by cascade) are deleted. The evaluation
rows (questions, referrals, follow-ups, survey answers) stay as anonymous counts: their
pseudonym is replaced by a random one that is stored nowhere else, and question texts are
erased. Handed-over questions keep only their existence (no text, name, answer or id). The
role audit log (who granted whom the coordinator role) is kept: the office must be able to
account for who had access.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.core.pseudonyms import Pseudonyms
from bot.db.privacy import PrivacyQueries
from bot.db.questions import QuestionQueries


async def export(privacy: PrivacyQueries, pseudonyms: Pseudonyms, user_id: int) -> bytes:
    """Everything stored about the user, as a JSON document."""
    data = await privacy.personal_data(user_id, pseudonyms.of(user_id))
    document = {
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "telegram_user_id": user_id,
        "pseudonym": pseudonyms.of(user_id),
        "data": data,
    }
    return json.dumps(document, ensure_ascii=False, indent=2, default=str).encode("utf-8")


async def erase(
    privacy: PrivacyQueries, pseudonyms: Pseudonyms, user_id: int, review_dir: Path
) -> None:
    """Delete the user's rows (the evaluation rows stay as anonymous counts) and the
    suggestions saved from their handed-over questions: they hold the question and the
    office's answer."""
    numbers = await privacy.handed_over(user_id)
    await privacy.erase_personal_data(user_id, pseudonyms.of(user_id))
    for number in numbers:
        # The name bot/inbox/suggestions.py gives a saved suggestion (tests/privacy checks).
        (review_dir / f"inbox-{number}.toml").unlink(missing_ok=True)


async def purge_question_texts(questions: QuestionQueries, days: int, now: datetime) -> int:
    """Erase question texts older than `days` (QUESTION_RETENTION_DAYS); how many."""
    cutoff = now - timedelta(days=days)
    return await questions.purge_question_texts(cutoff.isoformat(timespec="seconds"))
