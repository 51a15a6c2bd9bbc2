"""Every seed citation names a section that exists in the seed (needs ../shared/seeds).

The seeds live beside the repository, not in it, so this check is a test and not part of
`python -m bot check`: it skips where the seeds are not there (a fresh clone, CI)."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from bot.config import REPO_ROOT
from bot.events.loader import load_events
from bot.knowledge import Citation, Knowledge, load_knowledge

KB = REPO_ROOT / "knowledge"
SEEDS_DIR = Path(os.environ.get("SEEDS_DIR") or REPO_ROOT.parent / "shared" / "seeds")

needs_seeds = pytest.mark.skipif(
    not SEEDS_DIR.is_dir(), reason="the seeds are not beside this checkout"
)


@cache
def _seed_lines(path: Path) -> tuple[str, ...]:
    return tuple(line.strip().lower() for line in path.read_text("utf-8").splitlines())


def missing_section(citation: Citation, seeds_dir: Path) -> str | None:
    """Why the cited section cannot be found in its seed, or None.

    A numbered section ("2.2", "2.3 Fn. 14") must open a line of the seed as its heading
    ("2.2 Fördermöglichkeiten …"); footnote numbers are garbled by the OCR and not checked.
    A named section of seed 000 (its questions) must appear in the text as written."""
    src = citation.source
    if src.kind != "seed" or src.file is None or citation.section is None:
        return None
    lines = _seed_lines(seeds_dir / src.file)
    number = re.match(r"\d+(?:\.\d+)*", citation.section)
    if number:
        heading = re.compile(rf"^{re.escape(number.group(0))}\.?\s")
        found = any(heading.match(line) for line in lines)
    else:
        found = citation.section.lower() in " ".join(lines)
    return None if found else f"{citation.section!r} is not found in {src.file}"


def citations(knowledge: Knowledge, folder: Path) -> Iterator[tuple[str, Citation]]:
    """Every citation of entries, applying files and events, with the file that makes it."""
    for entry in knowledge.entries.values():
        for c in entry.citations:
            yield f"{entry.kind}/{entry.id}", c
    for applying in knowledge.applying.values():
        for c in applying.citations:
            yield f"applying/{applying.program}", c
    for event in load_events(folder, knowledge).events.values():
        for c in event.citations:
            yield f"events/{event.id}", c


def _missing(folder: Path) -> list[str]:
    knowledge = load_knowledge(folder)
    return [
        f"{where}: {problem}"
        for where, c in citations(knowledge, folder)
        if (problem := missing_section(c, SEEDS_DIR)) is not None
    ]


@needs_seeds
def test_every_cited_seed_section_exists():
    assert _missing(KB) == []


@needs_seeds
def test_a_section_not_in_the_seed_is_named(tmp_path):
    copy = tmp_path / "knowledge"
    shutil.copytree(KB, copy, ignore=shutil.ignore_patterns("review"))
    path = copy / "networks" / "ack.toml"
    text = path.read_text("utf-8")
    assert 'section = "2.3"\n' in text
    path.write_text(text.replace('section = "2.3"\n', 'section = "9.9"\n', 1), "utf-8")
    assert _missing(copy) == ["network/ack: '9.9' is not found in 002_637706e2ad26b710.txt"]


@needs_seeds
def test_a_heading_must_open_a_line():
    """A number inside a sentence of seed 002 ("10.486 Personen") is no section heading."""
    seed = load_knowledge(KB).sources["seed-002"]
    assert "10.486 Personen" in (SEEDS_DIR / str(seed.file)).read_text("utf-8")
    assert missing_section(Citation(seed, "10.486"), SEEDS_DIR) is not None
    assert missing_section(Citation(seed, "2.3"), SEEDS_DIR) is None
