"""What every knowledge and events file is checked for: problems named by file and field,
the [text.xx] tables of the nine languages, and the citations of sources."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from bot.i18n.languages import LANGUAGES
from bot.knowledge.model import Citation, Problem, Source, nonempty

Bad = Callable[[str, str], None]


class FileChecker:
    """Validates one file; `bad` records a problem and marks the file as not loadable."""

    def __init__(self, where: str, problems: list[Problem]) -> None:
        self.where, self.problems = where, problems
        self.ok = True

    def bad(self, field_name: str, message: str) -> None:
        self.ok = False
        self.problems.append(Problem(self.where, field_name, message))


def language_tables(
    value: object, allowed: set[str], bad: Bad
) -> Iterator[tuple[str, dict[str, Any]]]:
    """The [text.xx] table of each of the nine languages; a missing language, a field not in
    `allowed` and a language that is not one of the nine are reported."""
    if not isinstance(value, dict):
        bad("text", "needs a [text.xx] table for each language")
        return
    for lang in LANGUAGES:
        item = value.get(lang)
        if not isinstance(item, dict):
            bad(f"text.{lang}", "missing language")
            continue
        for key in sorted(set(item) - allowed):
            bad(f"text.{lang}.{key}", "unknown field")
        yield lang, item
    for lang in sorted(set(value) - set(LANGUAGES)):
        bad(f"text.{lang}", "not one of the nine languages")


def check_citations(
    value: object,
    sources: Mapping[str, Source],
    bad: Bad,
) -> tuple[Citation, ...]:
    """The [[sources]] of an entry or event: known ids; a seed citation names its section.

    Whether the section exists in the seed is checked by tests/knowledge/test_seed_sections.py:
    the seeds live outside this repository, and nothing in bot/ reads outside it."""
    if not isinstance(value, list) or not value:
        bad("sources", "needs at least one [[sources]] entry")
        return ()
    out = []
    for i, item in enumerate(value):
        where = f"sources[{i}]"
        if not isinstance(item, dict) or item.get("source") not in sources:
            bad(where, "source must name an id of sources.toml")
            continue
        src = sources[item["source"]]
        section = item.get("section")
        if src.kind == "seed" and not nonempty(section):
            bad(f"{where}.section", "a seed citation names its section")
        out.append(Citation(src, str(section) if section else None))
    return tuple(out)
