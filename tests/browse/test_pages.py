"""Entry pages and answers: a short first message (the fact asked for first), the rest behind
"More", stale translations marked, sources readable; through the real Application."""

from dataclasses import replace
from datetime import date

import pytest

from bot.ask.intents import Intent
from bot.ask.pages import for_message
from bot.ask.understanding import Understood
from bot.browse.brief import FIRST_MESSAGE, sentences
from bot.browse.details import details_text
from bot.browse.entry import FACETS, NextDeadline, PageView
from bot.config import REPO_ROOT
from bot.core.reply import visible_text
from bot.i18n.bidi import FSI, PDI
from bot.i18n.languages import LANGUAGES
from bot.knowledge.intents import load_intents
from bot.matching.matcher import Match, MatchResult
from bot.upkeep.live import LiveKnowledge
from tests.conftest import alerts, last_buttons, texts


class FixedMatcher:
    def __init__(self, entry_id: str, facet: str | None = None) -> None:
        self.result = MatchResult((Match(entry_id, 95.0),), facet)

    def match(self, text: str, limit: int = 5) -> MatchResult:
        return self.result


def use(harness, matcher=None, knowledge=None, **changes) -> None:
    """Answer with this matcher or knowledge (the live holder keeps both, as quick fixes do)."""
    if matcher is not None or knowledge is not None:
        changes["live"] = LiveKnowledge(
            knowledge or harness.services.knowledge, matcher or harness.services.matcher
        )
    harness.app.bot_data.install(replace(harness.services, **changes))


def plain(text: str) -> str:
    return text.replace(FSI, "").replace(PDI, "")


def data(calls) -> list[str]:
    return [b.get("callback_data") or b.get("url") for b in last_buttons(calls)]


@pytest.mark.parametrize("lang", LANGUAGES)
async def test_every_entry_page_is_short_in_every_language(harness, knowledge, lang):
    chat = harness.chat(language_code=lang)
    for entry in knowledge.entries.values():
        calls = await chat.press(f"v:{entry.id}")
        [first] = texts(calls)
        assert len(first) <= FIRST_MESSAGE, (entry.id, len(first))
        assert plain(first).startswith(entry.text(lang).title)
        assert data(calls)[0] == f"mo:{entry.id}:{lang}:x"


def test_every_answer_shape_is_short_in_every_language(knowledge, catalogs):
    deadline = NextDeadline(date(2026, 12, 31), tentative=True)
    intents = [
        Intent(s.id, s.kind, s.command)
        for s in load_intents(REPO_ROOT / "knowledge").intents.values()
    ]
    for lang in LANGUAGES:
        t = catalogs.get(lang)
        shapes = [Understood("x", lang, lang, i) for i in intents]
        shapes += [Understood("x", lang, "de", result=MatchResult(()))]  # switched, nothing found
        shapes += [Understood("x", lang, lang, result=MatchResult((Match("kulturamt", 45.0),)))]
        for entry in knowledge.entries.values():
            for facet in (None, *FACETS):
                result = MatchResult((Match(entry.id, 95.0),), facet)
                shapes.append(Understood("x", lang, "de", result=result))
        for understood in shapes:
            reply = for_message(understood, 12, t, knowledge, deadline)
            assert len(visible_text(reply.text)) <= FIRST_MESSAGE, (lang, understood)


@pytest.mark.parametrize(
    ("facet", "label"),
    [
        ("deadline", "Deadline or rhythm:"),
        ("amount", "Amount:"),
        ("eligibility", "Who may apply:"),
        ("contact", "Where to go:"),
    ],
)
async def test_the_fact_asked_for_comes_first(harness, catalogs, facet, label):
    use(harness, matcher=FixedMatcher("wir-migrantenorganisationen", facet))
    t = catalogs.get("en")
    [first] = texts(await harness.chat(language_code="en").send("WIR"))
    paragraphs = first.split("\n\n")
    assert paragraphs[1].startswith(t.gettext(label))
    if facet == "deadline":  # the next date from the events catalog, unconfirmed
        year = date.today().year
        assert f"December 31, {year}" in first or f"December 31, {year + 1}" in first
        assert "(to be confirmed)" in first
    if facet == "amount":
        assert t.money(3000) in paragraphs[1]


async def test_more_shows_the_rest_with_readable_sources(harness, knowledge, catalogs):
    use(harness, matcher=FixedMatcher("wir-migrantenorganisationen"))
    chat = harness.chat(language_code="de")
    calls = await chat.send("WIR")
    t = catalogs.get("de")
    more = data(calls)[0]
    assert more == "mo:wir-migrantenorganisationen:de:x"
    [details] = texts(await chat.press(more))
    entry = knowledge.entries["wir-migrantenorganisationen"]
    assert t.gettext("Who may apply:") in details
    assert t.gettext("What to prepare:") in details
    assert t.gettext("Help with applying:") in details
    for citation in entry.citations:
        assert f"{citation.source.title} ({citation.source.year})" in details
    assert not entry.confirmed  # public sources: the reader is asked to confirm
    status = t.gettext(
        "As of {year}, not yet confirmed by the coordination office: please check with "
        "it before you rely on it.",
        year=entry.as_of,
    )
    assert status in details


@pytest.mark.parametrize("lang", LANGUAGES)
def test_source_lines_never_show_file_names_or_editor_notes(knowledge, catalogs, lang):
    t = catalogs.get(lang)
    for entry in knowledge.entries.values():
        details = visible_text(details_text(PageView(entry, t, knowledge)))
        assert ".md" not in details and ".txt" not in details and "Fn." not in details
        for c in entry.citations:
            assert plain(c.source.title) in plain(details)
            assert f"({c.source.year})" in plain(details)


@pytest.mark.parametrize(
    "data_",
    [
        "mo:no-such:de:x",
        "mo:kulturamt:xx:x",
        "mo:kulturamt:de:weather",
        "mo:kulturamt:de",
        "pg:kulturamt:xx",
        "pg:nothing:de",
    ],
)
async def test_forged_more_and_page_buttons_are_refused(harness, data_):
    calls = await harness.chat(language_code="de").press(data_)
    assert alerts(calls) and not texts(calls)


async def test_a_stale_translation_is_marked_and_the_german_text_is_one_tap_away(
    harness, knowledge, catalogs
):
    entry = knowledge.entries["kulturamt"]
    stale = replace(
        entry, stale_languages=frozenset({"tr", "it"}), minor_stale_languages=frozenset({"it"})
    )
    changed = replace(knowledge, entries={**knowledge.entries, "kulturamt": stale})
    use(harness, knowledge=changed)
    tr = catalogs.get("tr")
    note = tr.gettext("This translation may be out of date; the German text is the reference.")
    chat = harness.chat(language_code="tr")
    calls = await chat.press("v:kulturamt")
    [first] = texts(calls)
    assert note in first and plain(first).startswith(entry.text("tr").title)
    assert "pg:kulturamt:de" in data(calls)
    [german] = texts(await chat.press("pg:kulturamt:de"))
    assert german.startswith(entry.text("de").title)
    # a minor edit (a typo fixed in German) shows no note
    calls = await harness.chat(user_id=2, language_code="it").press("v:kulturamt")
    assert (
        catalogs.get("it").gettext(
            "This translation may be out of date; the German text is the reference."
        )
        not in texts(calls)[0]
    )
    assert "pg:kulturamt:de" not in data(calls)


async def test_amounts_set_yearly_show_their_year(harness, knowledge):
    chat = harness.chat(language_code="de")
    calls = await chat.press("v:raeume-finden")
    [details] = texts(await chat.press(data(calls)[0]))
    page = texts(calls)[0] + details
    assert "200\xa0€ (2020)" in page and "100\xa0€ (2020)" in page
    for lang in LANGUAGES:  # the year is on the page: the prose no longer names it
        assert "2020" not in knowledge.entries["raeume-finden"].text(lang).summary


def test_sentences_keep_abbreviations_and_dates_together():
    text = "Bringen Sie z. B. die Satzung mit. Frist ist der 31. Dezember. Danach e.V. gründen!"
    assert sentences(text) == [
        "Bringen Sie z. B. die Satzung mit.",
        "Frist ist der 31. Dezember.",
        "Danach e.V. gründen!",
    ]
