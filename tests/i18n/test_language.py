"""Locale negotiation, /language, and persistence of the choice across a restart."""

import pytest

from bot.app import build_application
from bot.i18n.locale import decide_locale
from bot.local.bot_api import LocalBotApi
from bot.local.chat import LocalChat, LocalUser
from bot.local.runtime import running
from tests.conftest import alerts, last_buttons, texts


@pytest.mark.parametrize(
    ("stored", "code", "expected"),
    [
        (None, "de-AT", "de"),
        (None, "de_CH", "de"),
        (None, "pt-BR", "de"),
        (None, "zz", "de"),
        (None, None, "de"),
        (None, "", "de"),
        (None, "uk", "uk"),
        (None, "fa-IR", "fa"),
        (None, "AR-eg", "ar"),
        (None, "en-GB", "en"),
        ("tr", "de", "tr"),
        ("xx", "it", "it"),
    ],
)
def test_locale_is_stored_choice_then_telegram_language_then_default(stored, code, expected):
    assert decide_locale(stored, code, "de") == expected


async def test_unknown_language_code_gets_the_default_language(harness, catalogs):
    [text] = texts(await harness.chat(language_code="pt-BR", first_name="Ana").send("/start"))
    assert text.startswith(catalogs.get("de").gettext("Welcome to MO-Lotse, {name}!", name="Ana"))


async def test_language_command_offers_nine_languages(harness):
    calls = await harness.chat(language_code="en").send("/language")
    assert [b["callback_data"] for b in last_buttons(calls)] == [
        f"lang:{x}" for x in ("de", "en", "tr", "ar", "ru", "uk", "pl", "it", "fa")
    ]


async def test_choice_wins_over_telegram_language_and_survives_a_restart(
    config, knowledge, catalogs
):
    welcome = "Welcome to MO-Lotse, {name}!"
    api = LocalBotApi()
    async with running(build_application(config, request=api, knowledge=knowledge)) as _:
        pass
    app = build_application(config, request=api, knowledge=knowledge)
    async with running(app):
        chat = LocalChat(app, api, LocalUser(555, "Olena", "de"))
        await chat.send("/language")
        calls = await chat.press("lang:uk")
        assert texts(calls) == [
            catalogs.get("uk").gettext("Language set: {language}.", language="Українська")
        ]
    app = build_application(config, request=api, knowledge=knowledge)  # a restart
    async with running(app):
        chat = LocalChat(app, api, LocalUser(555, "Olena", "de"))
        [text] = texts(await chat.send("/start"))
    assert text.startswith(catalogs.get("uk").gettext(welcome, name="Olena"))


async def test_forged_language_button_changes_nothing(harness):
    chat = harness.chat(user_id=777, language_code="it")
    await chat.send("/start")
    calls = await chat.press("lang:xx")
    assert alerts(calls)
    assert (await harness.services.db.users.get_user(777)).locale is None
