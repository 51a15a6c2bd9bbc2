"""Quick fixes: a coordinator changes an amount, a date or a German text of an entry in
Telegram; the fix is validated (bot.knowledge.overrides.validate), stored with who and when,
logged, used at once by the live knowledge, and written as a patch a maintainer merges.

Fixes are applied on top of knowledge/ at every start. Each remembers the value it
replaced: once knowledge/ holds another value there (the patch was merged, or someone edited
the file since), the fix is retired and the file wins, so an old fix never hides a newer file.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

from bot.db.upkeep import StoredFix, UpkeepQueries
from bot.knowledge import Entry
from bot.knowledge.overrides import (
    MAX_EUR,
    Override,
    OverrideError,
    apply_overrides,
    render_patch,
    repeats,
    validate,
)
from bot.upkeep.live import LiveKnowledge

log = logging.getLogger(__name__)

PATCH_FILE = "quick-fixes.toml"
MAX_WHO = 100
Kind = Literal["amount", "date", "text"]
_KINDS: dict[str, tuple[Kind, str]] = {
    "a": ("amount", "amounts"),
    "d": ("date", "dates"),
    "t": ("text", "text.de"),
}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_EUROS = re.compile(r"\d{1,3}(?:([.,\u202f ])\d{3})?(?:\1\d{3})*|\d+")
_GERMAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


@dataclass(frozen=True)
class Field:
    """One fact of an entry a coordinator may change."""

    token: str  # in button data: a.KEY, d.KEY, t.FIELD
    path: str  # as an Override names it: amounts.KEY, dates.KEY, text.de.FIELD
    kind: Kind
    key: str


@dataclass(frozen=True)
class Draft:
    """The fix being made: which field, and once typed, the new value (and year)."""

    entry_id: str
    field: Field
    value: int | date | str | None = None
    year: int | None = None


@dataclass(frozen=True)
class Problem:
    """Why a typed value cannot be used, as a code the pages say in the user's language."""

    code: str
    detail: str = ""


@dataclass(frozen=True)
class Saved:
    fix_id: int
    override: Override
    also: tuple[str, ...]  # entries that repeat the same amount and changed with it
    patch: Path | None  # None: the patch file could not be written (logged)
    stale: int  # translations of the entry that are out of date now


def fields_of(entry: Entry) -> list[Field]:
    """Amounts and dates (placeholders, so all nine languages change) and the German texts."""
    found = [Field(f"a.{k}", f"amounts.{k}", "amount", k) for k in entry.amounts]
    found += [Field(f"d.{k}", f"dates.{k}", "date", k) for k in entry.dates]
    german = entry.texts["de"]
    names = ("title", "summary", "who", "when", "next_step")
    found += [Field(f"t.{n}", f"text.de.{n}", "text", n) for n in names if getattr(german, n)]
    return found


def field_by_token(entry: Entry, token: str) -> Field | None:
    return next((f for f in fields_of(entry) if f.token == token), None)


def fact_value(entry: Entry, path: str) -> str | None:
    """A field's value as stored (the `old` of a fix); None if the entry has no such field."""
    kind, _, key = path.partition(".")
    if kind == "amounts":
        amount = entry.amounts.get(key)
        if amount is None:
            return None
        euros = str(int(amount.eur)) if float(amount.eur).is_integer() else repr(amount.eur)
        return euros + (f" ({amount.year})" if amount.year is not None else "")
    if kind == "dates":
        day = entry.dates.get(key)
        return day.isoformat() if day else None
    lang, _, name = key.partition(".")
    text = entry.texts.get(lang)
    return getattr(text, name, None) if text else None


def parse_value(field: Field, raw: str) -> int | date | str | Problem:
    """What the coordinator typed, as the field's type (ASCII digits only)."""
    text = raw.strip()
    if field.kind == "text":
        return text
    if field.kind == "amount":
        bare = re.sub(r"\s*(?:€|EUR|[Ee]uro)\s*", "", text)
        if not bare.isascii() or not _EUROS.fullmatch(bare):
            return Problem("amount")
        euros = int(re.sub(r"\D", "", bare))
        return euros if 0 < euros <= MAX_EUR else Problem("amount")
    if not text.isascii():
        return Problem("date")
    german = _GERMAN_DATE.fullmatch(text)
    try:
        if german:
            return date(int(german[3]), int(german[2]), int(german[1]))
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    return Problem("date")


def problem_of(error: OverrideError) -> Problem:
    """validate's refusal as a code (its message is one English line; shown as detail)."""
    message = str(error)
    codes = [
        ("amount:", "amount"),
        ("date:", "date"),
        ("amount ", "year"),
        ("text: an amount", "text_amount"),
        ("text: plain text, no", "text_markup"),
        ("text: keep the placeholders", "text_placeholders"),
        ("text: no curly braces", "text_placeholders"),
        ("text:", "text_length"),
    ]
    code = next((c for prefix, c in codes if message.startswith(prefix)), "other")
    return Problem(code, message)


def year_choices(now: datetime) -> list[int]:
    """The years a new yearly amount may hold for (what validate accepts)."""
    return [now.year - 1, now.year, now.year + 1]


def who_of(name: str) -> str:
    """A coordinator's name as the patch records it: one line, at most MAX_WHO characters."""
    clean = " ".join(_CONTROL.sub(" ", name).split())[:MAX_WHO].strip()
    return clean or "coordinator"


@dataclass(frozen=True)
class Fixes:
    queries: UpkeepQueries
    live: LiveKnowledge
    patch_dir: Path  # REVIEW_DIR
    timezone: ZoneInfo
    # Two coordinators saving at once: each fix builds on the other's, none is lost.
    lock: asyncio.Lock = dataclasses.field(default_factory=asyncio.Lock, compare=False)

    def entry(self, entry_id: str) -> Entry | None:
        return self.live.knowledge.entries.get(entry_id)

    def also_changes(self, draft: Draft) -> list[Entry]:
        """Other entries stating the same amount: a fix of one changes them all."""
        probe = Override(draft.entry_id, draft.field.path, 1, "-", datetime.now(self.timezone))
        knowledge = self.live.knowledge
        return [knowledge.entries[e] for e in repeats(knowledge, probe)]

    def check(self, draft: Draft, now: datetime) -> Override | Problem:
        """The fix as validate accepts it, or why not."""
        if draft.value is None:
            return Problem("other")
        when = now.astimezone(self.timezone)
        override = Override(draft.entry_id, draft.field.path, draft.value, "-", when, draft.year)
        try:
            return validate(self.live.knowledge, override)
        except OverrideError as exc:
            return problem_of(exc)

    def needs_year(self, draft: Draft) -> bool:
        """An amount set anew every year: the coordinator says which year the new one is for."""
        entry = self.entry(draft.entry_id)
        amount = (
            entry.amounts.get(draft.field.key) if entry and draft.field.kind == "amount" else None
        )
        return amount is not None and amount.year is not None

    async def save(self, draft: Draft, who: str, who_id: int, now: datetime) -> Saved | Problem:
        """Store the fix (who, when), use it at once, write the patch, log it."""
        async with self.lock:
            return await self._save(draft, who, who_id, now)

    async def _save(self, draft: Draft, who: str, who_id: int, now: datetime) -> Saved | Problem:
        checked = self.check(draft, now)
        if isinstance(checked, Problem):
            return checked
        override = dataclasses.replace(checked, who=who_of(who))
        before = self.live.knowledge
        old = fact_value(before.entries[override.entry_id], override.field)
        assert old is not None  # validate found the field
        also = tuple(repeats(before, override))
        fix_id = await self.queries.add_fix(
            override.entry_id,
            override.field,
            _stored(override.value),
            override.year,
            old,
            override.who,
            who_id,
            override.when.astimezone(ZoneInfo("UTC")).isoformat(timespec="seconds"),
        )
        after = apply_overrides(before, [override])
        await self.live.replace(after)
        patch = await self.write_patch()
        # entry and field only: who made it is in the database and the patch, not the log
        log.info(
            "quick fix %d: %s %s changed and in use", fix_id, override.entry_id, override.field
        )
        stale = len(after.entries[override.entry_id].stale_languages)
        return Saved(fix_id, override, also, patch, stale)

    async def restore(self) -> int:
        """At start: knowledge/ with the fixes still in use applied, in order; how many."""
        knowledge = self.live.base
        applied = 0
        for fix in await self.queries.active_fixes():
            entry = knowledge.entries.get(fix.entry_id)
            if entry is None or fact_value(entry, fix.field) != fix.old:
                # merged into knowledge/, or the file changed since: the file wins
                await self.queries.retire_fix(fix.id, "knowledge/ changed since")
                log.info("quick fix %d retired: knowledge/ holds another value now", fix.id)
                continue
            try:
                knowledge = apply_overrides(knowledge, [self._override(fix)])
            except OverrideError as exc:
                await self.queries.retire_fix(fix.id, f"no longer valid: {exc}")
                log.warning("quick fix %d retired: no longer valid (%s)", fix.id, exc)
                continue
            applied += 1
        await self.live.replace(knowledge)
        await self.write_patch()
        return applied

    async def write_patch(self) -> Path | None:
        """REVIEW_DIR/quick-fixes.toml: every fix in use, to merge into knowledge/ (removed
        when there is none). None if it cannot be written (logged; the fixes are in use)."""
        overrides = [self._override(f) for f in await self.queries.active_fixes()]
        path = self.patch_dir / PATCH_FILE
        try:
            if not overrides:
                path.unlink(missing_ok=True)
                return None
            self.patch_dir.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(".toml.tmp")
            temporary.write_text(render_patch(overrides, self.live.base), encoding="utf-8")
            os.replace(temporary, path)  # a maintainer never sees half a file
        except OSError as exc:
            log.error("cannot write the quick-fix patch %s: %s", path, exc.strerror or exc)
            return None
        return path

    def _override(self, fix: StoredFix) -> Override:
        when = datetime.fromisoformat(fix.made_at).astimezone(self.timezone)
        value: int | date | str = fix.value
        if fix.field.startswith("amounts."):
            value = int(fix.value)
        elif fix.field.startswith("dates."):
            value = date.fromisoformat(fix.value)
        return Override(fix.entry_id, fix.field, value, fix.who, when, fix.year)


def _stored(value: int | date | str) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)
