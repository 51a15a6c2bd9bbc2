"""Button data, declared once per kind: the declaration builds it, matches it and parses it.

    class Candidate(CallbackData, prefix="c"):
        question: int
        entry: str

    Candidate(12, "wir-migrantenorganisationen").data()  -> "c:12:wir-migrantenorganisationen"
    Candidate.parse("c:12:wir-migrantenorganisationen")   -> Candidate(question=12, entry=…)
    Candidate.pattern()                                   -> "^c:" (what the route matches)

The prefixes are the wire format of buttons in messages users already have: they never
change. Values are ASCII tokens (ids, keys, numbers), never translated text; parsing refuses
anything else (forged, stale or malformed data) by returning None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, ClassVar, Literal, Self, dataclass_transform, get_args, get_origin
from typing import get_type_hints as _hints

MAX_BYTES = 64  # Telegram's limit for callback data
MAX_INT = 2**63 - 1  # SQLite's integer range: larger "numbers" are forged
TOKEN = re.compile(r"[A-Za-z0-9_.*-]{1,64}")
DIGITS = re.compile(r"[0-9]{1,19}")  # ASCII only: str.isdigit() would accept "²"
DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# The days the bot reckons with: a date beyond them is a typo, and 9999-12-31 has no day
# after it (an .ics event or a period "to the end of that day" would overflow).
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2099, 12, 31)


def parse_int(raw: str, low: int = 0, high: int = MAX_INT) -> int | None:
    """A whole number typed or sent as ASCII digits within [low, high], else None."""
    if not DIGITS.fullmatch(raw):
        return None
    value = int(raw)
    return value if low <= value <= high else None


def parse_day(raw: str, low: date = FIRST_DAY, high: date = LAST_DAY) -> date | None:
    """A day typed as YYYY-MM-DD in ASCII digits within [low, high], else None."""
    if not DAY.fullmatch(raw):
        return None
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        return None
    return day if low <= day <= high else None


def in_range(day: date) -> bool:
    """Within the days the bot reckons with (FIRST_DAY … LAST_DAY)."""
    return FIRST_DAY <= day <= LAST_DAY


@dataclass_transform(frozen_default=True)
class CallbackData:
    """Base of every kind of button data; subclasses name their prefix and typed fields."""

    prefix: ClassVar[str]
    _types: ClassVar[tuple[tuple[str, Any], ...]]

    def __init_subclass__(cls, prefix: str, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if not re.fullmatch(r"[a-z]{1,8}(:[a-z]{1,8})*", prefix):
            raise ValueError(f"callback prefix {prefix!r}: lower-case ASCII words with ':'")
        cls.prefix = prefix
        dataclass(frozen=True)(cls)
        cls._types = ()  # resolved on first use: annotations may be strings until then

    @classmethod
    def _fields(cls) -> tuple[tuple[str, Any], ...]:
        if not cls._types and fields(cls):  # type: ignore[arg-type]
            hints = _hints(cls)
            cls._types = tuple((f.name, hints[f.name]) for f in fields(cls))  # type: ignore[arg-type]
        return cls._types

    def data(self) -> str:
        """The callback data of this button."""
        values = [str(getattr(self, name)) for name, _ in self._fields()]
        for value in values:
            if not TOKEN.fullmatch(value):
                raise ValueError(f"{self.prefix}: {value!r} is not an ASCII token")
        data = ":".join([self.prefix, *values])
        if len(data.encode()) > MAX_BYTES:
            raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
        return data

    @classmethod
    def pattern(cls) -> str:
        """The regular expression a route matches this kind with (prefix only)."""
        return f"^{re.escape(cls.prefix)}" + (":" if cls._fields() else "$")

    def exact(self) -> str:
        """The regular expression that matches exactly this button."""
        return f"^{re.escape(self.data())}$"

    @classmethod
    def parse(cls, data: object) -> Self | None:
        """The button's fields, or None if the data is not a well-formed button of this kind."""
        if not isinstance(data, str) or not data.isascii():
            return None
        if data == cls.prefix:
            raw: list[str] = []
        elif data.startswith(cls.prefix + ":"):
            raw = data[len(cls.prefix) + 1 :].split(":")
        else:
            return None
        types = cls._fields()
        if len(raw) != len(types):
            return None
        values: list[object] = []
        for text, (_, kind) in zip(raw, types, strict=True):
            value = _convert(text, kind)
            if value is None:
                return None
            values.append(value)
        return cls(*values)


def _convert(text: str, kind: Any) -> object | None:
    if kind is int:
        return parse_int(text)
    if get_origin(kind) is Literal:
        return text if text in get_args(kind) else None
    if kind is str:
        return text if TOKEN.fullmatch(text) else None
    raise TypeError(f"unsupported callback field type {kind!r}")
