"""What /grant and /revoke say (no I/O)."""

from __future__ import annotations

from bot.core.reply import Button, Reply, esc
from bot.i18n import Translator
from bot.roles import Grant
from bot.roles.service import RoleChange


def role_changed(t: Translator, change: RoleChange) -> Reply:
    target = change.target
    if target is None:
        usage = "/grant 123456789" if change.grant else "/revoke 123456789"
        text = t.gettext(
            "Please give the person's Telegram user id, for example: {example}", example=usage
        )
    elif change.unknown:
        text = t.gettext(
            "User {user} has not written to the bot (or has deleted their data). Ask them to "
            "send /start to the bot first, then grant the role again.",
            user=target,
        )
    elif change.kept:
        text = t.gettext("Nothing was changed.")
    elif change.confirm:
        question = t.gettext(
            "Make user {user} a coordinator? They will see the handed-over questions and can "
            "send broadcasts to everyone.",
            user=target,
        )
        yes = Button(
            t.pgettext("button", "Yes, make them a coordinator"), Grant(target, "yes").data()
        )
        no = Button(t.pgettext("button", "No"), Grant(target, "no").data())
        return Reply(esc(question), ((yes,), (no,)))
    elif change.configured:
        text = t.gettext(
            "This person is a coordinator by the bot's configuration "
            "(COORDINATOR_IDS); only the operator can change that."
        )
    elif change.grant:
        text = (
            t.gettext("User {user} is now a coordinator.", user=target)
            if change.changed
            else t.gettext("User {user} already is a coordinator.", user=target)
        )
    else:
        text = (
            t.gettext("User {user} is no longer a coordinator.", user=target)
            if change.changed
            else t.gettext("User {user} was not a coordinator.", user=target)
        )
    return Reply(esc(text))
