"""/start, /help and the main menu in all nine languages."""

import pytest

from bot.i18n.languages import LANGUAGES
from tests.conftest import last_buttons, sent, texts

MENU = [
    "menu:ask",
    "menu:programs",
    "menu:fit",
    "menu:offices",
    "menu:dates",
    "menu:language",
    "menu:privacy",
]


@pytest.mark.parametrize("lang", LANGUAGES)
async def test_start_greets_in_the_users_language_with_the_main_menu(harness, catalogs, lang):
    chat = harness.chat(language_code=lang, first_name="Mehmet")
    calls = await chat.send("/start")
    t = catalogs.get(lang)
    [text] = texts(calls)
    assert text.startswith(t.gettext("Welcome to MO-Lotse, {name}!", name="Mehmet"))
    assert t.gettext("Just type your question in your own words and your own language.") in text
    if lang != "en":  # really translated, not the English fallback
        assert "Welcome to MO-Lotse" not in text
    assert [b["callback_data"] for b in last_buttons(calls)] == MENU


@pytest.mark.parametrize("lang", LANGUAGES)
async def test_help_lists_the_commands_in_the_users_language(harness, catalogs, lang):
    calls = await harness.chat(language_code=lang).send("/help")
    [text] = texts(calls)
    t = catalogs.get(lang)
    assert t.gettext("What I can do") in text
    for command in ("/start", "/language", "/privacy", "/help"):
        assert command in text


async def test_start_remembers_the_user(harness):
    await harness.chat(user_id=4242, language_code="pl").send("/start")
    user = await harness.services.db.users.get_user(4242)
    assert user is not None and user.role == "member" and user.locale is None
    assert user.first_seen <= user.last_seen


async def test_every_main_menu_button_answers(harness):
    chat = harness.chat(language_code="en")
    await chat.send("/start")
    for data in MENU:
        calls = await chat.press(data)
        assert sent(calls), data
        assert all(
            c.method != "answerCallbackQuery" or not c.params.get("show_alert") for c in calls
        ), data


async def test_dates_lists_the_networks(harness, knowledge):
    calls = await harness.chat(language_code="de").press("menu:dates")
    ids = {b["callback_data"] for b in last_buttons(calls)}
    assert {f"v:{e.id}" for e in knowledge.of_kind("network")} <= ids


async def test_privacy_notice_says_what_is_stored_and_for_how_long(harness, catalogs):
    calls = await harness.chat(language_code="tr").send("/privacy")
    [text] = texts(calls)
    t = catalogs.get("tr")
    assert (
        t.ngettext(
            "How long: the text of your questions is erased after {n} day; the anonymous "
            "counts remain.",
            "How long: the text of your questions is erased after {n} days; the anonymous "
            "counts remain.",
            90,
        )
        in text
    )
    assert "Amt für Zuwanderung und Integration" in text
