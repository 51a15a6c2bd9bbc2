"""The upkeep tests write their patches into the test's own folder, never into knowledge/."""

from dataclasses import replace

import pytest

from bot.config import Config


@pytest.fixture
def config(config: Config, tmp_path) -> Config:
    return replace(config, review_dir=tmp_path / "review")
