"""The MO directory: registering (back, cancel, timeout, bad input), own entry, coordinators."""

import asyncio
import csv
import io

import pytest

from bot.app import build_application
from bot.directory.service import MAX_NAME, STEPS
from bot.local.bot_api import LocalBotApi
from bot.local.runtime import running
from tests.conftest import COORDINATOR_ID, Harness, alerts, last_buttons, texts
from tests.directory.helpers import register

LANGS = ["de", "tr", "ar"]
PHOTO = {"photo": [{"file_id": "p", "file_unique_id": "u", "width": 1, "height": 1}]}


def step_head(catalogs, lang, number):
    return catalogs.get(lang).gettext("Step {number} of {total}", number=number, total=len(STEPS))


def data(calls):
    return [b.get("callback_data") for b in last_buttons(calls)]


@pytest.mark.parametrize("lang", LANGS)
async def test_registration_stores_every_answer(harness, catalogs, lang):
    t = catalogs.get(lang)
    chat = harness.chat(language_code=lang)
    calls = await chat.send("/register")  # the first contact also gets the privacy notice
    assert texts(calls)[-1].startswith(step_head(catalogs, lang, 1))
    calls = await register(chat, "  Kulturverein   Anadolu ")
    page = texts(calls)[-1]
    assert page.startswith(t.gettext("Saved. Your entry in the directory:"))
    assert "Kulturverein Anadolu" in page and "Biebrich" in page
    assert t.gettext("Support with funding matters") in page
    assert data(calls) == ["itm:any", "org:edit", "org:del"]  # it wants to network
    org = await harness.services.db.directory.organisation_of(chat.user.id)
    assert (org.name, org.legal_form, org.district) == ("Kulturverein Anadolu", "ev", "biebrich")
    assert (org.topics, org.languages, org.needs) == (
        ("culture", "refugees"),
        ("de", "tr"),
        ("1", "5"),
    )
    assert (org.size, org.own_rooms, org.networking) == ("m", True, True)


@pytest.mark.parametrize("lang", LANGS)
async def test_back_keeps_going_and_cancel_changes_nothing(harness, catalogs, lang):
    chat = harness.chat(language_code=lang)
    await chat.send("/register")
    await chat.send("Verein A")
    await chat.press("og:initiative")
    calls = await chat.press("og:back")
    assert texts(calls)[0].startswith(step_head(catalogs, lang, 2))
    calls = await chat.press("og:back")
    assert texts(calls)[0].startswith(step_head(catalogs, lang, 1))
    calls = await chat.press("og:back")  # on the first step: stays there
    assert texts(calls)[0].startswith(step_head(catalogs, lang, 1))
    await chat.send("Verein B")
    await chat.press("og:ev")
    calls = await chat.press("og:x")
    assert texts(calls) == [catalogs.get(lang).gettext("Cancelled. Nothing was changed.")]
    assert await harness.services.db.directory.organisation_of(chat.user.id) is None
    calls = await chat.press("og:mitte")  # an old button: refused, nothing stored
    assert alerts(calls) and not texts(calls)
    assert await harness.services.db.directory.organisation_of(chat.user.id) is None


@pytest.mark.parametrize("lang", ["de", "fa"])
@pytest.mark.parametrize(
    "bad", [{"text": "   "}, {"text": "x" * (MAX_NAME + 1)}, {"text": "a\x00b"}, PHOTO]
)
async def test_a_bad_name_is_refused_clearly_and_nothing_is_lost(harness, catalogs, lang, bad):
    t = catalogs.get(lang)
    chat = harness.chat(language_code=lang)
    await chat.send("/register")
    calls = await (chat.send(bad["text"]) if "text" in bad else chat.send_message(**bad))
    assert texts(calls) == [
        t.gettext(
            "Please send the name as a text of 1 to {max} characters. "
            "Your other answers are kept.",
            max=MAX_NAME,
        )
    ]
    calls = await chat.send("Verein")
    assert texts(calls)[0].startswith(step_head(catalogs, lang, 2))


async def test_text_on_a_button_step_and_an_empty_done_are_explained(harness, catalogs):
    t = catalogs.get("tr")
    chat = harness.chat(language_code="tr")
    await chat.send("/register")
    await chat.send("Verein")
    await chat.press("og:ev")
    await chat.press("og:mitte")
    calls = await chat.send("Kultur")  # a typed answer where buttons are asked for
    assert texts(calls)[0] == t.gettext("Please choose with the buttons. Your answers are kept.")
    assert texts(calls)[1].startswith(step_head(catalogs, "tr", 4))
    calls = await chat.press("og:ok")  # Done with no topic ticked
    assert alerts(calls) == [t.gettext("Please tick at least one.")]
    calls = await chat.press("og:culture")
    assert "og:culture" in data(calls) and any(
        b["text"].startswith("✓ ") for b in last_buttons(calls)
    )


@pytest.mark.parametrize("lang", ["de", "uk"])
async def test_registration_ends_politely_after_a_silence(
    config, knowledge, catalogs, monkeypatch, lang
):
    import bot.handlers.directory as handlers

    monkeypatch.setattr(handlers, "TIMEOUT_SECONDS", 0.3)
    api = LocalBotApi()
    app = build_application(config, request=api, knowledge=knowledge)
    async with running(app):
        chat = Harness(app, api).chat(language_code=lang)
        await chat.send("/register")
        await chat.send("Verein")
        before = len(api.calls)
        await asyncio.sleep(1.0)
        ended = texts(api.calls[before:])
        assert await app.bot_data.services.db.directory.organisation_of(chat.user.id) is None
    assert ended == [
        catalogs.get(lang).gettext(
            "The registration has ended because there was no answer for a while. Nothing "
            "was changed; you can start again with /register."
        )
    ]


async def test_view_edit_and_delete_the_own_entry(harness, catalogs):
    t = catalogs.get("de")
    chat = harness.chat(language_code="de")
    calls = await chat.send("/myorg")
    assert texts(calls)[-1] == t.gettext("Your organisation is not in the directory yet.")
    assert data(calls) == ["org:new"]
    await register(chat)
    calls = await chat.send("/register")  # registered already: shows the entry
    assert texts(calls)[0].startswith(t.gettext("Your entry in the directory:"))
    calls = await chat.press("org:edit")
    assert "og:keep" in data(calls)
    await chat.press("og:keep")
    await chat.press("og:initiative")
    await chat.press("og:kastel")
    for _ in range(4):  # topics, languages kept; size, rooms
        calls = await chat.press("og:ok") if "og:ok" in data(calls) else calls
    org = await harness.services.db.directory.organisation_of(chat.user.id)
    assert org.legal_form == "ev"  # not saved before the last step
    await chat.press("og:ok")  # topics kept
    await chat.press("og:accompaniment")  # a format added to those kept
    await chat.press("og:ok")
    await chat.press("og:ok")  # languages kept
    await chat.press("og:s")
    await chat.press("og:no")
    await chat.press("og:ok")
    calls = await chat.press("og:no")
    assert "Mainz-Kastel" in texts(calls)[-1]
    org = await harness.services.db.directory.organisation_of(chat.user.id)
    assert (org.name, org.legal_form, org.district) == (
        "Kulturverein Anadolu",
        "initiative",
        "kastel",
    )
    assert (org.topics, org.size, org.own_rooms, org.networking) == (
        ("culture", "refugees"),
        "s",
        False,
        False,
    )
    assert org.formats == ("events", "counselling", "accompaniment")
    calls = await chat.press("org:del")
    assert data(calls) == ["org:delyes", "org:view"]
    calls = await chat.press("org:view")  # "no, keep it"
    assert texts(calls)[0].startswith(t.gettext("Your entry in the directory:"))
    await chat.press("org:del")
    calls = await chat.press("org:delyes")
    assert texts(calls) == [t.gettext("The entry was deleted.")]
    assert await harness.services.db.directory.organisation_count() == 0
    calls = await chat.press("org:delyes")  # again: nothing to delete
    assert alerts(calls)


@pytest.mark.parametrize(
    "forged", ["og:banana", "og:", "og:ev:x", "og:culture", "og:ok", "og:keep", "og:../x"]
)
async def test_forged_registration_buttons_are_refused(harness, forged):
    chat = harness.chat(language_code="de")
    await chat.send("/register")
    await chat.send("Verein")  # now on the legal form: single choice, no name to keep
    calls = await chat.press(forged)
    assert alerts(calls) and not texts(calls)
    calls = await chat.press("og:ev")  # the conversation goes on
    assert "og:mitte" in data(calls)


async def test_coordinators_list_search_and_export(harness, catalogs):
    await register(harness.chat(3001, "de"), '=HYPERLINK("http://x")', district="mitte")
    await register(harness.chat(3002, "tr"), 'Türk Kadınlar Derneği ü; "quoted"')
    member = harness.chat(3003, "de")
    refusal = catalogs.get("de").gettext("Sorry, only the coordination office can do that.")
    assert texts(await member.send("/directory"))[-1] == refusal
    assert alerts(await member.press("dir:csv")) == [refusal]
    assert not [c for c in harness.api.calls if c.method == "sendDocument"]

    coord = harness.chat(COORDINATOR_ID, language_code="en")
    t = catalogs.get("en")
    calls = await coord.send("/directory")
    page = texts(calls)[-1]
    assert page.startswith(
        t.ngettext("{n} organisation in the directory.", "{n} organisations in the directory.", 2)
    )
    assert "Türk Kadınlar Derneği" in page and "HYPERLINK" in page
    assert data(calls) == ["dir:csv"]
    calls = await coord.send("/directory biebrich")
    assert "Türk Kadınlar" in texts(calls)[0] and "HYPERLINK" not in texts(calls)[0]
    calls = await coord.send("/directory Geflüchtete")  # a topic, in German
    assert texts(calls)[0].startswith(
        t.ngettext(
            "{n} organisation matches “{term}”.",
            "{n} organisations match “{term}”.",
            2,
            term="Geflüchtete",
        )
    )

    calls = await coord.press("dir:csv")
    [doc] = [c for c in calls if c.method == "sendDocument"]
    raw = doc.files["document"]
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Name", "Legal form", "District"]
    by_name = {r[0]: r for r in rows[1:]}
    assert set(by_name) == {'\'=HYPERLINK("http://x")', 'Türk Kadınlar Derneği ü; "quoted"'}
    tr = by_name['Türk Kadınlar Derneği ü; "quoted"']
    assert tr[2] == "Biebrich" and tr[4] == "Deutsch, Türkçe"
    assert rows[0][-1] == "Offers" and tr[-1] == "Events, Counselling"
    assert alerts(await coord.press("dir:csv:all"))
