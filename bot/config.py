"""Configuration: one door, `Config.from_env()` (and `WebhookConfig.from_env()` for
`run --webhook`), validated at start."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dotenv import dotenv_values

from bot.core.callbacks import parse_int
from bot.core.office_hours import DEFAULT as OFFICE_DEFAULT
from bot.core.office_hours import OfficeHours
from bot.core.translate import TranslateSettings
from bot.i18n.languages import LANGUAGES

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BASE_URL = "https://api.telegram.org/bot"


class ConfigError(Exception):
    """A configuration value is missing or malformed; the message names the variable."""

    def __init__(self, variable: str, problem: str) -> None:
        super().__init__(f"{variable}: {problem}")
        self.variable = variable


@dataclass(frozen=True)
class Config:
    telegram_token: str | None = field(default=None, repr=False)
    telegram_base_url: str = DEFAULT_BASE_URL
    database_path: Path = Path("data/mo-lotse.sqlite3")
    coordinator_ids: frozenset[int] = frozenset()
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Europe/Berlin"))
    default_language: str = "de"
    knowledge_dir: Path = REPO_ROOT / "knowledge"
    pseudonym_secret: str | None = field(default=None, repr=False)
    # Where the pseudonym key is made once when PSEUDONYM_SECRET is not set: apart from the
    # data it protects (a copy of the data folder must not carry it), like `.env`.
    pseudonym_key_file: Path = Path(".pseudonym-key")
    question_retention_days: int = 90
    # Days after a referral to an office/program until the user is asked how it went.
    followup_days: int = 14
    # Days after an introduction both sides accepted until each is asked once whether a
    # cooperation came of it ("some weeks later", issue 16).
    introduction_followup_days: int = 42
    # The short privacy notice at a user's first update (DSGVO Art. 13). Not an environment
    # variable on purpose: an installation must inform; tests of other capabilities that
    # count the messages of a first update switch it off (tests/conftest.py).
    privacy_notice: bool = True
    # Coordinator desk (issue 6): pacing of broadcasts, office hours, suggested entries.
    broadcast_rate: float = 30.0
    # Broadcast messages in flight at once. 1 keeps the promise that a crash repeats at most
    # the one message in flight; a slow link (round trip × rate > 1) needs more for the rate.
    broadcast_in_flight: int = 1
    office_hours: OfficeHours = field(default_factory=lambda: OfficeHours.parse(OFFICE_DEFAULT))
    review_dir: Path = REPO_ROOT / "knowledge" / "review"
    # The inbox (issues 14, 15): hand-overs per member and day; machine translation of
    # questions and answers through a self-hosted LibreTranslate server (None: off).
    handovers_per_day: int = 5
    translate_url: str | None = None
    translate_api_key: str | None = field(default=None, repr=False)
    translate_timeout: float = 4.0

    @property
    def translate(self) -> TranslateSettings:
        """How the inbox reaches LibreTranslate (no URL: switched off)."""
        return TranslateSettings(
            self.translate_url, self.translate_api_key, self.translate_timeout
        )

    # Abuse (issue 14): a member's messages and button presses per minute before one polite
    # "slow down" and silence until the budget has refilled.
    user_messages_per_minute: int = 20
    # Percent of the send budget kept for replies to members while a broadcast runs.
    interactive_share: int = 20

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, env_file: Path | None = Path(".env")
    ) -> Config:
        """Read the environment, with values from an optional `.env` file beneath it."""
        values = environment(environ, env_file)

        def get(name: str) -> str:
            return values.get(name, "")

        return cls(
            telegram_token=_token(get("TELEGRAM_BOT_TOKEN")),
            telegram_base_url=_base_url(get("TELEGRAM_BASE_URL")),
            database_path=Path(get("DATABASE_PATH") or "data/mo-lotse.sqlite3"),
            coordinator_ids=_ids(get("COORDINATOR_IDS")),
            timezone=_zone(get("TIMEZONE") or "Europe/Berlin"),
            default_language=_language(get("DEFAULT_LANGUAGE") or "de"),
            knowledge_dir=Path(get("KNOWLEDGE_DIR") or REPO_ROOT / "knowledge"),
            pseudonym_secret=_secret(get("PSEUDONYM_SECRET")),
            pseudonym_key_file=_key_file(
                get("PSEUDONYM_KEY_FILE"), Path(get("DATABASE_PATH") or "data/mo-lotse.sqlite3")
            ),
            question_retention_days=_whole(
                "QUESTION_RETENTION_DAYS", get("QUESTION_RETENTION_DAYS") or "90", 1, 3650
            ),
            followup_days=_whole("FOLLOWUP_DAYS", get("FOLLOWUP_DAYS") or "14", 1, 365),
            introduction_followup_days=_whole(
                "INTRODUCTION_FOLLOWUP_DAYS", get("INTRODUCTION_FOLLOWUP_DAYS") or "42", 1, 365
            ),
            broadcast_rate=_rate(get("BROADCAST_RATE") or "30"),
            broadcast_in_flight=_in_flight(get("BROADCAST_IN_FLIGHT") or "1"),
            office_hours=_office_hours(get("OFFICE_HOURS") or OFFICE_DEFAULT),
            review_dir=Path(get("REVIEW_DIR") or REPO_ROOT / "knowledge" / "review"),
            handovers_per_day=_handovers(get("HANDOVERS_PER_DAY") or "5"),
            translate_url=_translate_url(get("TRANSLATE_URL")),
            translate_api_key=get("TRANSLATE_API_KEY") or None,
            translate_timeout=_translate_timeout(get("TRANSLATE_TIMEOUT") or "4"),
            user_messages_per_minute=_whole(
                "USER_MESSAGES_PER_MINUTE", get("USER_MESSAGES_PER_MINUTE") or "20", 1, 600
            ),
            interactive_share=_whole("INTERACTIVE_SHARE", get("INTERACTIVE_SHARE") or "20", 5, 50),
        )

    def require_token(self) -> str:
        """The token, or a ConfigError saying it is needed."""
        if not self.telegram_token:
            raise ConfigError(
                "TELEGRAM_BOT_TOKEN", "is not set; it is required for 'run' (see .env.example)"
            )
        return self.telegram_token


def _token(raw: str) -> str | None:
    if not raw:
        return None
    bot_id, sep, secret = raw.partition(":")
    if not (sep and parse_int(bot_id, 1) is not None and len(secret) >= 20 and " " not in secret):
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN",
            "is malformed; expected '<digits>:<secret>' as BotFather gives it",
        )
    return raw


def _base_url(raw: str) -> str:
    if not raw:
        return DEFAULT_BASE_URL
    if not raw.startswith(("http://", "https://")):
        raise ConfigError("TELEGRAM_BASE_URL", f"{raw!r} is not an http(s) URL")
    return raw


def _ids(raw: str) -> frozenset[int]:
    ids = set()
    for part in filter(None, (p.strip() for p in raw.split(","))):
        # A person's Telegram id is positive (negative ids are groups and channels).
        user_id = parse_int(part, 1)
        if user_id is None:
            raise ConfigError(
                "COORDINATOR_IDS", f"{part!r} is not a Telegram user id (a positive number)"
            )
        ids.add(user_id)
    return frozenset(ids)


def _whole(name: str, raw: str, low: int, high: int) -> int:
    """A whole number in ASCII digits within [low, high] (str.isdigit() would take '²')."""
    value = parse_int(raw, low, high)
    if value is None:
        raise ConfigError(name, f"{raw!r} is not a whole number from {low} to {high}")
    return value


def _key_file(raw: str, database_path: Path) -> Path:
    """PSEUDONYM_KEY_FILE: never set into the database's folder, whose copies carry the data.
    (The default, `.pseudonym-key` in the working folder, is beside `.env`.)"""
    if not raw:
        return Path(".pseudonym-key")
    path = Path(raw)
    if str(database_path) != ":memory:" and (
        path.absolute().parent == database_path.absolute().parent
    ):
        raise ConfigError(
            "PSEUDONYM_KEY_FILE",
            f"{path} is in the database's folder; keep the key apart from the data it "
            "protects (the default .pseudonym-key sits beside .env)",
        )
    return path


def _secret(raw: str) -> str | None:
    """PSEUDONYM_SECRET: a short key would let anyone recompute the pseudonyms by trying."""
    if not raw:
        return None
    if len(raw) < 16:
        raise ConfigError(
            "PSEUDONYM_SECRET", "is shorter than 16 characters; use a long random string"
        )
    return raw


def _zone(raw: str) -> ZoneInfo:
    try:
        return ZoneInfo(raw)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError("TIMEZONE", f"{raw!r} is not a known time zone") from None


def _language(raw: str) -> str:
    if raw not in LANGUAGES:
        raise ConfigError("DEFAULT_LANGUAGE", f"{raw!r} is not one of {', '.join(LANGUAGES)}")
    return raw


def _rate(raw: str) -> float:
    """Messages per second a broadcast may send (Telegram allows about 30)."""
    try:
        value = float(raw)
    except ValueError:
        value = 0.0
    if not 0 < value <= 1000:
        raise ConfigError("BROADCAST_RATE", f"{raw!r} is not a number of messages per second")
    return value


def _in_flight(raw: str) -> int:
    return _whole("BROADCAST_IN_FLIGHT", raw, 1, 32)


def _office_hours(raw: str) -> OfficeHours:
    try:
        return OfficeHours.parse(raw)
    except ValueError as exc:
        raise ConfigError("OFFICE_HOURS", str(exc)) from None


def _handovers(raw: str) -> int:
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= 100:
        raise ConfigError("HANDOVERS_PER_DAY", f"{raw!r} is not a whole number from 1 to 100")
    return int(raw)


def _translate_url(raw: str) -> str | None:
    if not raw:
        return None
    parsed = urlparse(raw)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ConfigError("TRANSLATE_URL", f"{raw!r} is not an http(s) URL of a LibreTranslate")
    return raw


def _translate_timeout(raw: str) -> float:
    """Seconds the inbox waits for a translation before it goes on without one."""
    try:
        value = float(raw)
    except ValueError:
        value = 0.0
    if not 0.1 <= value <= 30:
        raise ConfigError("TRANSLATE_TIMEOUT", f"{raw!r} is not a number of seconds (0.1–30)")
    return value


def environment(
    environ: Mapping[str, str] | None = None, env_file: Path | None = Path(".env")
) -> dict[str, str]:
    """The environment with an optional `.env` file beneath it (the environment wins)."""
    values: dict[str, str] = {}
    if env_file is not None and env_file.is_file():
        values.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
    values.update(os.environ if environ is None else environ)
    return {k: v.strip() for k, v in values.items()}


_SECRET = re.compile(r"^[A-Za-z0-9_-]{16,256}$")  # what Telegram accepts as secret_token


@dataclass(frozen=True)
class WebhookConfig:
    url: str  # the public https URL Telegram posts to
    listen: str = "127.0.0.1"  # behind a reverse proxy that terminates TLS
    port: int = 8443
    secret: str = field(default="", repr=False)
    # Bodies above this are refused before they are read (Telegram's updates are far smaller).
    max_body: int = 1 << 20

    @property
    def path(self) -> str:
        """The path the local server listens on: the public URL's path."""
        return urlparse(self.url).path.lstrip("/")

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, env_file: Path | None = Path(".env")
    ) -> WebhookConfig:
        values = environment(environ, env_file)
        url = values.get("WEBHOOK_URL", "")
        if not url.startswith(("https://", "http://")):
            raise ConfigError(
                "WEBHOOK_URL",
                "is not set or not an http(s) URL; required for "
                "--webhook (the address Telegram posts updates to)",
            )
        secret = values.get("WEBHOOK_SECRET", "")
        if not _SECRET.match(secret):
            raise ConfigError(
                "WEBHOOK_SECRET",
                "must be 16–256 characters of A-Z, a-z, 0-9, _ and -; required for --webhook",
            )
        port_text = values.get("WEBHOOK_PORT") or "8443"
        port = parse_int(port_text, 1, 65535)
        if port is None:
            raise ConfigError("WEBHOOK_PORT", f"{port_text!r} is not a port number")
        max_body = _whole(
            "WEBHOOK_MAX_BODY_BYTES",
            values.get("WEBHOOK_MAX_BODY_BYTES") or "1048576",
            4096,
            1 << 24,
        )
        listen = values.get("WEBHOOK_LISTEN") or "127.0.0.1"
        return cls(url, listen, port, secret, max_body)
