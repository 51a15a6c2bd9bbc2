"""Reading one TOML file of the knowledge base, and naming it in problems."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from bot.knowledge.model import Problem


def rel(path: Path) -> str:
    """A file's path as problems name it: the last three parts."""
    parts = path.parts
    return "/".join(parts[-3:]) if len(parts) >= 3 else str(path)


def load_toml(
    path: Path, problems: list[Problem], where: str | None = None
) -> dict[str, Any] | None:
    """The file's table, or None with a problem naming it (`where`, else `rel(path)`)."""
    name = where or rel(path)
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        problems.append(Problem(name, "", "file is missing"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        problems.append(Problem(name, "", f"not valid TOML: {exc}"))
    except OSError as exc:  # a folder named *.toml, a dangling link, no permission
        problems.append(Problem(name, "", f"cannot be read: {exc.strerror or exc}"))
    return None
