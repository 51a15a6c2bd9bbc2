"""Broadcasts: the draft, the audience, previews and delivery reports (no Telegram types)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.broadcast import audiences as broadcast_directory
from bot.core.reply import Button, Reply, bold, esc, rows
from bot.i18n import Translator
from bot.i18n.languages import LANGUAGES, NATIVE_NAMES
from bot.i18n.locale import decide_locale
from bot.services import Services

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


async def recipients(services: Services, audience: Audience) -> list[tuple[int, str]]:
    """(chat id, language) of everyone the audience covers who has not blocked the bot."""
    default = services.config.default_language
    found = [
        (u.id, decide_locale(u.locale, u.telegram_language, default))
        for u in await services.db.users.reachable_users()
    ]
    if audience.kind == "lang":
        return [(uid, lang) for uid, lang in found if lang in audience.languages]
    if audience.kind in broadcast_directory.KINDS:
        ids = await services.db.directory.organisation_owner_ids(
            audience.kind, audience.target or ""
        )
        return [(uid, lang) for uid, lang in found if uid in ids]
    if audience.kind == "sub":
        ids = await services.db.events.subscriber_ids(audience.target or "")
        return [(uid, lang) for uid, lang in found if uid in ids]
    return found


@dataclass
class Draft:
    """The broadcast a coordinator is composing (kept in user_data during the conversation)."""

    texts: dict[str, str] = field(default_factory=dict)
    audience: Audience | None = None
    picked: tuple[str, ...] = ()  # languages ticked while choosing a language audience
    editing: str = DEFAULT  # the version the next text message is for


def version_for(texts: dict[str, str], lang: str) -> str:
    return lang if lang in texts else DEFAULT


def draft_menu(t: Translator, draft: Draft) -> Reply:
    """After a text: which versions exist, add another language, or go on to the audience."""
    versions = [NATIVE_NAMES[x] for x in LANGUAGES if x in draft.texts]
    lines = [esc(t.gettext("The default version is saved."))]
    if versions:
        lines.append(esc(t.gettext("Versions: {languages}", languages=", ".join(versions))))
    lines.append(
        esc(
            t.gettext(
                "Recipients get the version in their language, else the default one. Add a "
                "version, or choose the audience."
            )
        )
    )
    buttons = [Button(NATIVE_NAMES[x], f"bc:v:{x}") for x in LANGUAGES]
    return Reply(
        "\n".join(lines),
        (
            *rows(buttons, 3),
            (Button(t.pgettext("button", "Choose the audience"), "bc:aud"),),
            (cancel_button(t),),
        ),
    )


def cancel_button(t: Translator) -> Button:
    return Button(t.pgettext("button", "Cancel"), "bc:x")


def audience_menu(t: Translator, with_subscriptions: Sequence[tuple[str, str]]) -> Reply:
    buttons = [
        (Button(t.pgettext("button", "Everyone"), "bc:a:all"),),
        (Button(t.pgettext("button", "By language"), "bc:a:lang"),),
    ]
    buttons += [
        (Button(t.pgettext("button", "Subscribers: {name}", name=name), f"bc:s:{target}"),)
        for target, name in with_subscriptions
    ]
    buttons += broadcast_directory.menu_buttons(t)
    return Reply(esc(t.gettext("Who should get it?")), (*buttons, (cancel_button(t),)))


def language_picker(t: Translator, picked: Sequence[str]) -> Reply:
    buttons = [
        Button(("✓ " if x in picked else "") + NATIVE_NAMES[x], f"bc:l:{x}") for x in LANGUAGES
    ]
    done = Button(t.pgettext("button", "Done"), "bc:l:ok")
    return Reply(
        esc(t.gettext("Tick the languages whose speakers should get it.")),
        (*rows(buttons, 3), (done,), (cancel_button(t),)),
    )


def preview_groups(
    texts: dict[str, str], people: Sequence[tuple[int, str]]
) -> list[tuple[str, list[str], int]]:
    """(version, the recipients' languages that get it, how many) in menu order."""
    per_lang = Counter(lang for _, lang in people)
    groups: dict[str, list[str]] = {}
    for lang in sorted(per_lang, key=lambda x: LANGUAGES.index(x) if x in LANGUAGES else 99):
        groups.setdefault(version_for(texts, lang), []).append(lang)
    return [(v, langs, sum(per_lang[x] for x in langs)) for v, langs in groups.items()]


def preview(t: Translator, draft: Draft, people: Sequence[tuple[int, str]]) -> list[Reply]:
    """Per language group: a header, then the message exactly as they will get it."""
    out: list[Reply] = []
    for version, langs, n in preview_groups(draft.texts, people):
        names = ", ".join(NATIVE_NAMES.get(x, x) for x in langs)
        head = t.ngettext(
            "Preview for {languages} ({n} recipient):",
            "Preview for {languages} ({n} recipients):",
            n,
            languages=names,
        )
        out += [Reply(bold(head)), Reply(draft.texts[version])]
    total = len(people)
    out.append(
        Reply(
            esc(t.ngettext("Send it to {n} recipient?", "Send it to {n} recipients?", total)),
            (
                (Button(t.pgettext("button", "Send now"), "bc:go"),),
                (Button(t.pgettext("button", "Send later"), "bc:later"),),
                (cancel_button(t),),
            ),
        )
    )
    return out


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


def report(t: Translator, number: int, counts: dict[str, dict[str, int]], state: str) -> Reply:
    """Progress or final report: sent, blocked, failed, still pending, per language."""
    heads = {
        "sending": t.gettext("Broadcast no. {number} is being sent.", number=number),
        "scheduled": t.gettext("Broadcast no. {number} is scheduled.", number=number),
        "done": t.gettext("Broadcast no. {number} is finished.", number=number),
        "cancelled": t.gettext("Broadcast no. {number} was cancelled.", number=number),
    }
    total: Counter[str] = Counter()
    lines = [bold(heads.get(state, heads["sending"]))]
    for lang in sorted(counts, key=lambda x: LANGUAGES.index(x) if x in LANGUAGES else 99):
        c = _merged(counts[lang])
        total.update(c)
        lines.append(esc(_line(t, NATIVE_NAMES.get(lang, lang), c)))
    lines.append(bold(_line(t, t.gettext("Total"), total)))
    buttons = ()
    if state in ("sending", "scheduled"):
        buttons = ((stop_button(t, number),),)
    return Reply("\n".join(lines), buttons)


def stop_button(t: Translator, number: int) -> Button:
    return Button(t.pgettext("button", "Cancel the broadcast"), f"bx:{number}")


def _merged(c: dict[str, int]) -> Counter[str]:
    """In flight counts as pending; so does what a cancellation left unsent."""
    out: Counter[str] = Counter({k: c.get(k, 0) for k in STATUSES})
    out["pending"] += c.get("sending", 0) + c.get("cancelled", 0)
    return out


def _line(t: Translator, label: str, c: Counter[str]) -> str:
    return t.gettext(
        "{label}: {sent} sent · {blocked} blocked · {failed} failed · {pending} pending",
        label=label,
        **{k: t.number(c[k]) for k in STATUSES},
    )


def with_text(draft: Draft, text: str) -> Draft:
    return replace(draft, texts={**draft.texts, draft.editing: text}, editing=DEFAULT)


async def subscription_targets(services: Services, t: Translator) -> list[tuple[str, str]]:
    """(entry id, title) of the networks and programs someone subscribed to (issue 5)."""
    found = []
    for target in await services.db.events.subscribed_targets():
        entry = services.knowledge.entries.get(target)
        if entry is not None:
            found.append((target, entry.text(t.locale).title))
    return found


async def submit(
    services: Services, created_by: int, draft: Draft, send_at: datetime | None
) -> int:
    """Store the broadcast; sent at once (recipients fixed now) or at send_at."""
    assert draft.audience is not None and DEFAULT in draft.texts
    people = [] if send_at else await recipients(services, draft.audience)
    return await services.db.outbox.create_broadcast(
        created_by,
        draft.audience.to_json(),
        draft.texts,
        utc_iso(send_at) if send_at else None,
        people,
    )
