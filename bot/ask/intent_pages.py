"""What the bot says to small talk, to a request for one of its features, and to a message for
the coordination office: one short line and the button that does it (no I/O)."""

from __future__ import annotations

from collections.abc import Callable

from bot.ask import Feature
from bot.ask.intents import Intent
from bot.core.reply import Button, Reply, esc
from bot.directory import NEW, VIEW
from bot.events import REMINDERS_HOME
from bot.home.pages import language_menu, main_menu_buttons
from bot.i18n import Translator
from bot.inbox import HandOver
from bot.privacy.pages import confirm

Rows = tuple[tuple[Button, ...], ...]


def for_intent(intent: Intent, t: Translator, question_id: int) -> Reply:
    """The reply to an intent; a hand-over needs the logged question's id for its button."""
    if intent.handover:
        return _handover(intent, t, question_id)
    if intent.kind == "feature":
        return _feature(intent, t)
    return _smalltalk(intent, t)


def _smalltalk(intent: Intent, t: Translator) -> Reply:
    lines: dict[str, Callable[[], tuple[str, Rows]]] = {
        "greeting": lambda: (
            t.gettext("Hello! Ask me your question in your own words, or choose from the menu."),
            main_menu_buttons(t),
        ),
        "thanks": lambda: (
            t.gettext("You are welcome! Write to me any time you have another question."),
            (),
        ),
        "goodbye": lambda: (t.gettext("Goodbye, and all the best for your association!"), ()),
        "about_bot": lambda: (
            t.gettext(
                "I am MO-Lotse, the bot of the coordination office for migrant organisations "
                "in Wiesbaden. I know funding programs, city offices and networks, and I pass "
                "what I cannot answer to the coordination office. /help lists what I can do."
            ),
            main_menu_buttons(t),
        ),
        "insult": lambda: (
            t.gettext("I am sorry if I could not help. Try asking in other words, or see /help."),
            (),
        ),
    }
    text, rows = lines.get(intent.id, lines["about_bot"])()
    return Reply(esc(text), rows)


def _feature(intent: Intent, t: Translator) -> Reply:
    if intent.command == "deletemydata":
        return confirm(t)  # its confirmation, with the buttons that delete or keep
    if intent.command == "language":
        return language_menu(t)
    features: dict[str, Callable[[], tuple[str, Button]]] = {
        "register": lambda: (
            t.gettext("You can register your organisation in the MO directory here:"),
            Button(t.pgettext("button", "Register our organisation"), NEW.data()),
        ),
        "myorg": lambda: (
            t.gettext("Here you can see, change or delete your organisation's entry:"),
            Button(t.pgettext("button", "Our organisation's entry"), VIEW.data()),
        ),
        "reminders": lambda: (
            t.gettext("I can remind you of network meetings and program deadlines:"),
            Button(t.pgettext("button", "Reminders"), REMINDERS_HOME.data()),
        ),
        "mydata": lambda: (
            t.gettext("I send you everything stored about you as a file:"),
            Button(t.pgettext("button", "Send my data"), Feature("mydata").data()),
        ),
    }
    found = features.get(intent.command or "")
    if found is None:
        return Reply(esc(t.gettext("This is what I can do:")), main_menu_buttons(t))
    text, button = found()
    return Reply(esc(text), ((button,),))


def _handover(intent: Intent, t: Translator, question_id: int) -> Reply:
    if intent.id == "application_status":
        text = t.gettext(
            "I cannot see applications or how far they are. The coordination office can "
            "find out for you: shall I pass your question on?"
        )
    else:
        text = t.gettext(
            "I can pass your message to the coordination office for migrant organisations; "
            "they answer you here in the chat."
        )
    button = Button(
        t.pgettext("button", "Ask the coordination office"), HandOver(question_id).data()
    )
    return Reply(esc(text), ((button,),))
