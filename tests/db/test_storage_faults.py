"""A full or read-only disk while the bot runs: a clear reply, a clear log line, no harm.

SQLite's own limits produce exactly the errors a real disk does, on the bot's connection and
on any machine: `PRAGMA max_page_count` at the current size is a full disk (SQLITE_FULL),
`PRAGMA query_only` a read-only one (SQLITE_READONLY).
"""

import logging

from tests.conftest import texts
from tests.directory.helpers import register

MEMBER = 4242
CANNOT_SAVE = "Sorry, I cannot save anything right now. Please try again later."
EARLIER = "Wo bekommen wir Geld für unser Sommerfest?"
# Long enough to need pages of its own: on a full disk its INSERT cannot be stored.
PHRASE = "Где найти деньги для летнего праздника нашего объединения и кто нам поможет? "
LONG = (PHRASE * 60)[:4000]
SQLITE_DEFAULT_MAX_PAGES = 4294967294


async def _one(db, sql):
    [row] = await db.fetch_all(sql)
    return next(iter(row.values()))


async def _fill_the_disk(db) -> None:
    await db.fetch_all("VACUUM")  # no free pages left inside the file either
    assert await _one(db, "PRAGMA freelist_count") == 0
    pages = await _one(db, "PRAGMA page_count")
    assert await _one(db, f"PRAGMA max_page_count = {pages}") == pages


def _errors(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_full_disk_gets_a_clear_reply_keeps_earlier_data_and_heals(
    harness, catalogs, config, caplog
):
    db = harness.services.db
    chat = harness.chat(MEMBER, language_code="de")
    await chat.send("/start")
    [answer] = texts(await chat.send(EARLIER))
    before = await db.fetch_all("SELECT id, text, outcome FROM questions")
    assert [q["text"] for q in before] == [EARLIER]

    await _fill_the_disk(db)
    with caplog.at_level(logging.DEBUG, logger="bot"):
        calls = await chat.send(LONG)
    assert texts(calls) == [catalogs.get("de").gettext(CANNOT_SAVE)]  # one reply, no answer
    [error] = _errors(caplog)
    line = error.getMessage()
    assert "cannot save while handling message" in line
    assert "database or disk is full (the disk is full)" in line
    assert str(config.database_path) in line
    assert error.exc_info is None  # one line for the operator, not a traceback
    # The transaction was rolled back: no question, no half-stored matches.
    assert await db.fetch_all("SELECT id, text, outcome FROM questions") == before
    assert await _one(db, "SELECT count(*) FROM question_matches WHERE question_id > 1") == 0
    assert await _one(db, "PRAGMA integrity_check") == "ok"

    await db.fetch_all(f"PRAGMA max_page_count = {SQLITE_DEFAULT_MAX_PAGES}")  # space freed
    calls = await chat.send(LONG)
    assert texts(calls) and catalogs.get("de").gettext(CANNOT_SAVE) not in texts(calls)
    rows = await db.fetch_all("SELECT id, text, outcome FROM questions ORDER BY id")
    assert rows[0] == before[0] and rows[1]["text"] == LONG and len(rows) == 2
    assert texts(await chat.send(EARLIER)) == [answer]  # and it answers as before
    assert await _one(db, "PRAGMA integrity_check") == "ok"


async def test_a_read_only_database_mid_registration_loses_nothing(harness, catalogs, caplog):
    db = harness.services.db
    chat = harness.chat(MEMBER, language_code="tr", first_name="Ayşe")
    await chat.send(EARLIER)
    await chat.press("lang:tr")
    # The whole /register conversation up to its last button, which saves the entry.
    await chat.send("/register")
    await chat.send("Kulturverein Anadolu")
    steps = ("ev", "biebrich", "culture", "ok", "events", "ok", "de", "ok", "m", "yes", "1")
    for data in (*steps, "ok"):
        await chat.press(f"og:{data}")

    await db.fetch_all("PRAGMA query_only = ON")  # the disk turned read-only
    with caplog.at_level(logging.DEBUG, logger="bot"):
        calls = await chat.press("og:yes")
    assert texts(calls) == [catalogs.get("tr").gettext(CANNOT_SAVE)]
    [error] = _errors(caplog)
    assert "attempt to write a readonly database" in error.getMessage()
    assert "read-only" in error.getMessage() and error.exc_info is None
    assert await db.directory.organisation_of(MEMBER) is None

    await db.fetch_all("PRAGMA query_only = OFF")  # writable again
    calls = await chat.press("og:yes")  # the conversation waited where it was
    t = catalogs.get("tr")
    assert texts(calls)[-1].startswith(t.gettext("Saved. Your entry in the directory:"))
    org = await db.directory.organisation_of(MEMBER)
    assert (org.name, org.district, org.networking) == ("Kulturverein Anadolu", "biebrich", True)
    assert (await db.users.get_user(MEMBER)).locale == "tr"  # stored before the fault, still there
    assert [q["text"] for q in await db.fetch_all("SELECT text FROM questions")] == [EARLIER]
    assert await _one(db, "PRAGMA integrity_check") == "ok"


async def test_every_member_is_told_and_the_bot_needs_no_restart(harness, catalogs):
    db = harness.services.db
    members = [harness.chat(5000 + i, language_code=lang) for i, lang in enumerate(["ar", "uk"])]
    for chat in members:
        await chat.send("/start")
    await db.fetch_all("PRAGMA query_only = ON")
    for chat in members:
        for _ in range(2):  # again and again: the connection is not left in a transaction
            calls = await chat.send("/start")
            lang = chat.user.language_code
            assert texts(calls) == [catalogs.get(lang).gettext(CANNOT_SAVE)]
    await db.fetch_all("PRAGMA query_only = OFF")
    await register(members[0])  # a whole conversation of writes works again
    assert (await db.directory.organisation_of(members[0].user.id)) is not None
    assert await _one(db, "PRAGMA integrity_check") == "ok"
