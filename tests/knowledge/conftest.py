"""A writable copy of the shipped knowledge base for tests that break or change it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.config import REPO_ROOT
from bot.knowledge import check_knowledge

KB = REPO_ROOT / "knowledge"


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "knowledge"
    shutil.copytree(KB, copy, ignore=shutil.ignore_patterns("review"))
    return copy


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new), "utf-8")


def problems(folder: Path) -> list[str]:
    return [str(p) for p in check_knowledge(folder)]
