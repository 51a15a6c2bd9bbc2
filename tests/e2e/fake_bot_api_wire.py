"""The fake Bot API's wire format: request parameters in, Bot API objects out.

Standard library only, written from the Bot API documentation (never from PTB): parameters
come as a query string, JSON or multipart/form-data (uploads, parsed with `email`); results
are the documented objects (Message, Document, PhotoSize, User).
"""

from __future__ import annotations

import html
import json
import re
import time
from dataclasses import dataclass
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any
from urllib.parse import parse_qs

JSON_FIELDS = {
    "reply_markup",
    "commands",
    "menu_button",
    "entities",
    "caption_entities",
    "link_preview_options",
    "reply_parameters",
    "allowed_updates",
    "scope",
}
BOT = {
    "id": 7000000002,
    "is_bot": True,
    "first_name": "MO-Lotse",
    "username": "mo_lotse_bot",
    "can_join_groups": False,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
# Methods whose result is a message the user sees (new, or an edit of one).
SENDS = ("sendMessage", "sendDocument", "sendPhoto")
VISIBLE = {*SENDS, "editMessageText"}
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Upload:
    filename: str
    content: bytes


def parse_params(content_type: str, body: bytes) -> tuple[dict[str, Any], dict[str, Upload]]:
    """The request's parameters (JSON fields decoded) and its uploaded files."""
    if "json" in content_type:
        return json.loads(body or b"{}"), {}
    if content_type.startswith("multipart/form-data"):
        return _multipart(content_type, body)
    params: dict[str, Any] = {k: v[0] for k, v in parse_qs(body.decode()).items()}
    return _decoded(params), {}


def _multipart(content_type: str, body: bytes) -> tuple[dict[str, Any], dict[str, Upload]]:
    head = f"Content-Type: {content_type}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + body)
    params: dict[str, Any] = {}
    files: dict[str, Upload] = {}
    for part in message.iter_parts():
        name = str(part.get_param("name", header="content-disposition"))
        decoded = part.get_payload(decode=True)
        payload = decoded if isinstance(decoded, bytes) else b""
        filename = part.get_filename()
        if filename is None:
            params[name] = payload.decode()
        else:
            files[name] = Upload(filename, payload)
    return _decoded(params), files


def _decoded(params: dict[str, Any]) -> dict[str, Any]:
    for key in JSON_FIELDS & params.keys():
        params[key] = json.loads(params[key])
    return params


def visible(text: str) -> str:
    """What a user sees of an HTML-formatted text: the tags go, entities are resolved."""
    return html.unescape(_TAG.sub("", text))


def chat(chat_id: int) -> dict[str, Any]:
    if chat_id < 0:
        return {"id": chat_id, "type": "group", "title": "Group"}
    return {"id": chat_id, "type": "private", "first_name": "Test"}


def user(user_id: int, language_code: str | None, first_name: str = "Test") -> dict[str, Any]:
    found: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
    if language_code:
        found["language_code"] = language_code
    return found


def bot_message(
    method: str, message_id: int, params: dict[str, Any], files: dict[str, Upload]
) -> dict[str, Any]:
    """The Message a send method returns; as Telegram does, the text without its markup."""
    message: dict[str, Any] = {
        "message_id": message_id,
        "date": int(time.time()),
        "chat": chat(int(params["chat_id"])),
        "from": BOT,
    }
    if "text" in params:
        message["text"] = visible(str(params["text"]))
    if params.get("caption"):
        message["caption"] = visible(str(params["caption"]))
    if params.get("reply_markup"):
        message["reply_markup"] = params["reply_markup"]
    file_id = f"file-{message_id}"
    if method == "sendDocument":
        upload = files.get("document", Upload("document", b""))
        message["document"] = {
            "file_id": file_id,
            "file_unique_id": file_id,
            "file_name": upload.filename,
            "file_size": len(upload.content),
        }
    elif method == "sendPhoto":
        size = len(files["photo"].content) if "photo" in files else 0
        photo = {"file_id": file_id, "file_unique_id": file_id, "width": 800, "height": 600}
        message["photo"] = [{**photo, "file_size": size}]
    return message


def edited(old: dict[str, Any], method: str, params: dict[str, Any]) -> dict[str, Any] | None:
    """A message after editMessageText/editMessageReplyMarkup; None if nothing changed."""
    new = dict(old, edit_date=int(time.time()))
    new.pop("reply_markup", None)  # an edit without a keyboard removes it
    if params.get("reply_markup"):
        new["reply_markup"] = params["reply_markup"]
    if method == "editMessageText":
        new["text"] = visible(str(params.get("text", "")))
    shown = ("text", "reply_markup")
    return None if [new.get(k) for k in shown] == [old.get(k) for k in shown] else new


def callback_data(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [
        str(b.get("callback_data"))
        for row in markup.get("inline_keyboard", [])
        for b in row
        if "callback_data" in b
    ]


def refusal(status: int, description: str, **parameters: Any) -> tuple[int, dict[str, Any]]:
    payload: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if parameters:
        payload["parameters"] = parameters
    return status, payload
