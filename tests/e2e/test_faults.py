"""End to end under faults: nothing a user should get is lost, nothing is sent twice.

One `python -m bot run` process. Two kinds of fault (tests/e2e/fake_bot_api_faults.py):
- certainly not delivered (5xx answers, kept-alive connections dropped between requests):
  at 5 % each, a conversation of many steps and a broadcast must arrive complete, each
  message exactly once;
- maybe delivered (an answer later than the bot waits, a connection reset before or after
  the fake processed the request): the bot must not send again, and what the fake did
  deliver is there once.
Counting only what the fake delivered (status 200) makes a repeated 5xx no duplicate.
"""

import time
from collections import Counter

import pytest

from bot.i18n.languages import LANGUAGES
from bot.navigator.service import ORDER
from tests.e2e.fake_bot_api import FakeBotApi
from tests.e2e.fake_bot_api_faults import CLOSE, DROP_AFTER, DROP_BEFORE, ERROR, SLOW, Faults
from tests.e2e.helpers import (
    COORDINATOR,
    QUESTIONS,
    TOKEN,
    BotProcess,
    add_members,
    broadcast,
    plain,
    seed,
    t,
    wait_finished,
    wait_text,
)

MEMBERS = {700000 + i: ("tr", "de", "ar", "ru", "uk")[i % 5] for i in range(50)}
TALKERS = {710001: "de", 710002: "tr", 710003: "ar", 710004: "fa"}
FIT = dict.fromkeys(ORDER, "unknown")  # "I don't know" is an answer to every question
SORRY = "Sorry, something went wrong on my side. Please try again in a moment."


@pytest.fixture(scope="module")
def api():
    with FakeBotApi() as fake:
        fake.limits.overall = 30
        yield fake


@pytest.fixture(scope="module")
def bot(api, tmp_path_factory):
    process = BotProcess(api, tmp_path_factory.mktemp("faults"))
    seed(process.db_path, lambda db: add_members(db, MEMBERS))
    process.start()
    yield process
    process.stop()


def _talk(api: FakeBotApi, knowledge, user_id: int, lang: str) -> list[str]:
    """A member's conversation, each step waited for; the callback queries pressed."""
    tl, queries = t(lang), []
    since = api.mark()
    api.user_sends("/start", user_id, lang)
    welcome = plain(tl.gettext("Welcome to MO-Lotse, {name}!", name="Test"))
    wait_text(api, user_id, since, lambda s: s.startswith(welcome))
    question, entry = QUESTIONS[lang]
    title = plain(knowledge.entries[entry].text(lang).title)
    since = api.mark()
    api.user_sends(question, user_id, lang)
    wait_text(api, user_id, since, lambda s: title in s)
    programs = plain(
        tl.gettext(
            "Funding programs for migrant organisations. Choose one to see "
            "what it funds, who may apply, how much and by when:"
        )
    )
    queries.append(api.press("menu:programs", user_id, lang))
    wait_text(api, user_id, since, lambda s: s == programs)
    since = api.mark()
    api.user_sends("/fit", user_id, lang)
    total = len(ORDER)
    for number, question_id in enumerate(ORDER, start=1):
        heading = plain(tl.gettext("Question {number} of {total}", number=number, total=total))
        wait_text(api, user_id, since, lambda s, h=heading: s.startswith(h))
        since = api.mark()
        queries.append(api.press(f"fit:{FIT[question_id]}", user_id, lang))
    result = plain(tl.gettext("Programs that may fit you"))
    wait_text(api, user_id, since, lambda s: s.startswith(result))
    return queries


def test_under_5_percent_faults_every_message_arrives_exactly_once(api, bot, knowledge):
    api.faults = Faults(error=0.05, close=0.05, seed=11)
    start = api.mark()
    talks = [_talk(api, knowledge, user_id, lang) for user_id, lang in TALKERS.items()]
    queries = [q for talk in talks for q in talk]
    go = broadcast(api, "Einladung zum Sommerfest", {"tr": "Yaz şenliğine davet"})
    wait_finished(api, go)

    # (the coordinator saw the text once as a preview before it went out)
    delivered = [
        r
        for i, r in enumerate(api.requests[start:], start)
        if r.delivered and (r.chat_id != COORDINATOR or i >= go)
    ]
    sends = Counter(
        (r.chat_id, r.text) for r in delivered if r.method in ("sendMessage", "sendDocument")
    )
    assert [key for key, n in sends.items() if n > 1] == []  # nothing twice
    edits = Counter(
        (r.chat_id, r.params["message_id"], r.text)
        for r in delivered
        if r.method == "editMessageText"
    )
    assert [key for key, n in edits.items() if n > 1] == []
    answered = Counter(
        r.params["callback_query_id"] for r in delivered if r.method == "answerCallbackQuery"
    )
    assert all(answered[q] == 1 for q in queries)  # every press answered, once
    sorry = {plain(t(lang).gettext(SORRY)) for lang in LANGUAGES}
    assert not [r for r in delivered if plain(r.text) in sorry]  # no handler failed
    for member, lang in MEMBERS.items():
        expected = "Yaz şenliğine davet" if lang == "tr" else "Einladung zum Sommerfest"
        assert sends[(member, expected)] == 1, member
    # the faults did happen, and were answered by repeating
    assert api.faults.injected[ERROR] >= 2 and api.faults.injected[CLOSE] >= 2
    failed = [r for r in api.requests[start:] if r.status >= 500]
    assert len(failed) == api.faults.injected[ERROR]


def test_what_may_have_arrived_is_not_sent_again(api, bot, knowledge):
    """A welcome answered later than the bot waits, an answer whose connection broke after
    it was delivered, an edit whose connection broke before: each is tried once only."""
    api.faults = Faults(methods=set())  # only the planned ones below
    late, broken, lost = 720001, 720002, 720003
    de = t("de")
    welcome = de.gettext("Welcome to MO-Lotse, {name}!", name="Test")
    title = knowledge.entries[QUESTIONS["de"][1]].text("de").title
    since = api.mark()
    api.user_sends("/start", lost)
    wait_text(api, lost, since, lambda s: s.startswith(welcome))
    api.faults.once(SLOW, "sendMessage", chat_id=late)
    api.faults.once(DROP_AFTER, "sendMessage", chat_id=broken)
    api.faults.once(DROP_BEFORE, "editMessageText", chat_id=lost)
    since = api.mark()
    api.user_sends("/start", late)
    api.user_sends(QUESTIONS["de"][0], broken)
    api.press("menu:programs", lost)
    deadline = time.monotonic() + 30  # the bot logs each; it has nothing to send
    while bot.log().count("a Bot API call for") < 3 and time.monotonic() < deadline:
        time.sleep(0.1)

    def tries(user_id, method, test):
        found = api.requests[since:]
        return [
            (r.fault, r.status)
            for r in found
            if r.chat_id == user_id and r.method == method and test(r.text)
        ]

    assert tries(late, "sendMessage", lambda s: s.startswith(welcome)) == [(SLOW, 200)]
    assert tries(broken, "sendMessage", lambda s: title in s) == [(DROP_AFTER, 200)]
    assert tries(lost, "editMessageText", lambda s: True) == [(DROP_BEFORE, 0)]  # lost
    for user_id in (late, broken, lost):  # no apology: the answer has probably arrived
        assert de.gettext(SORRY) not in api.texts(user_id, since)
    assert bot.log().count("a Bot API call for") == 3
    assert "failed: TimedOut" in bot.log() and TOKEN not in bot.log()


def test_a_broadcast_send_that_timed_out_is_not_sent_again(api, bot):
    api.faults = Faults(methods=set())
    member = next(iter(MEMBERS))
    api.faults.once(SLOW, "sendMessage", chat_id=member)
    go = broadcast(api, "Zweite Einladung", {})
    wait_finished(api, go)
    assert api.faults.injected[SLOW] == 1
    assert api.texts(member, go).count("Zweite Einladung") == 1
