"""Issue 14's inbox findings: long hand-overs reach the office whole, hand-overs are limited
per member and day, a deleted member's card is refused, an edited message never answers."""

import tomllib
from dataclasses import replace

import pytest

from bot.app import build_application
from bot.inbox.split import safe_cut
from bot.local.bot_api import LocalBotApi, visible_text
from bot.local.runtime import running
from tests.conftest import COORDINATOR_ID, Harness, alerts, last_buttons, texts
from tests.inbox.helpers import MEMBER, cards_to, hand_over, units

OTHER_COORDINATOR = 900002
FAMILY = "👩\u200d👩\u200d👧\u200d👦"  # one symbol of seven code points (ZWJ sequence)


def _body(parts: list[str]) -> str:
    return "".join(_bodies(parts))


def _bodies(parts: list[str]) -> list[str]:
    """The member's text in the visible parts of a card: without each part's header line,
    the first part's sender line and the last part's closing line."""
    bodies = []
    for i, part in enumerate(parts):
        lines = part.split("\n")[1:]
        if i == 0:
            lines = lines[2:]  # sender, blank
        if i == len(parts) - 1:
            lines = lines[:-2]  # blank, "reply to this message"
        bodies.append("\n".join(lines))
    return bodies


LONG = {
    "words": ("Xyzzy quux frobnicate plugh. " * 150)[:4000],
    "ampersands": "&" * 4096,
    "emoji": "😀" * 4000,
    "families": FAMILY * 580,  # 4,060 code points, 8,120 UTF-16 units
    "flags": "🇩🇪🇹🇷" * 1000,
}


@pytest.mark.parametrize("kind", LONG)
async def test_a_long_hand_over_reaches_every_coordinator_in_parts_one_can_answer(harness, kind):
    question = LONG[kind]
    await harness.services.db.roles.set_role(COORDINATOR_ID, OTHER_COORDINATOR, "coordinator")
    _, calls = await hand_over(harness, question)
    for coordinator in (COORDINATOR_ID, OTHER_COORDINATOR):
        parts = cards_to(harness, coordinator)
        assert len(parts) >= 2 and all(units(p) <= 4096 for p in parts)
        shown = [visible_text(p.text) for p in parts]
        assert all(s.startswith("#q1 · ") for s in shown)
        assert _body(shown) == question  # nothing lost, nothing cut inside "&amp;"
        cuts = [sum(len(b) for b in _bodies(shown)[:i]) for i in range(1, len(shown))]
        assert all(safe_cut(question, at) for at in cuts)  # no symbol broken in two

    # a reply to the first part (not only the last) answers the member
    first = cards_to(harness, COORDINATOR_ID)[0]
    coord = harness.chat(COORDINATOR_ID, language_code="en")
    calls = await coord.send("We will call you.", reply_to_message=first.result)
    assert next(c.text for c in calls if c.chat_id == MEMBER).endswith("We will call you.")


async def test_inbox_lists_a_long_question_shortened_and_inbox_n_shows_it_whole(harness):
    question = "&" * 4096
    await hand_over(harness, question)
    coord = harness.chat(COORDINATOR_ID, language_code="en")
    calls = await coord.send("/inbox")
    [card] = [c for c in cards_to(harness, COORDINATOR_ID, calls) if c.text.startswith("#q1")]
    shown = visible_text(card.text)
    assert "&" * 100 in shown and "amp;" not in shown and units(card) < 1000
    assert "Long question: the whole text with /inbox 1." in shown
    assert texts(calls)[-1] == "1 open question."
    calls = await coord.send("/inbox 1")
    parts = [visible_text(c.text) for c in cards_to(harness, COORDINATOR_ID, calls)]
    assert len(parts) >= 2 and _body(parts) == question
    calls = await coord.send("Antwort", reply_to_message=card.result)  # the short card answers
    assert any(c.chat_id == MEMBER for c in calls)
    assert "There is no question no. 7." in texts(await coord.send("/inbox 7"))
    assert "Usage: /inbox" in texts(await coord.send("/inbox ²"))[0]


async def test_hand_overs_are_limited_per_member_and_day(harness, catalogs):
    limit = harness.services.config.handovers_per_day
    for i in range(limit):
        await hand_over(harness, f"xyzzy quux frobnicate {i}")
    assert len(cards_to(harness, COORDINATOR_ID)) == limit

    member = harness.chat(MEMBER, language_code="tr")
    t = catalogs.get("tr")
    polite = t.ngettext(
        "You have already passed {n} question to the coordination office today, as many as "
        "one day allows. Please send further questions tomorrow; the office answers the ones "
        "it has first.",
        "You have already passed {n} questions to the coordination office today, as many as "
        "one day allows. Please send further questions tomorrow; the office answers the ones "
        "it has first.",
        limit,
    )
    for i in range(40):  # 40 cards to every coordinator from one member: not any more
        # (no digits: "… 12" can read as a Polish question about figures, and the refusal
        # comes in the language the question was answered in)
        calls = await member.send(f"xyzzy quux frobnicate more {'q' * i}")
        ho = next(
            b["callback_data"] for b in last_buttons(calls) if b["callback_data"].startswith("ho:")
        )
        calls = await member.press(ho)
        assert texts(calls) == [polite] and not last_buttons(calls)
        calls = await member.press(f"hn:{ho[3:]}:0")  # forged past the refusal
        assert texts(calls) == [polite]
    assert len(cards_to(harness, COORDINATOR_ID)) == limit
    rows = await harness.services.db.fetch_all("SELECT COUNT(*) AS n FROM open_questions")
    assert rows[0]["n"] == limit

    await member.press("hn:1:0")  # one passed on already: pressing again is no new hand-over
    assert len(cards_to(harness, COORDINATOR_ID)) == limit
    await hand_over(harness, "xyzzy quux frobnicate", member=MEMBER + 1)  # others still can
    assert len(cards_to(harness, COORDINATOR_ID)) == limit + 1

    # the next day the member may pass questions on again
    await harness.services.db.store.conn.execute(
        "UPDATE open_questions SET created_at = '2000-01-01T00:00:00+00:00'"
    )
    await hand_over(harness, "xyzzy quux frobnicate tomorrow")
    assert len(cards_to(harness, COORDINATOR_ID)) == limit + 2


async def test_the_daily_limit_is_configurable(config, knowledge):
    api = LocalBotApi()
    app = build_application(replace(config, handovers_per_day=1), request=api, knowledge=knowledge)
    async with running(app):
        h = Harness(app, api)
        await hand_over(h, "xyzzy quux frobnicate", lang="en")
        _, calls = await hand_over(h, "xyzzy quux frobnicate again", lang="en")
        assert texts(calls)[-1].startswith("You have already passed 1 question to the")
        assert len(cards_to(h, COORDINATOR_ID)) == 1


async def _delete_data(member):
    calls = await member.send("/deletemydata")
    yes = next(b["callback_data"] for b in last_buttons(calls) if b["callback_data"] == "del:yes")
    await member.press(yes)


async def test_a_reply_to_the_card_of_a_member_who_deleted_their_data_is_refused(harness):
    member, _ = await hand_over(harness, "xyzzy quux frobnicate")
    [card] = cards_to(harness, COORDINATOR_ID)
    await _delete_data(member)
    db = harness.services.db
    before = await db.fetch_all("SELECT COUNT(*) AS n FROM questions")

    coord = harness.chat(COORDINATOR_ID, language_code="en")
    calls = await coord.send("Please call us.", reply_to_message=card.result)
    gone = (
        "Question no. 1 can no longer be answered: the member has deleted their data. "
        "Nothing was sent."
    )
    assert texts(calls) == [gone]
    assert not [c for c in calls if c.chat_id == MEMBER]
    # it did not become the coordinator's own question
    assert await db.fetch_all("SELECT COUNT(*) AS n FROM questions") == before
    assert texts(await coord.send("/answer 1 Please call us.")) == [gone]
    assert texts(await coord.send("/inbox 1")) == [gone]


async def test_a_reply_to_an_ordinary_bot_message_is_still_a_coordinators_question(harness):
    coord = harness.chat(COORDINATOR_ID, language_code="de")
    calls = await coord.send("/start")
    calls = await coord.send("Wo gibt es Geld für Vereine?", reply_to_message=calls[-1].result)
    assert texts(calls) and "gelöscht" not in texts(calls)[0]


async def test_an_edited_old_message_never_sends_a_second_answer(harness):
    await hand_over(harness, "xyzzy quux frobnicate")
    [card] = cards_to(harness, COORDINATOR_ID)
    coord = harness.chat(COORDINATOR_ID, language_code="en")
    await coord.send("First answer.", reply_to_message=card.result)
    answers = [c for c in harness.api.calls if c.chat_id == MEMBER and "First" in c.text]
    assert len(answers) == 1
    for text, extra in (
        ("Second answer.", {"reply_to_message": card.result}),
        (
            "/answer 1 Second answer.",
            {"entities": [{"type": "bot_command", "offset": 0, "length": 7}]},
        ),
    ):
        message = {
            "message_id": 1_000_000,
            "date": 1,
            "edit_date": 2,
            "chat": coord.chat,
            "from": coord.user.as_dict(),
            "text": text,
            **extra,
        }
        calls = await coord.feed({"edited_message": message})
        assert not [c for c in calls if c.chat_id == MEMBER]
    q = await harness.services.db.inbox.get_open_question(1)
    assert q.answer == "First answer."


async def test_a_suggestion_with_control_characters_is_valid_toml(config, knowledge, tmp_path):
    config = replace(config, review_dir=tmp_path / "review")
    api = LocalBotApi()
    app = build_application(config, request=api, knowledge=knowledge)
    async with running(app):
        h = Harness(app, api)
        await hand_over(h, "xyzzy\x7f quux\x1b frobnicate")
        [card] = cards_to(h, COORDINATOR_ID)
        coord = h.chat(COORDINATOR_ID, language_code="en")
        await coord.send("Ask\x7f the office.", reply_to_message=card.result)
        assert alerts(await coord.press("kb:1")) == ["Saved for review as inbox-1.toml."]
    data = tomllib.loads((tmp_path / "review" / "inbox-1.toml").read_text("utf-8"))
    assert data["suggestion"]["question"] == "xyzzy\x7f quux\x1b frobnicate"
