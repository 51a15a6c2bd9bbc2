"""The menus that list knowledge: programs, offices by topic, networks (no I/O)."""

from bot.browse import Topic, View
from bot.browse.entry import label
from bot.core.reply import Button, Reply, esc
from bot.home import Menu
from bot.home.pages import back_to_menu
from bot.i18n import Translator
from bot.knowledge import Entry, Knowledge


def _entry_buttons(entries: list[Entry], t: Translator) -> tuple[tuple[Button, ...], ...]:
    return tuple((Button(label(e, t), View(e.id).data()),) for e in entries)


def _by_title(entries: list[Entry], t: Translator) -> list[Entry]:
    return sorted(entries, key=lambda e: e.text(t.locale).title.casefold())


def programs(t: Translator, knowledge: Knowledge) -> Reply:
    entries = _by_title(knowledge.of_kind("program"), t)
    text = esc(
        t.gettext(
            "Funding programs for migrant organisations. Choose one to see "
            "what it funds, who may apply, how much and by when:"
        )
    )
    return Reply(text, (*_entry_buttons(entries, t), (back_to_menu(t),)))


def topics(t: Translator, knowledge: Knowledge) -> Reply:
    with_offices = [tid for tid in knowledge.topics if knowledge.offices_for_topic(tid)]
    buttons = tuple(
        (Button(knowledge.topics[tid].get(t.locale, tid), Topic(tid).data()),)
        for tid in with_offices
    )
    text = esc(t.gettext("Who is responsible? Choose a topic:"))
    return Reply(text, (*buttons, (back_to_menu(t),)))


def topic_offices(t: Translator, knowledge: Knowledge, topic: str) -> Reply | None:
    if topic not in knowledge.topics:
        return None
    entries = _by_title(knowledge.offices_for_topic(topic), t)
    name = knowledge.topics[topic].get(t.locale, topic)
    text = esc(t.gettext("Offices and institutions for “{topic}”:", topic=name))
    back = Button(t.pgettext("button", "Back"), Menu("offices").data())
    return Reply(text, (*_entry_buttons(entries, t), (back,)))


def networks(t: Translator, knowledge: Knowledge) -> Reply:
    entries = _by_title(knowledge.of_kind("network"), t)
    text = "\n".join(
        [
            esc(
                t.gettext(
                    "The networks of migrant organisations and how often they meet. "
                    "The coordination office knows the exact dates."
                )
            ),
            "",
            esc(t.gettext("Deadlines of the funding programs are on each program's page.")),
        ]
    )
    programs_button = Button(t.pgettext("button", "Funding programs"), Menu("programs").data())
    return Reply(text, (*_entry_buttons(entries, t), (programs_button,), (back_to_menu(t),)))


def ask_prompt(t: Translator) -> Reply:
    text = esc(
        t.gettext(
            "Type your question in your own words, in any of my languages. "
            "For example: “Can our association get money for its rooms?”"
        )
    )
    return Reply(text, ((back_to_menu(t),),))
