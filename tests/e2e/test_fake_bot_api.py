"""The fake Bot API itself, spoken to as the Bot API documentation says (no PTB here)."""

import json
import urllib.error
import urllib.request
import uuid

import pytest

from tests.e2e.fake_bot_api import FakeBotApi
from tests.e2e.fake_bot_api_faults import DROP_BEFORE, ERROR, Faults

KEYBOARD = {"inline_keyboard": [[{"text": "Ja", "callback_data": "yes:1"}]]}


def call(api: FakeBotApi, method: str, **params) -> tuple[int, dict]:
    body = json.dumps(params).encode()
    request = urllib.request.Request(
        f"{api.base_url}123:abc/{method}", body, {"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def upload(api: FakeBotApi, method: str, field: str, content: bytes, **params) -> dict:
    """A multipart/form-data request, as a client uploads a file."""
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in params.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="a.ics"'
        "\r\nContent-Type: text/calendar\r\n\r\n".encode()
        + content
        + b"\r\n"
    )
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
    request = urllib.request.Request(f"{api.base_url}123:abc/{method}", body, headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


@pytest.fixture
def api():
    with FakeBotApi() as fake:
        yield fake


def test_messages_edits_and_a_button_press(api):
    status, sent = call(api, "sendMessage", chat_id=5, text="<b>Hallo</b> &amp; mehr")
    assert status == 200 and sent["result"]["text"] == "Hallo & mehr"
    message_id = sent["result"]["message_id"]
    status, _ = call(api, "editMessageReplyMarkup", chat_id=5, message_id=message_id)
    assert status == 400  # no keyboard before, none after: not modified
    status, edited = call(
        api, "editMessageReplyMarkup", chat_id=5, message_id=message_id, reply_markup=KEYBOARD
    )
    assert status == 200 and edited["result"]["text"] == "Hallo & mehr"
    query = api.press("yes:1", user_id=5)
    _, updates = call(api, "getUpdates", offset=0, timeout=0)
    pressed = updates["result"][-1]["callback_query"]
    assert pressed["id"] == query and pressed["message"]["message_id"] == message_id
    assert call(api, "answerCallbackQuery", callback_query_id=query)[0] == 200
    assert call(api, "answerCallbackQuery", callback_query_id=query)[0] == 400  # only once
    status, _ = call(api, "editMessageText", chat_id=5, message_id=message_id, text="Neu")
    assert status == 200 and api.messages[(5, message_id)].get("reply_markup") is None
    assert api.texts(5) == ["Hallo & mehr", "Neu"]


def test_uploads_are_parsed_from_multipart_form_data(api):
    sent = upload(api, "sendDocument", "document", b"BEGIN:VCALENDAR\r\n", chat_id=7, caption="Hi")
    assert sent["result"]["document"]["file_name"] == "a.ics"
    [request] = api.sent(7)
    assert request.params == {"chat_id": "7", "caption": "Hi"}
    assert request.files["document"].content == b"BEGIN:VCALENDAR\r\n"


def test_limits_and_faults(api):
    api.limits.blocked.add(9)
    assert call(api, "sendMessage", chat_id=9, text="x")[0] == 403
    api.faults = Faults(methods=set())
    api.faults.once(ERROR, "sendMessage", chat_id=8)
    assert call(api, "sendMessage", chat_id=8, text="x")[0] in (500, 502)
    api.faults.once(DROP_BEFORE, "sendMessage", chat_id=8)
    with pytest.raises((ConnectionError, urllib.error.URLError)):
        call(api, "sendMessage", chat_id=8, text="y")
    assert call(api, "sendMessage", chat_id=8, text="z")[0] == 200
    assert [(r.text, r.status) for r in api.requests if r.chat_id == 8] == [
        ("x", 500),
        ("y", 0),
        ("z", 200),
    ]
    assert api.texts(8) == ["z"]  # only what was delivered
