"""End to end over HTTP: `python -m bot run` against the fake Bot API, users walking through.

One bot process for the module. Right at its start a member follows the ACK network and the
office adds an ACK meeting for tomorrow, at the next full minute at least 10 s ahead: its
"1 day before" reminder then falls due while the other tests run, and the last test waits
for it (reminder times are whole minutes, so a due time cannot be a few seconds away).
"""

import re
from datetime import datetime, timedelta

import pytest

from bot.navigator.service import ORDER
from tests.e2e.fake_bot_api import FakeBotApi
from tests.e2e.helpers import (
    BERLIN,
    COORDINATOR,
    QUESTIONS,
    BotProcess,
    add_members,
    broadcast,
    plain,
    press,
    say,
    seed,
    t,
    wait_finished,
    wait_request,
    wait_text,
)

MEMBERS = {640001: "tr", 640002: "de", 640003: "tr", 640004: "ar"}
FOLLOWER = 630001
ACK = "Treffen der ACK Wiesbaden"


@pytest.fixture(scope="module")
def api():
    with FakeBotApi() as fake:
        fake.limits.overall = 30  # Telegram's broadcast limit; above it: 429 retry_after
        fake.limits.group_per_minute = 20
        yield fake


@pytest.fixture(scope="module")
def bot(api, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("e2e")
    process = BotProcess(api, workdir)
    seed(process.db_path, lambda db: add_members(db, MEMBERS))
    process.start()
    yield process
    process.stop()
    assert "Traceback" not in process.log(), process.log()[-4000:]


@pytest.fixture(scope="module", autouse=True)
def ack_meeting(api, bot):
    """A member follows the ACK network; then the office adds a meeting for tomorrow."""
    say(api, "/reminders", FOLLOWER)
    since = press(api, "rm:t:ack", FOLLOWER)
    page = wait_request(api, since, lambda r: r.method == "editMessageText")
    assert _label(page, "rm:t:ack").startswith("✅")  # the page shows it followed
    due = (datetime.now(BERLIN) + timedelta(seconds=70)).replace(second=0, microsecond=0)
    meeting = due + timedelta(days=1)  # its "1 day before" reminder is due at `due`
    en = t("en")
    say(api, "/events", COORDINATOR, "en")
    press(api, "eva:add", COORDINATOR, "en")
    press(api, "eva:s:ack-treffen", COORDINATOR, "en")
    say(api, meeting.date().isoformat(), COORDINATOR, "en")
    say(api, meeting.strftime("%H:%M"), COORDINATOR, "en")
    since = api.mark()
    api.user_sends("Rathaus Wiesbaden", COORDINATOR, "en")
    note = en.gettext("Type a short note for the subscribers (for example the agenda), or skip:")
    wait_text(api, COORDINATOR, since, lambda s: s == note)
    press(api, "eva:skip", COORDINATOR, "en")
    since = press(api, "eva:save", COORDINATOR, "en")
    return {"due": due, "meeting": meeting, "since": since}


def test_start_and_switching_the_language(api):
    de, uk = t("de"), t("uk")
    welcome = say(api, "/start", 610001, "de")
    assert welcome.text.startswith(de.gettext("Welcome to MO-Lotse, {name}!", name="Test"))
    assert welcome.params["parse_mode"] == "HTML"
    say(api, "/language", 610001, "de")
    since = press(api, "lang:uk", 610001, "de")
    chosen = uk.gettext("Language set: {language}.", language="Українська")
    assert wait_text(api, 610001, since, lambda s: s == chosen).method == "editMessageText"
    again = say(api, "/start", 610001, "de")  # Telegram still says German: the choice wins
    assert again.text.startswith(uk.gettext("Welcome to MO-Lotse, {name}!", name="Test"))


@pytest.mark.parametrize("lang", list(QUESTIONS))
def test_a_question_is_answered_in_the_askers_language(api, knowledge, lang):
    question, entry_id = QUESTIONS[lang]
    user_id = 620000 + list(QUESTIONS).index(lang)
    answer = say(api, question, user_id, lang)
    title = plain(knowledge.entries[entry_id].text(lang).title)
    assert title in plain(answer.text)
    assert answer.params["reply_markup"]["inline_keyboard"]  # other matches, "not what I meant"


def test_buttons_are_answered_and_edit_their_message_and_files_arrive(api, knowledge):
    de, user_id = t("de"), 610002
    welcome = say(api, "/start", user_id)
    since = press(api, "menu:programs", user_id)
    programs = de.gettext(
        "Funding programs for migrant organisations. Choose one to see "
        "what it funds, who may apply, how much and by when:"
    )
    page = wait_text(api, user_id, since, lambda s: s == programs)
    assert page.method == "editMessageText"
    assert page.params["message_id"] == str(welcome.result["message_id"])
    since = press(api, "v:integration-durch-kultur", user_id)
    title = knowledge.entries["integration-durch-kultur"].text("de").title
    wait_text(api, user_id, since, lambda s: s.startswith(title))
    since = press(api, "remind:integration-durch-kultur", user_id)
    done = de.gettext("Done: I will remind you of “{title}”.", title=title)
    wait_text(api, user_id, since, lambda s: s.startswith(done))
    since = press(api, "rm:home", user_id)
    wait_text(api, user_id, since, lambda s: s.startswith(de.gettext("Reminders")))
    since = press(api, "rm:ics", user_id)
    calendar = wait_request(api, since, lambda r: r.method == "sendDocument")
    upload = calendar.files["document"]
    assert upload.filename == "mo-lotse.ics"
    assert upload.content.startswith(b"BEGIN:VCALENDAR")
    assert b"Integration durch Kultur" in upload.content


def test_the_fit_check_leads_to_its_result(api, knowledge):
    tr, user_id = t("tr"), 610003
    answers = {
        "legal_form": "ev",
        "seat": "yes",
        "nonprofit": "yes",
        "paid_staff": "no",
        "own_rooms": "yes",
        "topic": "culture",
        "amount": "medium",
        "project": "new",
    }
    first = say(api, "/fit", user_id, "tr")
    total = len(ORDER)
    assert first.text.startswith(tr.gettext("Question {number} of {total}", number=1, total=total))
    for number, question in enumerate(ORDER, start=2):
        since = press(api, f"fit:{answers[question]}", user_id, "tr")
        heading = (
            tr.gettext("Question {number} of {total}", number=number, total=total)
            if number <= total
            else tr.gettext("Programs that may fit you")
        )
        result = wait_text(api, user_id, since, lambda s, h=heading: s.startswith(h))
        assert result.method == "editMessageText"  # the same message, one step further
    assert tr.money(200) in result.text
    assert "v:integration-durch-kultur" in _buttons(result)


def test_a_handed_over_question_and_the_offices_reply(api):
    tr, en, member = t("tr"), t("en"), 610004
    since = api.mark()
    say(api, "xyzzy quux frobnicate", member, "tr")  # nothing in the knowledge base
    ask = next(d for r in api.sent(member, since) for d in _buttons(r) if d.startswith("ho:"))
    press(api, ask, member, "tr")
    since = press(api, f"hn:{ask[3:]}:0", member, "tr")  # without my name
    card = wait_text(api, COORDINATOR, since, lambda s: "xyzzy quux frobnicate" in s)
    number = int(re.search(r"no\. (\d+)", card.text).group(1))
    told = tr.gettext(
        "I have passed your question to the coordination office for migrant organisations "
        "(no. {number}).",
        number=number,
    )
    wait_text(api, member, since, lambda s: told in s)
    since = api.mark()
    api.user_sends(
        "Bitte rufen Sie am Montag an.", COORDINATOR, "en", reply_to=card.result["message_id"]
    )
    head = tr.gettext(
        "Answer of the coordination office to your question no. {number}:", number=number
    )
    answer = wait_text(api, member, since, lambda s: s.startswith(head))
    assert answer.text.endswith("Bitte rufen Sie am Montag an.")
    delivered = en.gettext("Your answer was delivered (question no. {number}).", number=number)
    wait_text(api, COORDINATOR, since, lambda s: delivered in s)


def test_a_broadcast_reaches_every_member_once_in_their_language(api):
    since = api.mark()
    go = broadcast(api, "Treffen am Freitag im Rathaus", {"tr": "Cuma günü toplantı"})
    wait_finished(api, go)
    for member, lang in MEMBERS.items():
        expected = "Cuma günü toplantı" if lang == "tr" else "Treffen am Freitag im Rathaus"
        assert api.texts(member, since) == [expected]
    sent = [r.chat_id for r in api.sent(since=go) if r.text == "Treffen am Freitag im Rathaus"]
    assert COORDINATOR in sent and 610001 in sent  # everybody who ever wrote, once
    assert len(sent) == len(set(sent))


def test_the_office_gets_its_figures_as_text_and_chart(api):
    since = api.mark()
    api.user_sends("/stats", COORDINATOR, "en")
    chart = wait_request(api, since, lambda r: r.method == "sendPhoto")
    assert chart.files["photo"].content.startswith(b"\x89PNG")


def test_the_follower_hears_of_the_new_date_and_is_reminded_when_due(api, ack_meeting):
    de = t("de")
    since = ack_meeting["since"]
    news = de.gettext("New date: {title}", title=ACK)
    notice = wait_text(api, FOLLOWER, since, lambda s: s.startswith(news))
    assert "Rathaus Wiesbaden" in notice.text
    left = (ack_meeting["due"] - datetime.now(BERLIN)).total_seconds()
    heading = de.gettext("Reminder: {title}", title=ACK)
    reminder = wait_text(api, FOLLOWER, since, lambda s: s.startswith(heading), timeout=left + 60)
    assert de.gettext("Tomorrow.") in reminder.text
    assert ack_meeting["meeting"].strftime("%H:%M") in reminder.text
    assert de.gettext("Sent late: the bot was offline when this was due.") not in reminder.text
    assert [r.text.startswith(heading) for r in api.sent(FOLLOWER, since)].count(True) == 1


def _buttons(request):
    markup = request.params.get("reply_markup") or {}
    return [b.get("callback_data", "") for row in markup.get("inline_keyboard", []) for b in row]


def _label(request, data):
    markup = request.params.get("reply_markup") or {}
    found = [b for row in markup.get("inline_keyboard", []) for b in row]
    return next(b["text"] for b in found if b.get("callback_data") == data)
