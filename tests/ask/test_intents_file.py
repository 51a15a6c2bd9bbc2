"""knowledge/intents.toml is checked like the knowledge base: every problem with its field."""

from pathlib import Path

import pytest

from bot.config import REPO_ROOT
from bot.i18n.languages import LANGUAGES
from bot.knowledge import KnowledgeError
from bot.knowledge.intents import check_intents, load_intents

GOOD = """
[fillers]
{fillers}

[intents.greeting]
kind = "smalltalk"
command = "start"

[intents.greeting.phrases]
{phrases}
"""


def _write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "intents.toml").write_text(text, "utf-8")
    return tmp_path


def _lists(items: str, skip: str = "") -> str:
    return "\n".join(f"{lang} = [{items}]" for lang in LANGUAGES if lang != skip)


def test_the_shipped_file_is_valid_and_complete():
    table = load_intents(REPO_ROOT / "knowledge")
    assert set(table.intents) == {
        "greeting",
        "thanks",
        "goodbye",
        "about_bot",
        "insult",
        "register_org",
        "update_org",
        "reminders",
        "my_data",
        "delete_data",
        "language",
        "contact_office",
        "application_status",
    }
    for spec in table.intents.values():
        assert set(spec.phrases) == set(LANGUAGES), spec.id


def test_a_valid_file_loads(tmp_path):
    text = GOOD.format(fillers=_lists('"zusammen"'), phrases=_lists('"a", "b", "c"'))
    table = load_intents(_write(tmp_path, text))
    assert table.intents["greeting"].command == "start"


@pytest.mark.parametrize(
    ("text", "field", "message"),
    [
        (
            GOOD.format(fillers=_lists('"x"'), phrases=_lists('"a", "b", "c"', skip="fa")),
            "intents.greeting.phrases.fa",
            "missing language",
        ),
        (
            GOOD.format(fillers=_lists('"x"'), phrases=_lists('"a", "b"')),
            "intents.greeting.phrases.de",
            "at least 3",
        ),
        (
            GOOD.format(fillers=_lists('"x"'), phrases=_lists('"a", "b", "A"')),
            "intents.greeting.phrases.de",
            "twice",
        ),
        (
            GOOD.format(fillers=_lists('"x"'), phrases=_lists('"a", "b", "c"')).replace(
                'kind = "smalltalk"', 'kind = "chat"'
            ),
            "intents.greeting.kind",
            "must be one of",
        ),
        (
            GOOD.format(fillers=_lists('"x"'), phrases=_lists('"a", "b", "c"')).replace(
                'command = "start"', 'command = "launch"'
            ),
            "intents.greeting.command",
            "must be one of",
        ),
        (
            GOOD.format(fillers=_lists('"x"'), phrases=_lists('"a", "b", "c"')).replace(
                'command = "start"', 'command = "start"\nbutton = "x"'
            ),
            "intents.greeting.button",
            "unknown field",
        ),
        ("[intents\n", "", "not valid TOML"),
    ],
)
def test_problems_name_file_and_field(tmp_path, text, field, message):
    problems = check_intents(_write(tmp_path, text))
    assert any(p.field == field and message in p.message for p in problems), problems
    assert all(p.file == "intents.toml" for p in problems)
    with pytest.raises(KnowledgeError):
        load_intents(tmp_path)


def test_a_missing_file_is_a_problem(tmp_path):
    assert [p.message for p in check_intents(tmp_path)] == ["file is missing"]


def test_python_m_bot_check_reports_it(tmp_path, monkeypatch, capsys):
    import shutil

    from bot.__main__ import main

    shutil.copytree(REPO_ROOT / "knowledge", tmp_path / "knowledge")
    (tmp_path / "knowledge" / "intents.toml").write_text("[intents.x]\nkind = 1\n", "utf-8")
    monkeypatch.setenv("KNOWLEDGE_DIR", str(tmp_path / "knowledge"))
    assert main(["check"]) == 1
    assert "intents.toml: intents.x.kind" in capsys.readouterr().out
