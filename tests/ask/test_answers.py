"""Free-text questions through the real Application: answers, buttons, log, hand-over."""

from dataclasses import replace

import pytest

from bot.i18n.bidi import FSI, PDI
from bot.matching.matcher import Match, MatchResult
from bot.upkeep.live import LiveKnowledge
from tests.conftest import alerts, last_buttons, texts

CLEAR = {  # unmistakable questions: they name the thing
    "de": "Ausländerbeirat institutionelle Förderung für Vereine mit eigenem Vereinsraum",
    "tr": "Ausländerbeirat kurumsal destek dernek odası aylık para",
    "ar": "دعم مؤسسي من Ausländerbeirat للجمعية مع مقر خاص",
}


class FixedMatcher:
    """Stands in for the matcher where a test is about the flow, not the ranking."""

    def __init__(self, *matches: tuple[str, float]) -> None:
        self.result = MatchResult(tuple(Match(i, s) for i, s in matches))

    def match(self, text: str, limit: int = 5) -> MatchResult:
        return self.result


def use_matcher(harness, matcher) -> None:
    live = LiveKnowledge(harness.services.knowledge, matcher)
    harness.app.bot_data.install(replace(harness.services, live=live))


async def rows(harness, sql):
    return await harness.services.db.fetch_all(sql)


async def test_a_clear_question_is_answered_confidently(harness):
    calls = await harness.chat(language_code="de").send(CLEAR["de"])
    assert "Ausländerbeirat" in texts(calls)[0]
    assert [b["callback_data"] for b in last_buttons(calls)][-1].startswith("nm:")


@pytest.mark.parametrize("lang", ["de", "tr", "ar", "uk"])
async def test_the_answer_is_in_the_users_language(harness, knowledge, lang):
    use_matcher(
        harness,
        FixedMatcher(
            ("auslaenderbeirat-institutionell", 95.0), ("auslaenderbeirat-projekt", 60.0)
        ),
    )
    calls = await harness.chat(language_code=lang).send("Ausländerbeirat")
    [text] = texts(calls)
    entry = knowledge.entries["auslaenderbeirat-institutionell"]
    title = entry.text(lang).title
    assert title.replace(FSI, "").replace(PDI, "") in text.replace(FSI, "").replace(PDI, "")
    assert entry.name.split()[0] in text  # the official German name, to find the office
    data = [b["callback_data"] for b in last_buttons(calls)]
    assert data[0] == f"mo:auslaenderbeirat-institutionell:{lang}:x"  # the rest of the page
    assert data[1].endswith(":auslaenderbeirat-projekt")
    assert data[-1].startswith("nm:")


async def test_amounts_are_formatted_for_the_locale(harness):
    use_matcher(harness, FixedMatcher(("auslaenderbeirat-institutionell", 95.0)))
    # a name in no particular language: each is answered in their own
    [de] = texts(await harness.chat(user_id=1, language_code="de").send("Ausländerbeirat"))
    [en] = texts(await harness.chat(user_id=2, language_code="en").send("Ausländerbeirat"))
    [fa] = texts(await harness.chat(user_id=3, language_code="fa").send("Ausländerbeirat"))
    assert "200\xa0€ (2020)" in de  # CLDR: a no-break space before the sign; the year it holds for
    assert "€200 (2020)" in en
    assert harness.services.catalogs.get("fa").money(200) in fa


async def test_rtl_answers_isolate_latin_names(harness):
    use_matcher(harness, FixedMatcher(("auslaenderbeirat-institutionell", 95.0)))
    [text] = texts(await harness.chat(language_code="ar").send(CLEAR["ar"]))
    assert f"{FSI}Institutionelle Förderung" in text or f"{FSI}Ausländerbeirat" in text


async def test_the_question_is_logged_under_a_pseudonym(harness):
    use_matcher(
        harness,
        FixedMatcher(
            ("auslaenderbeirat-institutionell", 95.0), ("geschaeftsstelle-auslaenderbeirat", 70.0)
        ),
    )
    await harness.chat(user_id=31337, language_code="tr").send(CLEAR["tr"])
    [q] = await rows(harness, "SELECT * FROM questions")
    assert q["user_key"] != "31337" and "31337" not in q["user_key"]
    assert q["user_key"] == harness.services.user_key(31337)
    assert (q["locale"], q["outcome"], q["text"]) == ("tr", "answered", CLEAR["tr"])
    matches = await rows(harness, "SELECT * FROM question_matches ORDER BY rank")
    assert matches[0]["entry_id"] == "auslaenderbeirat-institutionell"
    assert [m["score"] for m in matches] == sorted((m["score"] for m in matches), reverse=True)
    [ref] = await rows(harness, "SELECT * FROM referrals")
    assert (ref["entry_id"], ref["kind"], ref["via"]) == (
        "auslaenderbeirat-institutionell",
        "program",
        "answer",
    )


async def test_an_unsure_match_offers_candidates_and_the_office(harness, catalogs):
    use_matcher(harness, FixedMatcher(("kulturamt", 50.0), ("integration-durch-kultur", 48.0)))
    chat = harness.chat(language_code="it")
    calls = await chat.send("qualcosa di cultura")
    [text] = texts(calls)
    t = catalogs.get("it")
    assert text == t.gettext("I am not sure I understood. Do you mean one of these?")
    data = [b["callback_data"] for b in last_buttons(calls)]
    assert data[0].endswith(":kulturamt") and data[1].endswith(":integration-durch-kultur")
    assert data[-1].startswith("ho:")
    [q] = await rows(harness, "SELECT outcome FROM questions")
    assert q["outcome"] == "unsure"
    # choosing a candidate opens its page and counts as a referral by button
    calls = await chat.press(data[1])
    assert "Integration durch Kultur" in texts(calls)[0]
    [ref] = await rows(harness, "SELECT entry_id, via FROM referrals")
    assert (ref["entry_id"], ref["via"]) == ("integration-durch-kultur", "button")
    [action] = await rows(harness, "SELECT action, entry_id FROM question_actions")
    assert action == {"action": "candidate", "entry_id": "integration-durch-kultur"}


@pytest.mark.parametrize("text", ["Wie wird das Wetter morgen in Mainz?", "asdfghjkl", "🙂🙂🙂"])
async def test_out_of_scope_gets_no_false_match(harness, catalogs, text):
    calls = await harness.chat(language_code="de").send(text)
    [reply] = texts(calls)
    assert reply.startswith(catalogs.get("de").gettext("I have no answer to that."))
    data = [b["callback_data"] for b in last_buttons(calls)]
    assert data[0].startswith("ho:") and data[1] == "menu:main"
    assert await rows(harness, "SELECT * FROM referrals") == []


async def test_not_what_i_meant_offers_the_others(harness):
    use_matcher(
        harness,
        FixedMatcher(
            ("kulturamt", 90.0),
            ("integration-durch-kultur", 70.0),
            ("foerderrichtlinien-wiesbaden", 60.0),
        ),
    )
    chat = harness.chat(language_code="en")
    calls = await chat.send("culture office")
    nm = [b["callback_data"] for b in last_buttons(calls) if b["callback_data"].startswith("nm:")]
    calls = await chat.press(nm[0])
    data = [b["callback_data"] for b in last_buttons(calls)]
    assert [d.rsplit(":", 1)[1] for d in data[:2]] == [
        "integration-durch-kultur",
        "foerderrichtlinien-wiesbaden",
    ]
    assert data[-1].startswith("ho:")
    [action] = await rows(harness, "SELECT action FROM question_actions")
    assert action["action"] == "not_what_i_meant"


@pytest.mark.parametrize(
    "data",
    [
        "c:1:kulturamt",
        "nm:1",
        "ho:1",
        "c:abc:kulturamt",
        "c:1:no-such-entry",
        "ho:",
        "v:no-such",
        "t:astrology",
        "menu:nothing",
        "zzz",
        "lang:",
        "c:1:kulturamt:extra",
    ],
)
async def test_forged_or_foreign_buttons_are_refused_and_change_nothing(harness, data):
    owner = harness.chat(user_id=1, language_code="de")
    await owner.send(CLEAR["de"])  # question no. 1 belongs to user 1
    intruder = harness.chat(user_id=2, language_code="de")
    before = await rows(harness, "SELECT count(*) AS n FROM referrals")
    calls = await intruder.press(data)
    assert alerts(calls), data
    assert await rows(harness, "SELECT count(*) AS n FROM referrals") == before
    assert await rows(harness, "SELECT * FROM open_questions") == []


async def test_browse_offices_by_topic(harness, knowledge):
    chat = harness.chat(language_code="pl")
    calls = await chat.press("menu:offices")
    topics = [b["callback_data"] for b in last_buttons(calls)]
    assert "t:culture" in topics
    calls = await chat.press("t:culture")
    offices = [b["callback_data"] for b in last_buttons(calls)]
    assert "v:kulturamt" in offices
    calls = await chat.press("v:kulturamt")
    assert knowledge.entries["kulturamt"].text("pl").title in texts(calls)[0]
    [ref] = await rows(harness, "SELECT entry_id, via FROM referrals")
    assert ref == {"entry_id": "kulturamt", "via": "browse"}


async def test_programs_menu_lists_every_program(harness, knowledge):
    calls = await harness.chat(language_code="ru").press("menu:programs")
    listed = {b["callback_data"] for b in last_buttons(calls)}
    assert {f"v:{e.id}" for e in knowledge.of_kind("program")} <= listed


async def test_every_entry_page_renders_in_every_language(harness, knowledge):
    """Telegram's rules (HTML, length) are enforced by the local API: no page may break."""
    from bot.browse.details import details_page
    from bot.browse.entry import PageView, entry_page
    from bot.handlers.messages import markup
    from bot.i18n.languages import LANGUAGES

    for lang in LANGUAGES:
        t = harness.services.catalogs.get(lang)
        for entry in knowledge.entries.values():
            view = PageView(entry, t, knowledge)
            for reply in (entry_page(view), details_page(view)):
                for chunk in reply.chunks():
                    await harness.app.bot.send_message(1, chunk, reply_markup=markup(reply))
    assert not [
        c
        for c in harness.api.calls
        if c.method != "sendMessage"
        and c.method not in {"setMyCommands", "setChatMenuButton", "getMe"}
    ]


async def test_a_long_question_is_answered(harness):
    calls = await harness.chat(language_code="de").send(("Verein Raum Geld " * 400)[:4096])
    assert len(texts(calls)) == 1


@pytest.mark.parametrize(
    "payload",
    [
        {
            "sticker": {
                "file_id": "s",
                "file_unique_id": "u",
                "width": 1,
                "height": 1,
                "is_animated": False,
                "is_video": False,
                "type": "regular",
            }
        },
        {"location": {"latitude": 50.08, "longitude": 8.24}},
        {
            "photo": [{"file_id": "p", "file_unique_id": "u", "width": 1, "height": 1}],
            "caption": "Förderung?",
        },
    ],
)
async def test_non_text_messages_get_a_clear_answer(harness, catalogs, payload):
    calls = await harness.chat(language_code="tr").send_message(**payload)
    assert texts(calls) == [
        catalogs.get("tr").gettext("I can only read text. Please type your question.")
    ]


async def test_unknown_command(harness, catalogs):
    calls = await harness.chat(language_code="fa").send("/weather")
    assert texts(calls) == [
        catalogs.get("fa").gettext("I do not know that command. /help shows what I can do.")
    ]


async def test_an_internal_error_is_apologised_for_in_the_users_language(
    harness, catalogs, monkeypatch
):
    import bot.ask.service

    async def boom(*args, **kwargs):
        raise RuntimeError("database on fire")

    monkeypatch.setattr(bot.ask.service.Asking, "ask", boom)
    calls = await harness.chat(language_code="pl").send("Gdzie jest Kulturamt?")
    [text] = texts(calls)
    assert text == catalogs.get("pl").gettext(
        "Sorry, something went wrong on my side. Please try again in a moment."
    )
    assert "database on fire" not in text and "Traceback" not in text


async def test_an_answer_links_the_funding_words_it_uses(harness, catalogs):
    use_matcher(harness, FixedMatcher(("wir-migrantenorganisationen", 95.0)))
    calls = await harness.chat(language_code="ar").send("WIR")
    data = [b["callback_data"] for b in last_buttons(calls)]
    assert "vl:finanzierungsplan:ar" in data  # the checklist names a Finanzierungsplan
    assert data[-1].startswith("nm:")
    calls = await harness.chat(language_code="ar").press("vl:finanzierungsplan:ar")
    assert "Finanzierungsplan" in texts(calls)[0]
    # v: in messages sent before the page's language was carried keeps working
    assert "Finanzierungsplan" in texts(await harness.chat().press("v:finanzierungsplan"))[0]


async def test_words_and_offices_under_an_answer_open_in_its_language(harness, catalogs):
    use_matcher(harness, FixedMatcher(("wir-migrantenorganisationen", 95.0)))
    chat = harness.chat(user_id=4711, language_code="de")  # a phone set to German
    calls = await chat.send("Kann unser Verein WIR bekommen? Nasıl başvurabiliriz, lütfen?")
    data = [b["callback_data"] for b in last_buttons(calls)]
    assert "kl:tr" in data  # answered in Turkish
    office = next(d for d in data if d.startswith("vl:") and d.endswith(":tr"))
    [page] = texts(await chat.press(office))
    entry = harness.services.knowledge.entries[office.split(":")[1]]
    assert page.startswith(entry.text("tr").title[:12])
    assert alerts(await chat.press("vl:finanzierungsplan:xx"))  # forged language
    assert alerts(await chat.press("vl:no-such-entry:tr"))
