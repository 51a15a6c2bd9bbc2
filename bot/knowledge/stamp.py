"""Stamping translations: record in [text.xx] the digest of the German text it now
translates (`de_digest`), and keep that German text in knowledge/stamps/<id>.toml so a later
German change can be judged minor or not (stale.py).

Files are edited line by line, not rewritten: a stamp touches only `de_digest` lines (right
under each [text.xx] header), so it merges cleanly with edits of the texts or triggers.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from bot.i18n.languages import LANGUAGES
from bot.knowledge.digest import DIGEST_FIELDS, german_digest
from bot.knowledge.model import KINDS
from bot.knowledge.stale import STAMPS_DIR
from bot.knowledge.tomlwrite import toml_string

TRANSLATIONS = tuple(lang for lang in LANGUAGES if lang != "de")


class StampError(Exception):
    """What cannot be stamped, in one line."""


def entry_path(folder: Path, entry_id: str) -> Path:
    found = [p for sub in KINDS if (p := folder / sub / f"{entry_id}.toml").is_file()]
    if len(found) != 1:
        raise StampError(f"no entry {entry_id!r} in {folder}")
    return found[0]


def stamp(folder: Path, entry_id: str, langs: Sequence[str] = ()) -> list[str]:
    """Stamp the named translations of an entry (all eight when none are named) as made from
    its current German text; returns the languages stamped."""
    path = entry_path(folder, entry_id)
    text = path.read_text("utf-8")
    try:
        tables = tomllib.loads(text).get("text", {})
    except tomllib.TOMLDecodeError as exc:
        raise StampError(f"{path}: not valid TOML: {exc}") from exc
    german = tables.get("de")
    if not isinstance(german, dict):
        raise StampError(f"{path}: no [text.de]")
    for lang in langs:
        if lang not in TRANSLATIONS:
            raise StampError(f"{lang!r} is not a translation language ({' '.join(TRANSLATIONS)})")
        if lang not in tables:
            raise StampError(f"{path}: no [text.{lang}]")
    targets = list(langs) or [lang for lang in TRANSLATIONS if lang in tables]
    digest = german_digest(german)
    lines = text.split("\n")
    for lang in targets:
        lines = _set_digest(lines, lang, digest)
    new_text = "\n".join(lines)
    recorded = tomllib.loads(new_text)["text"]  # still valid TOML, and what it now records
    path.write_text(new_text, "utf-8")
    kept = {str(t.get("de_digest")) for t in recorded.values() if t.get("de_digest")}
    _write_snapshot(folder / STAMPS_DIR / f"{entry_id}.toml", entry_id, digest, german, kept)
    return targets


def stamp_new(folder: Path) -> dict[str, list[str]]:
    """Stamp every translation that records no digest yet (new entries, the first stamping);
    a translation stamped before is never touched: only a translator knows it is current."""
    done = {}
    for sub in KINDS:
        for path in sorted((folder / sub).glob("*.toml")):
            tables = tomllib.loads(path.read_text("utf-8")).get("text", {})
            new = [
                lang
                for lang in TRANSLATIONS
                if isinstance(tables.get(lang), dict) and "de_digest" not in tables[lang]
            ]
            if new:
                done[path.stem] = stamp(folder, path.stem, new)
    return done


def _set_digest(lines: list[str], lang: str, digest: str) -> list[str]:
    header = re.compile(rf"^\[text\.{lang}\]\s*(#.*)?$")
    start = next((i for i, line in enumerate(lines) if header.match(line)), None)
    if start is None:
        raise StampError(f"no [text.{lang}] header line")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("[")), len(lines))
    line = f"de_digest = {toml_string(digest)}"
    for i in range(start + 1, end):
        if re.match(r"^de_digest\s*=", lines[i]):
            return [*lines[:i], line, *lines[i + 1 :]]
    return [*lines[: start + 1], line, *lines[start + 1 :]]


def _write_snapshot(
    path: Path, entry_id: str, digest: str, german: Mapping[str, Any], kept: Iterable[str]
) -> None:
    """Add the German text under its digest; drop texts no translation was made from."""
    old: dict[str, Any] = tomllib.loads(path.read_text("utf-8")) if path.is_file() else {}
    old[digest] = german
    keep = set(kept) | {digest}
    out = [
        f"# The German text of {entry_id} that its translations were made from, by digest.",
        "# Written by `python -m bot check --stamp`; do not edit.",
    ]
    for key, fields in old.items():
        if key not in keep:
            continue
        out += ["", f"[{toml_string(key)}]"]
        out += [
            f"{name} = {toml_string(str(fields[name]).strip())}"
            for name in DIGEST_FIELDS
            if fields.get(name)
        ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(out) + "\n", "utf-8")
