"""The LibreTranslate client against a fake server over real HTTP: a translation when the
server answers one, None (and no exception) whenever it does not."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator

import pytest

from bot.core.translate import OFF, TranslateSettings, translate
from tests.core.fake_libretranslate import FakeLibreTranslate, fake_libretranslate

QUESTION = "سلام، برای جشن تابستانی انجمن‌مان کجا پول بگیریم؟"


@pytest.fixture
def server() -> Iterator[FakeLibreTranslate]:
    with fake_libretranslate() as fake:
        yield fake


def _settings(server: FakeLibreTranslate, **more: object) -> TranslateSettings:
    return TranslateSettings(url=server.url, timeout=1.0, **more)  # type: ignore[arg-type]


async def test_a_question_is_translated_and_the_request_is_libretranslates(server):
    assert await translate(QUESTION, "fa", "de", _settings(server)) == f"[de] {QUESTION}"
    assert server.requests == [{"q": QUESTION, "source": "fa", "target": "de", "format": "text"}]


async def test_the_api_key_is_sent_where_the_server_needs_one():
    with fake_libretranslate(api_key="k-123") as fake:
        assert await translate("Hallo", "de", "fa", _settings(fake)) is None  # 403
        answer = await translate("Hallo", "de", "fa", _settings(fake, api_key="k-123"))
        assert answer == "[fa] Hallo"
        assert fake.requests[-1]["api_key"] == "k-123"


async def test_off_by_default_and_nothing_to_translate(server):
    assert await translate(QUESTION, "fa", "de") is None  # OFF: no URL, no request
    assert await translate(QUESTION, "fa", "de", OFF) is None
    assert await translate("   ", "fa", "de", _settings(server)) is None
    assert await translate("Hallo", "de", "de", _settings(server)) is None
    assert await translate("x" * 5000, "de", "fa", _settings(server)) is None
    assert server.requests == []


@pytest.mark.parametrize("status", [400, 403, 429, 500, 503])
async def test_an_error_answer_gives_none(server, status):
    server.set_mode("error")
    server.status = status
    assert await translate(QUESTION, "fa", "de", _settings(server)) is None
    assert len(server.requests) == 1


async def test_a_malformed_answer_gives_none(server):
    server.set_mode("malformed")
    assert await translate(QUESTION, "fa", "de", _settings(server)) is None


async def test_a_slow_server_gives_none_within_the_timeout(server):
    server.set_mode("slow")
    server.delay = 3.0
    started = time.monotonic()
    assert await translate(QUESTION, "fa", "de", _settings(server)) is None
    assert time.monotonic() - started < 2.5  # the 1 s timeout, not the 3 s of the server


async def test_a_server_that_is_down_gives_none(server, caplog):
    server.set_mode("down")
    with caplog.at_level(logging.WARNING, logger="bot.core.translate"):
        assert await translate(QUESTION, "fa", "de", _settings(server)) is None
    assert "translation unavailable: ConnectError" in caplog.text
    assert QUESTION not in caplog.text  # a member's message is never logged


async def test_a_wrong_path_gives_none(server):
    settings = TranslateSettings(url=server.url + "/nothing-here", timeout=1.0)
    assert await translate(QUESTION, "fa", "de", settings) is None
