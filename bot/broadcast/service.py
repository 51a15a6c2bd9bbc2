"""Broadcasts: the draft, the audience, previews and delivery reports (no Telegram types)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.db import Database
from bot.i18n import Translator
from bot.i18n.languages import LANGUAGES
from bot.i18n.locale import decide_locale
from bot.knowledge import Knowledge

DEFAULT = ""  # the key of the default version in Draft.texts and broadcast_texts
STATUSES = ("sent", "blocked", "failed", "pending")


@dataclass(frozen=True)
class Audience:
    """Who gets a broadcast: everyone, some languages, or the subscribers of a target."""

    kind: str  # "all" | "lang" | "sub" | "topic" | "district" (the MO directory)
    languages: tuple[str, ...] = ()
    target: str | None = None  # "sub": a network or program id

    def to_json(self) -> str:
        return json.dumps({"kind": self.kind, "languages": self.languages, "target": self.target})

    @classmethod
    def from_json(cls, raw: str) -> Audience:
        data = json.loads(raw)
        return cls(data["kind"], tuple(data.get("languages") or ()), data.get("target"))


async def recipients(db: Database, default: str, audience: Audience) -> list[tuple[int, str]]:
    """(chat id, language) of everyone the audience covers who has not blocked the bot."""
    found = [
        (u.id, decide_locale(u.locale, u.telegram_language, default))
        for u in await db.users.reachable_users()
    ]
    if audience.kind == "lang":
        return [(uid, lang) for uid, lang in found if lang in audience.languages]
    if audience.kind in KINDS:
        ids = await db.directory.organisation_owner_ids(audience.kind, audience.target or "")
        return [(uid, lang) for uid, lang in found if uid in ids]
    if audience.kind == "sub":
        ids = await db.events.subscriber_ids(audience.target or "")
        return [(uid, lang) for uid, lang in found if uid in ids]
    return found


@dataclass
class Draft:
    """The broadcast a coordinator is composing (kept in user_data during the conversation)."""

    texts: dict[str, str] = field(default_factory=dict)
    audience: Audience | None = None
    picked: tuple[str, ...] = ()  # languages ticked while choosing a language audience
    editing: str = DEFAULT  # the version the next text message is for
    training: int | None = None  # announces this training: every message gets a sign-up button


def version_for(texts: dict[str, str], lang: str) -> str:
    return lang if lang in texts else DEFAULT


def preview_groups(
    texts: dict[str, str], people: Sequence[tuple[int, str]]
) -> list[tuple[str, list[str], int]]:
    """(version, the recipients' languages that get it, how many) in menu order."""
    per_lang = Counter(lang for _, lang in people)
    groups: dict[str, list[str]] = {}
    for lang in sorted(per_lang, key=lambda x: LANGUAGES.index(x) if x in LANGUAGES else 99):
        groups.setdefault(version_for(texts, lang), []).append(lang)
    return [(v, langs, sum(per_lang[x] for x in langs)) for v, langs in groups.items()]


def parse_send_time(raw: str, zone: ZoneInfo, now: datetime) -> datetime | None:
    """'2025-12-01 18:00' or '01.12.2025 18:00' in the bot's time zone, if in the future."""
    for pattern in ("%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"):
        try:
            when = datetime.strptime(raw.strip(), pattern).replace(tzinfo=zone)
        except ValueError:
            continue
        return when if when > now else None
    return None


def utc_iso(when: datetime) -> str:
    return when.astimezone(UTC).isoformat(timespec="seconds")


def with_text(draft: Draft, text: str) -> Draft:
    return replace(draft, texts={**draft.texts, draft.editing: text}, editing=DEFAULT)


async def subscription_targets(
    db: Database, knowledge: Knowledge, t: Translator
) -> list[tuple[str, str]]:
    """(entry id, title) of the networks and programs someone subscribed to (issue 5)."""
    found = []
    for target in await db.events.subscribed_targets():
        entry = knowledge.entries.get(target)
        if entry is not None:
            found.append((target, entry.text(t.locale).title))
    return found


async def submit(
    db: Database, default: str, created_by: int, draft: Draft, send_at: datetime | None
) -> int:
    """Store the broadcast; sent at once (recipients fixed now) or at send_at."""
    assert draft.audience is not None and DEFAULT in draft.texts
    people = [] if send_at else await recipients(db, default, draft.audience)
    return await db.outbox.create_broadcast(
        created_by,
        draft.audience.to_json(),
        draft.texts,
        utc_iso(send_at) if send_at else None,
        people,
        training_id=draft.training,
    )


KINDS = ("topic", "district")


STEP = {"topic": "topics", "district": "district"}


async def choices(db: Database, knowledge: Knowledge, kind: str) -> list[str]:
    """The topics or districts at least one registered organisation has, in list order."""
    orgs = await db.directory.organisations()
    used = {x for o in orgs for x in (o.topics if kind == "topic" else (o.district,))}
    if kind == "topic":
        return [x for x in knowledge.topics if x in used]
    return sorted(used)
