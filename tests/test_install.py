"""Installs stay reproducible: one lock used everywhere, and start-up stays light."""

import re
import subprocess
import sys
import tomllib
from importlib.metadata import version

from packaging.requirements import Requirement

from bot.config import REPO_ROOT

LOCK = REPO_ROOT / "constraints.txt"


def _pins() -> dict[str, str]:
    pins = {}
    for line in LOCK.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, pinned = line.partition("==")
            pins[re.sub(r"[-_.]+", "-", name).lower()] = pinned
    return pins


def test_both_readme_commands_and_ci_install_from_the_lock():
    readme = (REPO_ROOT / "README.md").read_text("utf-8")
    commands = [line for line in readme.splitlines() if line.startswith("python3 -m venv")]
    ci = (REPO_ROOT / ".ci" / "run").read_text("utf-8")
    assert len(commands) == 2
    assert commands[1] in ci  # CI runs exactly the README's test command
    for command in commands:
        assert "pip install -q -c constraints.txt -e " in command


def test_every_dependency_is_pinned_and_installed_at_its_pin():
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    pins = _pins()
    for spec in wanted:
        req = Requirement(spec)
        name = re.sub(r"[-_.]+", "-", req.name).lower()
        assert name in pins, f"{req.name} is not in constraints.txt"
        assert req.specifier.contains(pins[name]), f"the pin of {req.name} is outside its range"
        assert version(req.name) == pins[name], f"{req.name} installed is not the locked one"


def test_start_up_does_not_import_charts_or_calendars():
    """matplotlib (0.3 s, tens of MB) and icalendar load only for /stats and .ics files."""
    code = "import sys, bot.app; print(sorted({m.split('.')[0] for m in sys.modules}))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO_ROOT
    ).stdout
    assert "'telegram'" in loaded
    assert "'matplotlib'" not in loaded and "'icalendar'" not in loaded
