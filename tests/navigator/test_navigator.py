"""'Which programs fit us?': every path of the conversation, the rules as data, pages."""

import asyncio

import pytest

from bot.app import build_application
from bot.i18n.bidi import FSI, PDI
from bot.local.bot_api import LocalBotApi
from bot.local.runtime import running
from bot.navigator.service import ORDER, assess
from tests.conftest import Harness, alerts, last_buttons, texts

LANGS = ["de", "tr", "fa"]
REGISTERED = {
    "legal_form": "ev",
    "seat": "yes",
    "nonprofit": "yes",
    "paid_staff": "no",
    "own_rooms": "yes",
    "topic": "culture",
    "amount": "medium",
    "project": "new",
}


async def answer_all(chat, answers):
    calls = []
    for q in ORDER:
        calls = await chat.press(f"fit:{answers[q]}")
    return calls


def plain(text: str) -> str:
    """Text without the direction isolates around Latin names in right-to-left text."""
    return text.replace(FSI, "").replace(PDI, "")


def question_heading(catalogs, lang, number):
    return catalogs.get(lang).gettext(
        "Question {number} of {total}", number=number, total=len(ORDER)
    )


@pytest.mark.parametrize("lang", LANGS)
async def test_a_registered_association_gets_ranked_programs_with_reasons(
    harness, catalogs, knowledge, lang
):
    t = catalogs.get(lang)
    chat = harness.chat(language_code=lang)
    calls = await chat.send("/fit")
    assert texts(calls)[0].startswith(question_heading(catalogs, lang, 1))
    calls = await answer_all(chat, REGISTERED)
    [result] = texts(calls)
    assert result.startswith(t.gettext("Programs that may fit you"))
    # own rooms → the Ausländerbeirat's monthly amount, formatted for the reader
    assert t.money(200) in result
    listed = [b["callback_data"] for b in last_buttons(calls)]
    assert "v:auslaenderbeirat-institutionell" in listed
    assert "v:integration-durch-kultur" in listed
    # at most five, those with a reason that fits first: culture fits, rooms fit
    programs = [d for d in listed if d.startswith("v:")]
    assert len(programs) <= 5 and "v:house-of-resources" not in programs
    assert len(result) <= 700  # a first message


@pytest.mark.parametrize("lang", LANGS)
async def test_an_initiative_is_told_what_is_ruled_out_and_why(harness, catalogs, knowledge, lang):
    t = catalogs.get(lang)
    chat = harness.chat(language_code=lang)
    await chat.send("/fit")
    calls = await answer_all(chat, {**REGISTERED, "legal_form": "initiative"})
    [result] = texts(calls)
    assert t.gettext("Ruled out") not in result  # one line per fitting program, no more
    data = [b["callback_data"] for b in last_buttons(calls)]
    assert "v:auslaenderbeirat-institutionell" not in data
    [ruled_out] = [d for d in data if d.startswith("fo:")]
    # the reasons are behind the button, as a new message, also after the check has ended
    [reasons] = texts(await chat.press(ruled_out))
    assert reasons.startswith(t.gettext("Ruled out"))
    rule = next(
        r
        for r in knowledge.applying["auslaenderbeirat-institutionell"].rules
        if r.question == "legal_form" and r.effect == "exclude"
    )
    assert rule.reason[lang].split("{")[0].strip()[:30] in reasons
    title = knowledge.entries["auslaenderbeirat-institutionell"].text(lang).title
    assert title in plain(reasons)


@pytest.mark.parametrize("lang", LANGS)
async def test_not_based_in_wiesbaden_rules_out_city_funding(harness, catalogs, knowledge, lang):
    chat = harness.chat(language_code=lang)
    await chat.send("/fit")
    calls = await answer_all(chat, {**REGISTERED, "seat": "no"})
    data = [b["callback_data"] for b in last_buttons(calls)]
    city = ["foerderrichtlinien-wiesbaden", "integration-durch-kultur", "sportfoerderung-mo"]
    assert not {f"v:{p}" for p in city} & set(data)
    [reasons] = texts(await chat.press(next(d for d in data if d.startswith("fo:"))))
    for program in city:
        assert knowledge.entries[program].text(lang).title in plain(reasons)
        rule = next(r for r in knowledge.applying[program].rules if r.question == "seat")
        assert rule.effect == "exclude" and rule.reason[lang][:30] in reasons


@pytest.mark.parametrize("data", ["fo:", "fo:zzzzzzzz", "fo:1101001", "fo:110100101"])
async def test_forged_ruled_out_buttons_are_refused(harness, data):
    calls = await harness.chat(language_code="de").press(data)
    assert alerts(calls) and not texts(calls)


@pytest.mark.parametrize("lang", LANGS)
async def test_dont_know_keeps_programs_with_something_to_check(
    harness, catalogs, knowledge, lang
):
    t = catalogs.get(lang)
    chat = harness.chat(language_code=lang)
    await chat.send("/fit")
    calls = await answer_all(chat, dict.fromkeys(ORDER, "unknown"))
    [result] = texts(calls)
    listed = [b["callback_data"] for b in last_buttons(calls)]
    assert not [d for d in listed if d.startswith("fo:")]  # none ruled out
    assert len([d for d in listed if d.startswith("v:")]) == 5
    assert "menu:programs" in listed  # the others: all programs
    more = len(knowledge.of_kind("program")) - 5
    assert (
        t.ngettext(
            "{n} more program may fit: see all programs.",
            "{n} more programs may fit: see all programs.",
            more,
        )
        in result
    )
    assert t.gettext("The sources name no conditions for this program.") in result


@pytest.mark.parametrize("lang", LANGS)
async def test_back_goes_one_question_back_and_keeps_going(harness, catalogs, lang):
    chat = harness.chat(language_code=lang)
    await chat.send("/fit")
    calls = await chat.press("fit:back")  # on the first question: stays there
    assert texts(calls)[0].startswith(question_heading(catalogs, lang, 1))
    await chat.press("fit:initiative")
    calls = await chat.press("fit:back")
    assert texts(calls)[0].startswith(question_heading(catalogs, lang, 1))
    calls = await answer_all(chat, REGISTERED)  # the changed answer counts
    assert catalogs.get(lang).gettext("Ruled out") not in texts(calls)[0] or (
        "auslaenderbeirat-institutionell" in str(last_buttons(calls))
    )


@pytest.mark.parametrize("lang", LANGS)
async def test_cancel_ends_the_check_and_its_buttons(harness, catalogs, lang):
    chat = harness.chat(language_code=lang)
    await chat.send("/fit")
    await chat.press("fit:ev")
    calls = await chat.press("fit:cancel")
    assert texts(calls) == [catalogs.get(lang).gettext("The check is cancelled.")]
    calls = await chat.press("fit:yes")  # an old button: refused, nothing happens
    assert alerts(calls)
    assert not texts(calls)


@pytest.mark.parametrize("lang", LANGS)
async def test_restart_mid_way_begins_again(harness, catalogs, lang):
    chat = harness.chat(language_code=lang)
    await chat.send("/fit")
    await chat.press("fit:ev")
    await chat.press("fit:yes")
    calls = await chat.press("menu:fit")
    assert texts(calls)[0].startswith(question_heading(catalogs, lang, 1))
    calls = await chat.press("fit:ev")
    assert texts(calls)[0].startswith(question_heading(catalogs, lang, 2))


@pytest.mark.parametrize("data", ["fit:banana", "fit:", "fit:yes:no", "fit:ev"])
async def test_forged_or_wrong_answers_are_refused(harness, data):
    chat = harness.chat(language_code="de")
    await chat.send("/fit")
    await chat.press("fit:ev")  # now on "seat": ev is no answer to it
    calls = await chat.press(data)
    assert alerts(calls)


@pytest.mark.parametrize("lang", LANGS)
async def test_the_check_ends_politely_after_a_silence(
    config, knowledge, catalogs, monkeypatch, lang
):
    import bot.handlers.navigator as nav

    monkeypatch.setattr(nav, "TIMEOUT_SECONDS", 0.3)
    api = LocalBotApi()
    app = build_application(config, request=api, knowledge=knowledge)
    async with running(app):
        chat = Harness(app, api).chat(language_code=lang)
        await chat.send("/fit")
        before = len(api.calls)
        await asyncio.sleep(1.0)
        ended = texts(api.calls[before:])
    assert ended == [
        catalogs.get(lang).gettext(
            "The check has ended because there was no answer for a while. "
            "You can start it again at any time."
        )
    ]


def test_every_rule_in_the_knowledge_base_has_its_effect(knowledge):
    """The rules are data: answering a rule's answer must produce its effect."""
    assert knowledge.applying, "no application data shipped"
    for applying in knowledge.applying.values():
        for rule in applying.rules:
            answers = {rule.question: next(iter(rule.answers))}
            verdict = next(
                v for v in assess(knowledge, answers) if v.program.id == applying.program
            )
            bucket = {"exclude": verdict.excluded, "fit": verdict.fits, "note": verdict.notes}
            assert rule in bucket[rule.effect], (applying.program, rule.question)
            if rule.effect == "exclude":
                assert verdict.ruled_out
                unknown = next(
                    v
                    for v in assess(knowledge, {rule.question: "unknown"})
                    if v.program.id == applying.program
                )
                assert rule in unknown.to_check and not unknown.ruled_out


def test_every_program_has_application_data(knowledge):
    assert {p.id for p in knowledge.of_kind("program")} == set(knowledge.applying)


async def test_a_shared_link_opens_the_page(harness, knowledge):
    calls = await harness.chat(language_code="it").send("/start e_wir-migrantenorganisationen")
    entry = knowledge.entries["wir-migrantenorganisationen"]
    assert texts(calls)[0].startswith(entry.text("it").title)
    share = next(b for b in last_buttons(calls) if b.get("url"))
    assert "t.me%2Fmo_lotse_bot%3Fstart%3De_wir-migrantenorganisationen" in share["url"]
    calls = await harness.chat(language_code="it").send("/start e_nothing-here")
    assert "Welcome" not in texts(calls)[0] and len(last_buttons(calls)) >= 6


async def test_program_page_shows_checklist_helpers_and_reminder(harness, knowledge, catalogs):
    chat = harness.chat(language_code="tr")
    calls = await chat.press("v:wir-migrantenorganisationen")
    data = [b.get("callback_data") for b in last_buttons(calls)]
    assert "remind:wir-migrantenorganisationen" in data
    assert "menu:programs" in data
    # the checklist and who helps are details: behind "More", as a new message
    [details] = texts(await chat.press("mo:wir-migrantenorganisationen:tr:x"))
    t = catalogs.get("tr")
    assert t.gettext("What to prepare:") in details
    for item in knowledge.applying["wir-migrantenorganisationen"].checklist["tr"]:
        assert item.split("{")[0][:20] in details
    assert t.gettext("Help with applying:") in details


async def test_glossary_words_are_linked_from_pages_and_found_by_questions(harness):
    calls = await harness.chat(language_code="de").press("v:wir-migrantenorganisationen")
    assert "vl:finanzierungsplan:de" in [b.get("callback_data") for b in last_buttons(calls)]
    calls = await harness.chat(user_id=7, language_code="tr").send("Verwendungsnachweis nedir?")
    assert "Verwendungsnachweis" in texts(calls)[0].split("\n")[0]
