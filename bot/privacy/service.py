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
from datetime import UTC, datetime

from bot.core.reply import Button, Reply, bold, esc
from bot.i18n import Translator
from bot.services import Services

CONFIRM, CANCEL = "del:yes", "del:no"


async def export(services: Services, user_id: int) -> bytes:
    data = await services.db.privacy.personal_data(user_id, services.user_key(user_id))
    document = {
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "telegram_user_id": user_id,
        "pseudonym": services.user_key(user_id),
        "data": data,
    }
    return json.dumps(document, ensure_ascii=False, indent=2, default=str).encode("utf-8")


def export_caption(t: Translator) -> str:
    return esc(
        t.gettext(
            "Everything the bot has stored about you. The anonymous counts in it cannot be "
            "traced back to you once you delete your data with /deletemydata."
        )
    )


def confirm(t: Translator) -> Reply:
    text = "\n\n".join(
        [
            bold(t.gettext("Delete your data?")),
            esc(
                t.gettext(
                    "This deletes your language, your subscriptions and reminders, your "
                    "directory entry and the texts of your questions. Anonymous counts remain, "
                    "no longer linked to you. It cannot be undone."
                )
            ),
        ]
    )
    return Reply(
        text,
        (
            (Button(t.pgettext("button", "Yes, delete my data"), CONFIRM),),
            (Button(t.pgettext("button", "No, keep it"), CANCEL),),
        ),
    )


async def erase(services: Services, user_id: int) -> None:
    await services.db.privacy.erase_personal_data(user_id, services.user_key(user_id))


def erased(t: Translator) -> Reply:
    return Reply(
        esc(
            t.gettext(
                "Your data has been deleted. If you write to the bot again, it starts afresh."
            )
        )
    )


def kept(t: Translator) -> Reply:
    return Reply(esc(t.gettext("Nothing was deleted.")))
