"""The first minute in the chat: small talk, the bot's own features, hand-overs, and answers in
the language of the question, through the real Application."""

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.directory.service import STEPS
from bot.figures import service as figures
from tests.conftest import alerts, last_buttons, texts

GREETINGS = {
    "de": "Hallo",
    "en": "Hi there!",
    "tr": "Merhabalar",
    "ar": "السلام عليكم",
    "ru": "Здравствуйте!",
    "uk": "Привіт",
    "pl": "Dzień dobry",
    "it": "Buongiorno a tutti",
    "fa": "سلام وقت بخیر",
}
HELLO = "Hello! Ask me your question in your own words, or choose from the menu."


def data(calls) -> list[str]:
    return [b.get("callback_data") or b.get("url") for b in last_buttons(calls)]


async def rows(harness, sql):
    return await harness.services.db.fetch_all(sql)


async def nothing_logged(harness) -> bool:
    return not (
        await rows(harness, "SELECT id FROM questions")
        or await rows(harness, "SELECT id FROM referrals")
    )


@pytest.mark.parametrize("lang", list(GREETINGS))
async def test_a_greeting_gets_a_hello_and_the_menu_and_is_no_referral(harness, catalogs, lang):
    calls = await harness.chat(language_code=lang).send(GREETINGS[lang])
    assert texts(calls) == [catalogs.get(lang).gettext(HELLO)]
    assert "menu:ask" in data(calls) and "menu:programs" in data(calls)
    assert await nothing_logged(harness)  # never a referral, never followed up, not counted
    later = datetime.now(UTC) + timedelta(days=30)
    await harness.services.followups.send_due(later)
    assert await rows(harness, "SELECT * FROM followups") == []


@pytest.mark.parametrize(
    ("text", "lang", "line"),
    [
        ("Danke!", "de", "You are welcome! Write to me any time you have another question."),
        (
            "Çok teşekkür ederim",
            "tr",
            "You are welcome! Write to me any time you have another question.",
        ),
        ("خداحافظ", "fa", "Goodbye, and all the best for your association!"),
        ("Do zobaczenia", "pl", "Goodbye, and all the best for your association!"),
        (
            "you are useless",
            "en",
            "I am sorry if I could not help. Try asking in other words, or see /help.",
        ),
    ],
)
async def test_thanks_goodbye_and_insults_get_one_calm_line(harness, catalogs, text, lang, line):
    calls = await harness.chat(language_code=lang).send(text)
    assert texts(calls) == [catalogs.get(lang).gettext(line)]
    assert await nothing_logged(harness)


async def test_who_are_you_says_what_the_bot_does_and_points_to_help(harness, catalogs):
    [text] = texts(await harness.chat(language_code="ru").send("Что ты умеешь?"))
    assert text == catalogs.get("ru").gettext(
        "I am MO-Lotse, the bot of the coordination office for migrant organisations in "
        "Wiesbaden. I know funding programs, city offices and networks, and I pass what I "
        "cannot answer to the coordination office. /help lists what I can do."
    )
    assert "/help" in text
    assert await nothing_logged(harness)


async def test_register_in_free_text_offers_the_registration(harness, catalogs):
    chat = harness.chat(language_code="de")
    calls = await chat.send("Wir möchten unseren Verein in euer Verzeichnis aufnehmen lassen")
    t = catalogs.get("de")
    assert texts(calls) == [
        t.gettext("You can register your organisation in the MO directory here:")
    ]
    assert data(calls) == ["org:new"]
    calls = await chat.press("org:new")  # the button starts the guided registration
    assert texts(calls)[-1].startswith(
        t.gettext("Step {number} of {total}", number=1, total=len(STEPS))
    )
    assert await nothing_logged(harness)


@pytest.mark.parametrize(
    ("text", "button"),
    [
        ("Ich muss die Kontaktperson in unserem Eintrag ändern", "org:view"),
        ("Erinnere mich bitte an die Frist", "rm:home"),
        ("Was habt ihr über mich gespeichert?", "ft:mydata"),
        ("Bitte löscht meine Daten", "del:yes"),
        ("Can we switch to English please?", "lang:en"),
    ],
)
async def test_each_feature_gets_the_button_that_does_it(harness, text, button):
    calls = await harness.chat(language_code="de").send(text)
    assert button in data(calls)
    assert await nothing_logged(harness)


async def test_my_data_button_sends_the_file_and_delete_asks_first(harness):
    chat = harness.chat(user_id=4242, language_code="de")
    calls = await chat.press("ft:mydata")
    assert [c.method for c in calls if c.method == "sendDocument"] == ["sendDocument"]
    calls = await chat.send("Bitte löscht meine Daten")
    assert data(calls) == ["del:yes", "del:no"]  # its confirmation, nothing deleted yet
    assert await harness.services.db.users.get_user(4242) is not None
    assert alerts(await chat.press("ft:nothing"))  # an unknown feature is refused


async def test_the_reminders_button_opens_the_reminders(harness, catalogs):
    chat = harness.chat(language_code="it")
    await chat.send("ricordami la scadenza")
    calls = await chat.press("rm:home")
    assert {"rm:leads", "rm:ics"} <= set(data(calls))


@pytest.mark.parametrize(
    ("text", "lang", "intent"),
    [
        ("Wie ist der Stand unseres Antrags beim Ausländerbeirat?", "de", "application_status"),
        ("Is there a real person I could talk to?", "en", "contact_office"),
    ],
)
async def test_status_and_contact_requests_go_to_the_office_never_as_unanswered(
    harness, catalogs, text, lang, intent
):
    chat = harness.chat(language_code=lang)
    calls = await chat.send(text)
    t = catalogs.get(lang)
    [reply] = texts(calls)
    if intent == "application_status":
        assert reply == t.gettext(
            "I cannot see applications or how far they are. The coordination office can "
            "find out for you: shall I pass your question on?"
        )
    [ho] = [d for d in data(calls) if d.startswith("ho:")]
    [q] = await rows(harness, "SELECT outcome, intent, locale FROM questions")
    assert (q["intent"], q["locale"]) == (intent, lang)
    assert await rows(harness, "SELECT * FROM referrals") == []
    period = figures.Period(date.today() - timedelta(days=1), date.today() + timedelta(days=1))
    found = await figures.compute(harness.services.db, period)
    assert (found.questions, found.unanswered) == (0, 0)  # not a question until handed over
    assert (await harness.services.db.figures.knowledge_gaps(10)) == []
    await chat.press(ho)
    await chat.press(f"hn:{ho[3:]}:0")
    [open_q] = await rows(harness, "SELECT text, locale FROM open_questions")
    assert (open_q["text"], open_q["locale"]) == (text, lang)
    found = await figures.compute(harness.services.db, period)
    assert (found.questions, found.handed_off, found.unanswered) == (1, 1, 0)


async def test_a_question_in_another_language_is_answered_in_it_and_the_choice_kept_on_request(
    harness, catalogs
):
    chat = harness.chat(user_id=515, language_code="de")  # a phone set to German
    question = "Derneğimiz için Ausländerbeirat'tan proje desteği alabilir miyiz?"
    calls = await chat.send(question)
    tr = catalogs.get("tr")
    keep = tr.pgettext("button", "Keep answering in {language}", language="Türkçe")
    assert last_buttons(calls)[-1] == {"text": keep, "callback_data": "kl:tr"}
    [q] = await rows(harness, "SELECT locale FROM questions")
    assert q["locale"] == "tr"  # the office, too, would answer in Turkish
    assert (await harness.services.db.users.get_user(515)).locale is None  # not silently
    [welcome] = texts(await chat.send("/start"))
    assert welcome.startswith(
        catalogs.get("de").gettext("Welcome to MO-Lotse, {name}!", name="Ayşe")
    )
    calls = await chat.press("kl:tr")
    assert texts(calls) == [
        tr.gettext("I answer in {language} from now on. /language changes it.", language="Türkçe")
    ]
    assert (await harness.services.db.users.get_user(515)).locale == "tr"
    calls = await chat.send(question)  # now the member's own language: no button to keep it
    assert "kl:tr" not in data(calls)
    assert alerts(await chat.press("kl:xx"))


async def test_buttons_under_an_answer_stay_in_its_language(harness, catalogs, knowledge):
    chat = harness.chat(language_code="de")
    calls = await chat.send("Derneğimiz için Ausländerbeirat'tan proje desteği alabilir miyiz?")
    more = next(d for d in data(calls) if d.startswith("mo:"))
    assert more.split(":")[2] == "tr"
    [details] = texts(await chat.press(more))
    assert catalogs.get("tr").gettext("Source: {sources}.", sources="")[:6] in details
    also = [d for d in data(calls) if d.startswith("c:")]
    if also:  # another candidate opens in Turkish too
        entry = knowledge.entries[also[0].rsplit(":", 1)[1]]
        assert texts(await chat.press(also[0]))[0].startswith(entry.text("tr").title[:10])


async def test_passing_on_a_question_goes_on_in_its_language(harness, catalogs):
    chat = harness.chat(user_id=516, language_code="de")  # a phone set to German
    calls = await chat.send("Derneğimiz için Ausländerbeirat'tan proje desteği alabilir miyiz?")
    nm = next(d for d in data(calls) if d.startswith("nm:"))
    ho = next(d for d in data(await chat.press(nm)) if d.startswith("ho:"))
    tr = catalogs.get("tr")
    [ask_name] = texts(await chat.press(ho))
    assert ask_name == tr.gettext(
        "I will pass your question to the coordination office. Should they see your name? "
        "Without it they see only a pseudonym."
    )
    passed = texts(await chat.press(f"hn:{ho[3:]}:0"))[0]  # (then the coordinator's card)
    assert passed.startswith(tr.gettext(
        "I have passed your question to the coordination office for migrant organisations "
        "(no. {number}).", number=1
    ))  # fmt: skip
    assert alerts(await chat.press("ho:999999"))  # not theirs: refused, as before
