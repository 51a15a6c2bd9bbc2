"""Validate one entry file and build its Entry."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from bot.knowledge.checks import FileChecker, check_citations, language_tables
from bot.knowledge.digest import DIGEST_RE
from bot.knowledge.files import rel
from bot.knowledge.model import (
    AS_OF_RE,
    ENTRY_KEYS,
    ID_RE,
    LITERAL_AMOUNT_RE,
    MIN_TRIGGERS,
    PERIODS,
    REQUIRED_TEXT,
    TEXT_FIELDS,
    Amount,
    Citation,
    Contact,
    Entry,
    EntryText,
    Problem,
    Source,
    iso_date,
    nonempty,
    placeholders,
)


class EntryChecker(FileChecker):
    """Validates one entry file and builds the Entry; problems go to the shared list."""

    def __init__(
        self,
        path: Path,
        kind: str,
        topics: Mapping[str, object],
        sources: Mapping[str, Source],
        raw: Mapping[str, tuple[Path, str, dict[str, Any]]],
        problems: list[Problem],
    ) -> None:
        super().__init__(rel(path), problems)
        self.path, self.kind, self.topics, self.sources = path, kind, topics, sources
        self.raw = raw

    def build(self, d: dict[str, Any]) -> Entry | None:
        for key in sorted(set(d) - ENTRY_KEYS):
            self.bad(key, "unknown field")
        entry_id = d.get("id")
        if not isinstance(entry_id, str) or not ID_RE.match(entry_id):
            self.bad("id", "must be lowercase a-z, 0-9 and '-'")
        elif entry_id != self.path.stem:
            self.bad("id", f"{entry_id!r} differs from the file name {self.path.stem!r}")
        if not nonempty(d.get("name")):
            self.bad("name", "the official German name is missing")
        topics = self._topics(d.get("topics"))
        if not isinstance(d.get("confirmed"), bool):
            self.bad("confirmed", "must be true or false")
        as_of = str(d.get("as_of", ""))
        if not AS_OF_RE.match(as_of) or (len(as_of) > 4 and not iso_date(as_of)):
            self.bad("as_of", "must be YYYY or YYYY-MM-DD")
        offices = self._refs(d.get("offices", []), "offices", want_kind="office")
        related = self._refs(d.get("related", []), "related")
        citations = self._citations(d.get("sources"))
        if d.get("confirmed") is True and any(c.source.kind == "public" for c in citations):
            self.bad("confirmed", "must be false: the entry cites a public (non-seed) source")
        newest = max((c.source.year for c in citations), default=None)
        if AS_OF_RE.match(as_of) and newest is not None and int(as_of[:4]) != newest:
            self.bad(
                "as_of",
                f"must be the year of the newest cited source ({newest}); a fact older than "
                "that names its own year (in the text, or `year` on an amount)",
            )
        review_by = self._review_by(d.get("review_by"), as_of)
        amounts, dates, decided_by = self._facts(d.get("facts", {}), as_of)
        contact = self._contact(d.get("contact"))
        texts = self._texts(d.get("text"), set(amounts) | set(dates))
        terms = self._terms(d.get("terms"))
        if not self.ok:
            return None
        return Entry(
            id=str(entry_id),
            kind=self.kind,
            name=str(d["name"]).strip(),
            topics=topics,
            confirmed=bool(d["confirmed"]),
            as_of=as_of,
            citations=citations,
            texts=texts,
            offices=offices,
            related=related,
            amounts=amounts,
            dates=dates,
            decided_by=decided_by,
            contact=contact,
            terms=terms,
            file=self.where,
            review_by=review_by,
        )

    def _review_by(self, value: object, as_of: str) -> date | None:
        if value is None:
            return None
        parsed = value if isinstance(value, date) else iso_date(str(value))
        if parsed is None:
            self.bad("review_by", "must be an ISO date YYYY-MM-DD")
        elif AS_OF_RE.match(as_of) and parsed.year < int(as_of[:4]):
            self.bad("review_by", f"is before as_of {as_of}")
        return parsed

    def _terms(self, value: object) -> tuple[str, ...]:
        if self.kind != "glossary":
            if value is not None:
                self.bad("terms", "only glossary entries have terms")
            return ()
        if not isinstance(value, list) or not value or not all(nonempty(t) for t in value):
            self.bad("terms", "a glossary entry lists the German spellings of its word")
            return ()
        return tuple(str(t).strip() for t in value)

    def _topics(self, value: object) -> tuple[str, ...]:
        if not isinstance(value, list) or not value:
            self.bad("topics", "needs at least one topic id from topics.toml")
            return ()
        for t in value:
            if t not in self.topics:
                self.bad("topics", f"unknown topic {t!r}")
        return tuple(str(t) for t in value)

    def _refs(self, value: object, name: str, want_kind: str | None = None) -> tuple[str, ...]:
        if not isinstance(value, list):
            self.bad(name, "must be a list of entry ids")
            return ()
        for ref in value:
            target = self.raw.get(ref)
            if target is None:
                self.bad(name, f"unknown entry id {ref!r}")
            elif want_kind and target[1] != want_kind:
                self.bad(name, f"{ref!r} is a {target[1]}, not an {want_kind}")
        return tuple(str(r) for r in value)

    def _citations(self, value: object) -> tuple[Citation, ...]:
        return check_citations(value, self.sources, self.bad)

    def _facts(
        self, value: object, as_of: str
    ) -> tuple[dict[str, Amount], dict[str, date], str | None]:
        amounts: dict[str, Amount] = {}
        dates: dict[str, date] = {}
        if not isinstance(value, dict):
            self.bad("facts", "must be a table")
            return amounts, dates, None
        for key in sorted(set(value) - {"amounts", "dates", "decided_by"}):
            self.bad(f"facts.{key}", "unknown fact (use amounts, dates or decided_by)")
        for key, item in value.get("amounts", {}).items():
            eur = item.get("eur") if isinstance(item, dict) else None
            per = item.get("per") if isinstance(item, dict) else None
            year = item.get("year") if isinstance(item, dict) else None
            latest = int(as_of[:4]) + 1 if AS_OF_RE.match(as_of) else 9999
            if not isinstance(eur, int | float) or isinstance(eur, bool) or eur <= 0:
                self.bad(f"facts.amounts.{key}.eur", "must be a positive number")
            elif per is not None and per not in PERIODS:
                self.bad(f"facts.amounts.{key}.per", f"must be one of {sorted(PERIODS)}")
            elif year is not None and (
                not isinstance(year, int) or isinstance(year, bool) or not 1990 <= year <= latest
            ):
                self.bad(
                    f"facts.amounts.{key}.year",
                    f"must be the year it holds for (1990 to as_of + 1 = {latest})",
                )
            else:
                amounts[key] = Amount(float(eur), per, bool(item.get("up_to", False)), year)
        for key, raw_date in value.get("dates", {}).items():
            parsed = raw_date if isinstance(raw_date, date) else iso_date(str(raw_date))
            if parsed is None:
                self.bad(f"facts.dates.{key}", "must be an ISO date YYYY-MM-DD")
            else:
                dates[key] = parsed
        if set(amounts) & set(dates):
            self.bad("facts", "an amount and a date share a key")
        decided_by = value.get("decided_by")
        if decided_by is not None and not nonempty(decided_by):
            self.bad("facts.decided_by", "must be text")
        return amounts, dates, decided_by

    def _contact(self, value: object) -> Contact | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            self.bad("contact", "must be a table")
            return None
        for key in sorted(set(value) - {"web", "email", "source"}):
            self.bad(f"contact.{key}", "unknown contact field (web, email; no invented data)")
        src = self.sources.get(str(value.get("source")))
        if src is None:
            self.bad("contact.source", "a contact names the source that states it")
            return None
        web = value.get("web") or None
        email = value.get("email") or None
        if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", str(email)):
            self.bad("contact.email", "not an e-mail address")
        return Contact(web, email, src)

    def _texts(self, value: object, fact_keys: set[str]) -> dict[str, EntryText]:
        required = REQUIRED_TEXT[self.kind]
        german_placeholders: dict[str, set[str]] = {}
        texts = {}
        allowed = {*TEXT_FIELDS, "triggers", "de_digest"}
        for lang, item in language_tables(value, allowed, self.bad):
            de_digest = item.get("de_digest")
            if lang == "de" and de_digest is not None:
                self.bad("text.de.de_digest", "the German text is the original: no digest")
            elif de_digest is not None and not DIGEST_RE.match(str(de_digest)):
                self.bad(f"text.{lang}.de_digest", "must be 8 hex digits (check --stamp)")
            for key in required:
                if not nonempty(item.get(key)):
                    self.bad(f"text.{lang}.{key}", "missing or empty")
            for key in TEXT_FIELDS:
                text = item.get(key)
                if text is None:
                    continue
                if not nonempty(text):
                    self.bad(f"text.{lang}.{key}", "must be non-empty text")
                    continue
                self._check_prose(
                    f"text.{lang}.{key}", str(text), fact_keys, german_placeholders, lang, key
                )
            triggers = item.get("triggers")
            if (
                not isinstance(triggers, list)
                or len(triggers) < MIN_TRIGGERS
                or not all(nonempty(t) for t in triggers)
            ):
                self.bad(f"text.{lang}.triggers", f"needs at least {MIN_TRIGGERS} phrases")
                triggers = []
            texts[lang] = EntryText(
                title=str(item.get("title", "")).strip(),
                summary=str(item.get("summary", "")).strip(),
                next_step=str(item.get("next_step", "")).strip(),
                triggers=tuple(str(t).strip() for t in triggers),
                who=str(item["who"]).strip() if item.get("who") else None,
                when=str(item["when"]).strip() if item.get("when") else None,
                de_digest=str(de_digest) if de_digest is not None else None,
            )
        return texts

    def _check_prose(
        self,
        where: str,
        text: str,
        fact_keys: set[str],
        german: dict[str, set[str]],
        lang: str,
        key: str,
    ) -> None:
        try:
            names = placeholders(text)
        except ValueError as exc:
            self.bad(where, f"malformed placeholder: {exc}")
            return
        for name in sorted(names - fact_keys):
            self.bad(
                where, f"placeholder {{{name}}} names no key of [facts.amounts]/[facts.dates]"
            )
        if LITERAL_AMOUNT_RE.search(text):
            self.bad(where, "states an amount in prose; put it in [facts.amounts] and use {key}")
        if lang == "de":
            german[key] = names
        elif key in german and names != german[key]:
            self.bad(
                where, f"placeholders {sorted(names)} differ from German {sorted(german[key])}"
            )
