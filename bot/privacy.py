"""The privacy notice: what is stored, why, for how long, whom to ask."""

from bot.i18n import Translator
from bot.menus import back_to_menu
from bot.reply import Reply, bold, esc


def notice(t: Translator, retention_days: int) -> Reply:
    paragraphs = [
        bold(t.gettext("Privacy")),
        esc(
            t.gettext(
                "What is stored: your Telegram user number, the language you chose, and when you "
                "first and last wrote to the bot. Your questions are stored with a pseudonym "
                "instead of your user number."
            )
        ),
        esc(
            t.gettext(
                "Why: to answer you in your language, and so the city can count anonymously how "
                "often which help was needed (contacts, questions, referrals)."
            )
        ),
        esc(
            t.ngettext(
                "How long: the text of your questions is erased after {n} day; the anonymous "
                "counts remain.",
                "How long: the text of your questions is erased after {n} days; the anonymous "
                "counts remain.",
                retention_days,
            )
        ),
        esc(
            t.gettext(
                "If you pass a question to the coordination office, it is kept with your user "
                "number so that the office can answer you."
            )
        ),
        esc(
            t.gettext(
                "Whom to ask: the Amt für Zuwanderung und Integration of the Landeshauptstadt "
                "Wiesbaden, which runs this service."
            )
        ),
    ]
    return Reply("\n\n".join(paragraphs), ((back_to_menu(t),),))
