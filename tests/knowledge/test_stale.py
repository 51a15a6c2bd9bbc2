"""Stale translations: a changed German text marks its translations, a typo fix is minor,
stamping records what a translation was made from."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from bot.config import REPO_ROOT
from bot.knowledge import load_knowledge
from bot.knowledge.digest import german_digest
from bot.knowledge.stale import count_stale_translations, is_minor_edit, stale_translations
from bot.knowledge.stamp import StampError, stamp, stamp_new
from tests.knowledge.conftest import edit, problems

TRANSLATIONS = ["en", "tr", "ar", "ru", "uk", "pl", "it", "fa"]
ACK = "networks/ack.toml"


def _german_summary(folder: Path, rel: str) -> str:
    return tomllib.loads((folder / rel).read_text("utf-8"))["text"]["de"]["summary"]


def _change_german(folder: Path, old: str, new: str) -> None:
    summary = _german_summary(folder, ACK)
    assert old in summary
    edit(folder / ACK, f'summary = "{summary}"', f'summary = "{summary.replace(old, new, 1)}"')


def test_the_shipped_translations_are_stamped_and_current(knowledge):
    assert stale_translations(knowledge) == []
    for entry in knowledge.entries.values():
        assert entry.texts["de"].de_digest is None
        assert {t.de_digest for lang, t in entry.texts.items() if lang != "de"} == {
            german_digest(
                {
                    k: getattr(entry.texts["de"], k)
                    for k in ("title", "summary", "who", "when", "next_step")
                }
            )
        }, entry.id


def _check(folder: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    env.update(KNOWLEDGE_DIR=str(folder), DATABASE_PATH=str(tmp_path / "db.sqlite3"))
    return subprocess.run(
        [sys.executable, "-m", "bot", "check", *args],
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_changed_german_summary_makes_check_name_the_eight_translations(kb_copy, tmp_path):
    _change_german(kb_copy, "Ziel sind Austausch", "Ziel ist vor allem der Austausch")
    result = _check(kb_copy, tmp_path)
    assert result.returncode == 0, result.stderr  # listed, not an error that stops start-up
    stale = [line for line in result.stdout.splitlines() if "stale translation" in line]
    assert stale[:8] == [
        f"knowledge/networks/ack.toml: text.{lang}: stale translation, the German text "
        "changed since it was translated"
        for lang in TRANSLATIONS
    ]
    assert "8 stale translation(s), 0 of them minor edits" in result.stdout
    knowledge = load_knowledge(kb_copy)  # still loads
    assert count_stale_translations(knowledge) == 8
    ack = knowledge.entries["ack"]
    assert ack.stale_languages == frozenset(TRANSLATIONS) and ack.is_stale("fa")
    assert ack.translation_state("fa") == "stale" and ack.translation_state("de") == "current"


def test_a_typo_fix_is_a_minor_edit(kb_copy):
    _change_german(kb_copy, "Zusammenschluss", "Zusamenschluss")
    stamp(kb_copy, "ack")  # the translations were made from the misspelt text
    _change_german(kb_copy, "Zusamenschluss", "Zusammenschluss")
    knowledge = load_knowledge(kb_copy)
    ack = knowledge.entries["ack"]
    assert ack.minor_stale_languages == ack.stale_languages == frozenset(TRANSLATIONS)
    assert not ack.is_stale("ar") and ack.translation_state("ar") == "minor"
    assert count_stale_translations(knowledge) == 8
    assert count_stale_translations(knowledge, include_minor=False) == 0
    assert all(s.minor for s in stale_translations(knowledge))
    assert "minor edit of the German text" in str(stale_translations(knowledge)[0])


def test_stamping_one_language_leaves_the_others_stale(kb_copy, tmp_path):
    _change_german(kb_copy, "Ziel sind Austausch", "Ziel ist vor allem der Austausch")
    before = (kb_copy / ACK).read_text("utf-8").splitlines()
    result = _check(kb_copy, tmp_path, "--stamp", "ack", "en", "fa")
    assert result.returncode == 0 and "stamped ack: en fa" in result.stdout
    after = (kb_copy / ACK).read_text("utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert [b.split(" = ")[0] for _, b in changed] == ["de_digest", "de_digest"]  # nothing else
    ack = load_knowledge(kb_copy).entries["ack"]
    assert ack.stale_languages == frozenset(TRANSLATIONS) - {"en", "fa"}
    stamp(kb_copy, "ack")
    assert load_knowledge(kb_copy).entries["ack"].stale_languages == frozenset()
    # the snapshot keeps only the German text the translations now record
    snapshots = tomllib.loads((kb_copy / "stamps" / "ack.toml").read_text("utf-8"))
    assert list(snapshots) == [ack.texts["en"].de_digest]
    assert "vor allem der Austausch" in snapshots[ack.texts["en"].de_digest]["summary"]


def test_stamp_new_stamps_only_what_was_never_stamped(kb_copy):
    _change_german(kb_copy, "Ziel sind Austausch", "Ziel ist vor allem der Austausch")
    path = kb_copy / "faq" / "raeume-finden.toml"
    lines = path.read_text("utf-8").split("\n")
    en = lines.index("[text.en]")
    assert lines[en + 1].startswith("de_digest = ")
    path.write_text("\n".join(lines[: en + 1] + lines[en + 2 :]), "utf-8")  # a new translation
    assert load_knowledge(kb_copy).entries["raeume-finden"].stale_languages == {"en"}
    assert stamp_new(kb_copy) == {"raeume-finden": ["en"]}
    assert load_knowledge(kb_copy).entries["ack"].stale_languages == frozenset(TRANSLATIONS)


def test_stamping_refuses_what_is_not_there(kb_copy, tmp_path):
    with pytest.raises(StampError):
        stamp(kb_copy, "no-such-entry")
    with pytest.raises(StampError):
        stamp(kb_copy, "ack", ["de"])
    result = _check(kb_copy, tmp_path, "--stamp", "ack", "xx")
    assert result.returncode == 2 and "cannot stamp: 'xx' is not a translation language" in (
        result.stderr
    )


def test_a_malformed_digest_is_a_problem(kb_copy):
    edit(kb_copy / ACK, "[text.de]\n", '[text.de]\nde_digest = "00000000"\n')
    text = (kb_copy / ACK).read_text("utf-8")
    (kb_copy / ACK).write_text(text.replace('de_digest = "', 'de_digest = "zz', 2), "utf-8")
    found = [p for p in problems(kb_copy) if "ack.toml" in p]
    assert any("text.de.de_digest: the German text is the original" in p for p in found)
    assert any("text.en.de_digest: must be 8 hex digits" in p for p in found)


@pytest.mark.parametrize(
    ("old", "new", "minor"),
    [
        ("Die Forderung gibt es jährlich.", "Die Förderung gibt es jährlich.", True),
        ("Der Verein trift sich.", "Der Verein trifft sich.", True),
        ("Wir helfen,gern.", "Wir helfen, gern.", True),
        ("Es gibt keine Frist.", "Es gibt eine Frist.", False),  # one letter, a new fact
        ("Antrag bis 2025.", "Antrag bis 2026.", False),  # a number
        ("bis zu {project} je Projekt", "bis zu {amount} je Projekt", False),
        ("Fragen Sie das Kulturamt.", "Fragen Sie das Sportamt.", False),  # a name
        ("Der Verein trifft sich.", "Der Verein trifft sich nicht.", False),  # a word more
        ("a b c d e", "A B C D E", False),  # more than three words
        ("Das Haus ist rot.", "Das Haus ist blau.", False),  # more than two letters
    ],
)
def test_the_minor_edit_rule(old, new, minor):
    names = {"Kulturamt", "Sportamt"}
    assert is_minor_edit({"summary": old}, {"summary": new}, names) is minor


def test_a_field_added_or_removed_is_not_minor():
    assert not is_minor_edit({"summary": "a", "when": "b"}, {"summary": "a"}, ())
    assert is_minor_edit({"summary": "a"}, {"summary": "a"}, ())
