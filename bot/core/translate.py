"""Machine translation through a self-hosted LibreTranslate server, optional and harmless.

`translate` returns the translation, or None whenever there is none to be had: switched off
(no URL), nothing to translate, the server down, slow, refusing (4xx/5xx) or answering
something that is not a translation. Callers show the original either way; a translation is
an extra. Knowledge content is never machine-translated: this is for the inbox (a member's
question for the coordinators, the coordinator's answer for the member).

API: POST {url}/translate with JSON {"q", "source", "target", "format": "text"} and, where the
server requires one, "api_key"; the answer is {"translatedText": "…"}.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import httpx

log = logging.getLogger(__name__)

MAX_CHARS = 4096  # a Telegram message; longer texts are not sent out to be translated


@dataclass(frozen=True)
class TranslateSettings:
    """TRANSLATE_URL (None: off, the default), TRANSLATE_API_KEY and a short total timeout."""

    url: str | None = None
    api_key: str | None = None
    timeout: float = 4.0


OFF = TranslateSettings()


async def translate(
    text: str,
    source: str,
    target: str,
    settings: TranslateSettings = OFF,
    client: httpx.AsyncClient | None = None,
) -> str | None:
    """`text` from language `source` into `target`, or None (see the module docstring)."""
    if not settings.url or not text.strip() or source == target or len(text) > MAX_CHARS:
        return None
    payload = {"q": text, "source": source, "target": target, "format": "text"}
    if settings.api_key:
        payload["api_key"] = settings.api_key
    url = settings.url.rstrip("/") + "/translate"
    try:
        async with _client(client, settings.timeout) as http, asyncio.timeout(settings.timeout):
            response = await http.post(url, json=payload)
    except (httpx.HTTPError, TimeoutError, OSError) as exc:
        # the text is a member's message: it is never logged, only what went wrong
        log.warning("translation unavailable: %s", type(exc).__name__)
        return None
    if response.status_code != 200:
        log.warning("translation unavailable: HTTP %s", response.status_code)
        return None
    try:
        translated = response.json().get("translatedText")
    except (ValueError, AttributeError):
        translated = None
    if not isinstance(translated, str) or not translated.strip():
        log.warning("translation unavailable: no translatedText in the answer")
        return None
    return translated.strip()


@asynccontextmanager
async def _client(
    given: httpx.AsyncClient | None, seconds: float
) -> AsyncIterator[httpx.AsyncClient]:
    """The caller's client as it is, or a fresh one closed after the request."""
    if given is not None:
        yield given
        return
    async with httpx.AsyncClient(timeout=seconds) as own:
        yield own
