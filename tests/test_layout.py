"""The house rules of bot/, checked with ast so they stay true.

- bot/ has at most 30 top-level entries;
- only bot/handlers/__init__.py adds handlers (the one routing table);
- telegram is imported only by the Telegram layer: bot/handlers/, bot/local/, bot/app.py and
  bot/__main__.py;
- no import cycles between the packages of bot/ (and none between the modules of one).
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

from bot.config import REPO_ROOT

BOT = REPO_ROOT / "bot"
TELEGRAM_LAYER = ("bot/handlers/", "bot/local/", "bot/app.py", "bot/__main__.py")


def _modules() -> dict[str, Path]:
    found = {}
    for path in BOT.rglob("*.py"):
        parts = path.relative_to(REPO_ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _rel(path: Path) -> str:
    return path.relative_to(REPO_ROOT).as_posix()


def _imports(path: Path, module: str) -> set[str]:
    """Every module this one imports at run time (not under `if TYPE_CHECKING:`)."""
    tree = ast.parse(path.read_text("utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip |= {id(n) for n in ast.walk(node)}
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names = {f"{base}.{a.name}" for a in node.names}
            # `from pkg import module` imports the module; `from pkg import name` the package
            found |= {n for n in names if _is_module(n)} or {base}
            if any(not _is_module(n) for n in names):
                found.add(base)
    return found


def _is_module(name: str) -> bool:
    path = REPO_ROOT / name.replace(".", "/")
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _graph(level: int) -> dict[str, set[str]]:
    """Imports between bot's modules, cut to the first `level` name parts below bot."""
    modules = _modules()
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in modules.items():
        src = ".".join(name.split(".")[: level + 1])
        for target in _imports(path, name):
            if target in modules and target.startswith("bot."):
                dst = ".".join(target.split(".")[: level + 1])
                # A module's own packages run before it anyway: not an edge of its making.
                if dst != src and dst != "bot" and not src.startswith(dst + "."):
                    graph[src].add(dst)
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_bot_has_at_most_30_top_level_entries():
    entries = [p.name for p in BOT.iterdir() if p.name != "__pycache__"]
    assert len(entries) <= 30, sorted(entries)


def test_only_the_routing_table_adds_handlers():
    adders = set()
    for path in _modules().values():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in {"add_handler", "add_handlers"}:
                adders.add(_rel(path))
    assert adders == {"bot/handlers/__init__.py"}


def test_telegram_is_imported_only_by_the_telegram_layer():
    outside = sorted(
        _rel(path)
        for name, path in _modules().items()
        if any(i == "telegram" or i.startswith("telegram.") for i in _imports(path, name))
        and not _rel(path).startswith(TELEGRAM_LAYER)
    )
    assert outside == []


def test_no_import_cycles_between_packages():
    assert _cycle(_graph(1)) is None


def test_no_import_cycles_between_modules():
    assert _cycle(_graph(9)) is None


def test_the_rules_catch_what_they_are_for():
    """The cycle finder finds a cycle, and the import reader sees relative imports."""
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None
    path = BOT / "handlers" / "__init__.py"
    assert "bot.handlers.routing" in _imports(path, "bot.handlers")
