"""The main menu, the language menu and the short texts around them."""

from bot.core.reply import Button, Reply, bold, esc
from bot.i18n import Translator
from bot.i18n.languages import LANGUAGES, NATIVE_NAMES


def main_menu_buttons(t: Translator) -> tuple[tuple[Button, ...], ...]:
    return (
        (
            Button(t.pgettext("button", "Ask a question"), "menu:ask"),
            Button(t.pgettext("button", "Funding programs"), "menu:programs"),
        ),
        (Button(t.pgettext("button", "Which programs fit us?"), "menu:fit"),),
        (
            Button(t.pgettext("button", "Who is responsible?"), "menu:offices"),
            Button(t.pgettext("button", "Dates and networks"), "menu:dates"),
        ),
        (
            Button(t.pgettext("button", "Language"), "menu:language"),
            Button(t.pgettext("button", "Privacy"), "menu:privacy"),
        ),
    )


def welcome(t: Translator, first_name: str | None) -> Reply:
    greeting = (
        t.gettext("Welcome to MO-Lotse, {name}!", name=first_name)
        if first_name
        else t.gettext("Welcome to MO-Lotse!")
    )
    text = "\n".join(
        [
            bold(greeting),
            "",
            esc(
                t.gettext(
                    "I help migrant organisations in Wiesbaden: which funding program fits you, "
                    "which office is responsible, and when the networks meet."
                )
            ),
            esc(t.gettext("Just type your question in your own words and your own language.")),
        ]
    )
    return Reply(text, main_menu_buttons(t))


def help_text(t: Translator) -> Reply:
    lines = [
        bold(t.gettext("What I can do")),
        "",
        esc(
            t.gettext(
                "Type any question about funding, offices or networks, for example: "
                "“Where can we get money for a summer festival?”"
            )
        ),
        "",
        "/start — " + esc(t.pgettext("command", "Start and main menu")),
        "/fit — " + esc(t.pgettext("command", "Which programs fit us?")),
        "/next — " + esc(t.pgettext("command", "My next dates")),
        "/reminders — " + esc(t.pgettext("command", "Reminders of dates")),
        "/register — " + esc(t.pgettext("command", "Register our organisation")),
        "/myorg — " + esc(t.pgettext("command", "Our organisation's entry")),
        "/language — " + esc(t.pgettext("command", "Change language")),
        "/privacy — " + esc(t.pgettext("command", "What is stored about you")),
        "/mydata — " + esc(t.pgettext("command", "Get my stored data")),
        "/deletemydata — " + esc(t.pgettext("command", "Delete my stored data")),
        "/help — " + esc(t.pgettext("command", "What I can do")),
        "",
        esc(
            t.gettext(
                "If I cannot answer, I pass your question to the coordination office "
                "for migrant organisations."
            )
        ),
    ]
    return Reply("\n".join(lines), main_menu_buttons(t))


def language_menu(t: Translator) -> Reply:
    buttons = [Button(NATIVE_NAMES[lang], f"lang:{lang}") for lang in LANGUAGES]
    rows = tuple(tuple(buttons[i : i + 3]) for i in range(0, len(buttons), 3))
    return Reply(esc(t.gettext("Choose your language:")), rows)


def back_to_menu(t: Translator) -> Button:
    return Button(t.pgettext("button", "Main menu"), "menu:main")
