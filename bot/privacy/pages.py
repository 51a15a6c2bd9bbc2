"""What privacy says: the notices, the export caption, the erasure dialogue (no I/O)."""

from bot.config import Config
from bot.core.reply import Button, Reply, bold, esc
from bot.home.pages import back_to_menu
from bot.i18n import Translator
from bot.privacy import Erase


def notice(
    t: Translator, retention_days: int, followup_days: int = 14, translated: bool = False
) -> Reply:
    """The full notice; `translated`: handed-over questions go through the office's
    translation server (TRANSLATE_URL), which the notice must then say."""
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
        *(
            [
                esc(
                    t.gettext(
                        "Questions you pass to the coordination office are translated for "
                        "it on the translation server the office runs; the answer is "
                        "translated back into your language."
                    )
                )
            ]
            if translated
            else []
        ),
        esc(
            t.gettext(
                "Only if you use them: your reminders; your entry in the MO directory with the "
                "contact you give; your survey answers (under the pseudonym); your Telegram "
                "name for a training you sign up for, so that the office can see who took "
                "part. If you and another organisation both agree to an introduction, the "
                "contact you chose is passed on to it."
            )
        ),
        esc(
            t.ngettext(
                "Follow-up: {n} day after the bot pointed you to an office or program, it asks "
                "you once whether you contacted them and whether it helped. Your answer is "
                "counted under the pseudonym.",
                "Follow-up: {n} days after the bot pointed you to an office or program, it asks "
                "you once whether you contacted them and whether it helped. Your answer is "
                "counted under the pseudonym.",
                followup_days,
            )
        ),
        esc(
            t.gettext(
                "Your rights: /mydata sends you everything stored about you as a file; "
                "/deletemydata deletes it (the anonymous counts remain, no longer linked to you)."
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


def notice_for(t: Translator, config: Config) -> Reply:
    """The notice as this installation's settings make it true."""
    return notice(
        t,
        config.question_retention_days,
        config.followup_days,
        translated=config.translate_url is not None,
    )


def first_contact(t: Translator) -> Reply:
    """The short notice at a new user's first update; /privacy has the details."""
    return Reply(
        esc(
            t.gettext(
                "Privacy in short: the bot stores your user number, your language and your "
                "questions (under a pseudonym, texts only for a limited time) to answer you "
                "and to count anonymously how often which help is needed. Details: /privacy. "
                "Your data: /mydata, delete it: /deletemydata."
            )
        )
    )


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
            (Button(t.pgettext("button", "Yes, delete my data"), Erase("yes").data()),),
            (Button(t.pgettext("button", "No, keep it"), Erase("no").data()),),
        ),
    )


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
