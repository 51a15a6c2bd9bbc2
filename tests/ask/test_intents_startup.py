"""A broken knowledge/intents.toml stops `python -m bot run` like a broken knowledge base."""

import os
import shutil
import subprocess
import sys

from bot.config import REPO_ROOT
from tests.e2e.fake_bot_api import FakeBotApi

TOKEN = "123456:AAH-abcdefghijklmnopqrstuvwxyz012345"


def test_run_refuses_a_broken_intents_file_naming_it(tmp_path):
    knowledge = tmp_path / "knowledge"
    shutil.copytree(REPO_ROOT / "knowledge", knowledge, ignore=shutil.ignore_patterns("review"))
    path = knowledge / "intents.toml"
    path.write_text(path.read_text("utf-8").replace('kind = "feature"', 'kind = "magic"', 1))
    database = tmp_path / "bot.sqlite3"
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    with FakeBotApi() as api:
        env.update(
            KNOWLEDGE_DIR=str(knowledge),
            DATABASE_PATH=str(database),
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_BASE_URL=api.base_url,
        )
        result = subprocess.run(
            [sys.executable, "-m", "bot", "run"],
            env=env,
            cwd=tmp_path,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
        )
        requests = list(api.requests)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "intents.toml: intents.update_org.kind: must be one of" in result.stderr
    assert requests == [] and not database.exists()
