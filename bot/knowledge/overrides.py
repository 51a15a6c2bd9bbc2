"""Quick fixes: a coordinator's change of an amount, a date or one text of an entry, applied
at once and written as a patch a maintainer merges into knowledge/.

The pure part only: validating, applying to a loaded Knowledge, rendering the patch. Storing
overrides, logging and the Telegram dialogue live elsewhere. An amount or a date is a
{placeholder} in every language's text, so changing it changes all nine at once; a changed
German text marks its translations stale (a typo-sized change: minor, see stale.py).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from bot.i18n.languages import LANGUAGES
from bot.knowledge.model import (
    LITERAL_AMOUNT_RE,
    TEXT_FIELDS,
    Amount,
    Entry,
    Knowledge,
    placeholders,
)
from bot.knowledge.stale import german_fields, is_minor_edit
from bot.knowledge.textfacts import official_names
from bot.knowledge.tomlwrite import toml_key, toml_value

MAX_EUR = 1_000_000  # far above any program of the sources; a typo guard, not a policy
DATE_YEARS = 10  # a date more than ten years from today is a typo
MAX_TEXT = 1500
MAX_WHO = 100
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z][^>]*>|\*\*|__|`|\[[^\]]*\]\([^)]*\)")


class OverrideError(ValueError):
    """Why a quick fix is refused, in one line a coordinator understands."""


@dataclass(frozen=True)
class Override:
    """One quick fix. `field`: "amounts.<key>", "dates.<key>" or "text.<lang>.<field>"."""

    entry_id: str
    field: str
    value: int | date | str
    who: str
    when: datetime
    year: int | None = None  # for an amount set anew every year: the year the new one holds for


def validate(knowledge: Knowledge, override: Override, today: date | None = None) -> Override:
    """The override with its value normalised, or OverrideError."""
    entry = knowledge.entries.get(override.entry_id)
    if entry is None:
        raise OverrideError(f"no entry {override.entry_id!r}")
    who = override.who.strip() if isinstance(override.who, str) else ""
    if not who or len(who) > MAX_WHO or _CONTROL.search(who):
        raise OverrideError("who: a name of at most 100 characters")
    if not isinstance(override.when, datetime):
        raise OverrideError("when: a date and time")
    today = today or override.when.date()
    kind, _, key = override.field.partition(".")
    if kind == "amounts":
        return dataclasses.replace(override, who=who, **_amount(entry, key, override))
    if kind == "dates":
        return dataclasses.replace(override, who=who, value=_date(entry, key, override, today))
    if kind == "text":
        return dataclasses.replace(override, who=who, value=_text(entry, key, override.value))
    raise OverrideError(f"field {override.field!r}: amounts.KEY, dates.KEY or text.LANG.FIELD")


def _amount(entry: Entry, key: str, override: Override) -> dict[str, object]:
    old = entry.amounts.get(key)
    if old is None:
        raise OverrideError(f"{entry.id} has no amount {key!r} ({', '.join(entry.amounts)})")
    value = override.value
    if isinstance(value, str) and re.fullmatch(r"\d{1,3}(?:[.,\s]?\d{3})*", value.strip()):
        value = int(re.sub(r"\D", "", value))
    if not isinstance(value, int) or isinstance(value, bool) or not 0 < value <= MAX_EUR:
        raise OverrideError(f"amount: a whole number of euros from 1 to {MAX_EUR:,}")
    year = override.year
    if old.year is not None:
        this = override.when.year
        if year is None or not this - 1 <= year <= this + 1:
            raise OverrideError(
                f"amount {key} is set anew every year: say the year it holds for "
                f"({this - 1} to {this + 1})"
            )
    elif year is not None:
        raise OverrideError(f"amount {key} holds for no single year")
    return {"value": value, "year": year}


def _date(entry: Entry, key: str, override: Override, today: date) -> date:
    if key not in entry.dates:
        raise OverrideError(f"{entry.id} has no date {key!r} ({', '.join(entry.dates)})")
    value = override.value
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            raise OverrideError("date: YYYY-MM-DD") from None
    if isinstance(value, datetime) or not isinstance(value, date):
        raise OverrideError("date: YYYY-MM-DD")
    if abs(value.year - today.year) > DATE_YEARS:
        raise OverrideError(f"date: within {DATE_YEARS} years of today")
    return value


def _text(entry: Entry, key: str, value: object) -> str:
    lang, _, name = key.partition(".")
    if lang not in LANGUAGES or name not in TEXT_FIELDS:
        raise OverrideError(f"text: text.LANG.FIELD with FIELD one of {', '.join(TEXT_FIELDS)}")
    if not isinstance(value, str) or not value.strip():
        raise OverrideError("text: must not be empty")
    text = " ".join(value.split())  # one paragraph, as in the files
    if len(text) > MAX_TEXT or _CONTROL.search(text):
        raise OverrideError(f"text: plain text of at most {MAX_TEXT} characters")
    if _MARKUP.search(text):
        raise OverrideError("text: plain text, no HTML or Markdown")
    if LITERAL_AMOUNT_RE.search(text):
        raise OverrideError("text: an amount is changed as an amount, not written into text")
    try:
        names = placeholders(text)
    except ValueError:
        raise OverrideError("text: no curly braces except the {placeholders} it had") from None
    german = getattr(entry.texts["de"], name) or ""
    if names != placeholders(german):
        raise OverrideError(f"text: keep the placeholders {sorted(placeholders(german))}")
    return text


def apply_overrides(
    knowledge: Knowledge, overrides: Iterable[Override], today: date | None = None
) -> Knowledge:
    """The knowledge with the overrides applied in order (a later one wins); raises
    OverrideError on the first that is not valid. An amount also changes where another
    entry repeats the same fact (see repeats)."""
    entries = dict(knowledge.entries)
    names = official_names(entries.values())
    for raw in overrides:
        current = dataclasses.replace(knowledge, entries=entries)
        override = validate(current, raw, today)
        for entry_id in (override.entry_id, *repeats(current, override)):
            entries[entry_id] = _apply(entries[entry_id], override, names)
    return dataclasses.replace(knowledge, entries=entries)


def repeats(knowledge: Knowledge, override: Override) -> list[str]:
    """Other entries that state the same amount: the same key with the same euros, period
    and year (raeume-finden repeats the Ausländerbeirat's amounts)."""
    kind, _, key = override.field.partition(".")
    old = knowledge.entries[override.entry_id].amounts.get(key) if kind == "amounts" else None
    if old is None:
        return []
    return sorted(
        e.id
        for e in knowledge.entries.values()
        if e.id != override.entry_id and e.amounts.get(key) == old
    )


def _apply(entry: Entry, override: Override, names: frozenset[str]) -> Entry:
    kind, _, key = override.field.partition(".")
    if kind == "amounts":
        assert isinstance(override.value, int)
        old = entry.amounts[key]
        new = Amount(float(override.value), old.per, old.up_to, override.year)
        return dataclasses.replace(entry, amounts={**entry.amounts, key: new})
    if kind == "dates":
        assert isinstance(override.value, date)
        return dataclasses.replace(entry, dates={**entry.dates, key: override.value})
    lang, _, name = key.partition(".")
    text = dataclasses.replace(entry.text(lang), **{name: override.value})
    changed = dataclasses.replace(entry, texts={**entry.texts, lang: text})
    if lang != "de" or text == entry.texts["de"]:
        return changed
    # The translations were made from the German text before this change: all stale; minor
    # where they were current and the change is typo-sized (against an older stamped text,
    # unknown here, a second change is never minor).
    translations = frozenset(code for code in entry.texts if code != "de")
    was_current = translations - entry.stale_languages
    minor = is_minor_edit(german_fields(entry), german_fields(changed), names)
    return dataclasses.replace(
        changed,
        stale_languages=translations,
        minor_stale_languages=was_current if minor else frozenset(),
    )


def render_patch(overrides: Sequence[Override], knowledge: Knowledge | None = None) -> str:
    """A TOML file of the overrides for a maintainer: per entry the tables and values to
    copy into knowledge/<kind>/<id>.toml; who and when as comments. Given the knowledge the
    overrides were applied to, an amount is also written for the entries that repeat it."""
    tables: dict[tuple[str, str], dict[str, tuple[object, str]]] = {}
    expanded = [
        dataclasses.replace(o, entry_id=entry_id)
        for o in overrides
        for entry_id in (o.entry_id, *(repeats(knowledge, o) if knowledge else ()))
    ]
    for o in expanded:
        kind, _, key = o.field.partition(".")
        stamp = f"{o.who}, {o.when:%Y-%m-%d %H:%M}"
        if kind == "amounts":
            values: dict[str, object] = {"eur": o.value}
            if o.year is not None:
                values["year"] = o.year
                stamp += f"; a text naming the year the old amount held for needs {o.year}"
            table = (o.entry_id, f"facts.amounts.{toml_key(key)}")
        elif kind == "dates":
            values = {key: o.value.isoformat() if isinstance(o.value, date) else o.value}
            table = (o.entry_id, "facts.dates")
        else:
            lang, _, name = key.partition(".")
            values, table = {name: o.value}, (o.entry_id, f"text.{lang}")
        for name, value in values.items():
            tables.setdefault(table, {})[name] = (value, stamp)
    out = [
        "# Quick fixes made in Telegram. Copy each value into the entry's file,",
        "# knowledge/<kind>/<entry id>.toml (an amount into its inline table under",
        "# [facts.amounts]), then run `python -m bot check`. A changed German text makes the",
        "# translations stale: have them updated, then `python -m bot check --stamp ENTRY`.",
    ]
    for (entry_id, path), values in tables.items():
        out += ["", f"[{toml_key(entry_id)}.{path}]"]
        said = None
        for name, (value, stamp) in values.items():
            out += [f"# {stamp}"] if stamp != said else []
            out.append(f"{toml_key(name)} = {toml_value(value)}")
            said = stamp
    return "\n".join(out) + "\n"
