"""Bad input, generated: the bot answers or ignores, never crashes, never obeys a member
as if they were a coordinator."""

import time
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import COORDINATOR_ID

MEMBER = 424242
PREFIXES = [
    "menu:",
    "lang:",
    "t:",
    "v:",
    "c:",
    "nm:",
    "ho:",
    "hn:",
    "fit:",
    "remind:",
    "unremind:",
    "rm:t:",
    "rm:l:",
    "rm:",
    "evd:",
    "evi:",
    "eva:",
    "bc:",
    "bx:",
    "kb:",
    "role:",
    "",
]
COORDINATOR_COMMANDS = [
    "/broadcast",
    "/inbox",
    "/answer 1 hello",
    "/grant 424242",
    "/revoke 900001",
    "/events",
]

texts = st.text(max_size=4096) | st.sampled_from(
    [
        "",
        " ",
        "\u200f\u202e\u2066abc\u2069",
        "\x00\x01\x1b[31m",
        "🙂" * 50,
        "/",
        "/start e_",
        "/start e_../../etc",
        "İıŞşĞğ",
        "ـــ",
        "\u200c" * 10,
        "a" * 4096,
    ]
)
callback_data = st.builds(
    lambda p, rest: (p + rest)[:64], st.sampled_from(PREFIXES), st.text(max_size=70)
)
payloads = st.one_of(
    st.builds(lambda t: {"text": t}, texts),
    st.builds(
        lambda c: {
            "photo": [{"file_id": "p", "file_unique_id": "u", "width": 1, "height": 1}],
            "caption": c,
        },
        st.text(max_size=1024),
    ),
    st.just(
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
        }
    ),
    st.just({"voice": {"file_id": "v", "file_unique_id": "u", "duration": 3}}),
    st.just({"location": {"latitude": 50.08, "longitude": 8.24}}),
)


def _apologies(harness) -> int:
    sorry = {
        harness.services.catalogs.get(lang).gettext(
            "Sorry, something went wrong on my side. Please try again in a moment."
        )
        for lang in harness.services.catalogs.languages
    }
    return sum(1 for c in harness.api.calls if c.params.get("text") in sorry)


async def _coordinator_state(harness) -> dict[str, Any]:
    db = harness.services.db
    tables = {
        r["name"]
        for r in await db.fetch_all("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    state = {
        "coordinators": await db.fetch_all(
            "SELECT id FROM users WHERE role = 'coordinator' ORDER BY id"
        )
    }
    for table in ("broadcasts", "events", "role_audit"):
        if table in tables:
            state[table] = await db.fetch_all(f"SELECT count(*) AS n FROM {table}")
    return state


FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(payload=payloads, edited=st.booleans(), lang=st.sampled_from(["de", "ar", "fa", "xx"]))
async def test_any_message_is_answered_or_ignored_without_a_crash(harness, payload, edited, lang):
    chat = harness.chat(user_id=MEMBER, language_code=lang)
    if edited:
        message = {
            "message_id": 7,
            "date": int(time.time()),
            "edit_date": int(time.time()),
            "chat": chat.chat,
            "from": chat.user.as_dict(),
            **payload,
        }
        if "text" in payload and not payload["text"]:
            message["text"] = "x"
        await chat.feed({"edited_message": message})
    elif "text" in payload:
        if not payload["text"]:
            return  # Telegram never delivers an empty text message
        await chat.send(payload["text"])
    else:
        await chat.send_message(**payload)
    assert _apologies(harness) == 0


@FUZZ
@given(data=callback_data)
async def test_any_callback_data_from_a_member_is_handled_and_grants_nothing(harness, data):
    before = await _coordinator_state(harness)
    chat = harness.chat(user_id=MEMBER, language_code="tr")
    await chat.press(data)
    assert _apologies(harness) == 0
    assert await _coordinator_state(harness) == before


@FUZZ
@given(command=st.sampled_from(COORDINATOR_COMMANDS), then=callback_data)
async def test_coordinator_commands_from_a_member_are_refused(harness, command, then):
    before = await _coordinator_state(harness)
    chat = harness.chat(user_id=MEMBER, language_code="it")
    await chat.send(command)
    await chat.press(then)
    assert await _coordinator_state(harness) == before
    user = await harness.services.db.users.get_user(MEMBER)
    assert user is not None and user.role == "member"
    assert _apologies(harness) == 0
    assert COORDINATOR_ID not in {
        c.chat_id
        for c in harness.api.calls
        if c.method == "sendMessage" and "broadcast" in c.text.lower()
    }
