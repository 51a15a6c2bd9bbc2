"""The knowledge base: the shipped one is valid and truthful; every fault is named."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import REPO_ROOT
from bot.i18n.languages import LANGUAGES
from bot.knowledge import check_knowledge, load_knowledge

KB = REPO_ROOT / "knowledge"


def test_shipped_knowledge_base_has_no_problem():
    assert [str(p) for p in check_knowledge(KB)] == []


def test_every_entry_is_complete_in_every_language(knowledge):
    assert len(knowledge.entries) >= 45
    for entry in knowledge.entries.values():
        assert set(entry.texts) == set(LANGUAGES), entry.id
        for lang, text in entry.texts.items():
            assert text.title and text.summary and text.next_step, (entry.id, lang)
            assert len(text.triggers) >= 6, (entry.id, lang)


def test_the_required_entries_exist(knowledge):
    required = {
        "program": {
            "wir-migrantenorganisationen",
            "wir-integrationslotsen",
            "wir-deutsch-ohne-integrationskurs",
            "wir-modellprojekte",
            "house-of-resources",
            "house-of-resources-wiesbaden",
            "integration-durch-kultur",
            "auslaenderbeirat-institutionell",
            "auslaenderbeirat-projekt",
            "foerderrichtlinien-wiesbaden",
            "sportfoerderung-mo",
        },
        "office": {
            "amt-zuwanderung-integration",
            "integrationsabteilung",
            "koordinierungsstelle-mo",
            "bildungskoordination-neuzugewanderte",
            "geschaeftsstelle-auslaenderbeirat",
            "kulturamt",
            "sozialleistungs-jobcenter",
            "gruenflaechenamt",
            "amt-statistik-stadtforschung",
            "freiwilligenzentrum",
            "buergerkolleg",
            "kompetenzzentrum-vielfalt",
            "house-of-resources-rhein-main",
            "hessisches-ministerium-soziales-integration",
            "regierungspraesidium-darmstadt",
            "sportamt",
        },
        "network": {
            "netzwerk-islamische-gemeinden",
            "ack",
            "ag-integration",
            "ak-katholische-gemeinden",
            "amin",
        },
    }
    for kind, ids in required.items():
        assert ids <= {e.id for e in knowledge.of_kind(kind)}, kind
    assert len(knowledge.of_kind("faq")) >= 10


def test_amounts_are_those_of_the_city_concept(knowledge):
    """Seed 002 §2.2, checked as data: the bot formats these, never prose."""
    inst = knowledge.entries["auslaenderbeirat-institutionell"].amounts
    assert sorted(a.eur for a in inst.values() if a.per == "month") == [100, 200]
    assert [a.eur for a in knowledge.entries["auslaenderbeirat-projekt"].amounts.values()] == [
        2500
    ]
    culture = sorted(
        a.eur
        for a in knowledge.entries["integration-durch-kultur"].amounts.values()
        if a.per == "year"
    )
    assert 25000 in culture and 50000 in culture


def test_public_facts_are_marked_unconfirmed(knowledge):
    for entry in knowledge.entries.values():
        if any(c.source.kind == "public" for c in entry.citations):
            assert not entry.confirmed, entry.id


def test_no_contact_data_outside_cited_contact_fields():
    """Phone numbers never; e-mails and web addresses only in [contact] with its source."""
    phone = re.compile(r"(\+49[\d /-]{6,}|\b0\d{2,5}[ /-]\d{3,})")
    email = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
    for path in KB.glob("*/*.toml"):
        body = path.read_text("utf-8")
        assert not phone.search(body), path.name
        before_contact = body.split("[contact]")[0]
        text_part = body.split("[text.de]")[-1]
        assert not email.search(before_contact.split("[[sources]]")[0]), path.name
        assert not email.search(text_part), path.name


# --- broken knowledge: every problem named with file and field -----------------------------


@pytest.fixture
def broken(tmp_path) -> Path:
    copy = tmp_path / "knowledge"
    shutil.copytree(KB, copy, ignore=shutil.ignore_patterns("review"))
    return copy


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text("utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, count), "utf-8")


def _problems(folder: Path) -> list[str]:
    return [str(p) for p in check_knowledge(folder)]


def test_invalid_toml_is_named(broken):
    (broken / "offices" / "kulturamt.toml").write_text('id = "kulturamt\n', "utf-8")
    problems = _problems(broken)
    assert problems[0].startswith("knowledge/offices/kulturamt.toml: not valid TOML")
    # and every entry that refers to it says so too: nothing half-loads silently
    assert any("unknown entry id 'kulturamt'" in p for p in problems)


def test_missing_language_is_named(broken):
    path = broken / "networks" / "ack.toml"
    text = path.read_text("utf-8")
    start = text.index("[text.fa]")
    path.write_text(text[:start], "utf-8")
    assert "knowledge/networks/ack.toml: text.fa: missing language" in _problems(broken)


def test_duplicate_id_is_named(broken):
    shutil.copy(broken / "networks" / "ack.toml", broken / "faq" / "ack.toml")
    assert any("faq/ack.toml: id: duplicate id 'ack'" in p for p in _problems(broken))


@pytest.mark.parametrize(
    ("file", "old", "new", "needle"),
    [
        ("networks/amin.toml", 'as_of = "', 'as_of = "20xx', "networks/amin.toml: as_of:"),
        (
            "networks/amin.toml",
            "topics = [",
            'topics = ["astrology", ',
            "unknown topic 'astrology'",
        ),
        (
            "networks/amin.toml",
            'source = "seed-002"',
            'source = "seed-999"',
            "networks/amin.toml: sources[0]: source must name an id of sources.toml",
        ),
        ("networks/ack.toml", 'summary = "', 'summary = "{nowhere} ', "names no key of"),
        (
            "programs/auslaenderbeirat-projekt.toml",
            "[text.en]\n",
            "[text.en]\nsummary_x = 'x'\n",
            "text.en.summary_x: unknown field",
        ),
    ],
)
def test_field_faults_are_named(broken, file, old, new, needle):
    _edit(broken / file, old, new)
    assert any(needle in p for p in _problems(broken)), _problems(broken)


def test_an_amount_written_into_prose_is_refused(broken):
    path = broken / "networks" / "ack.toml"
    text = path.read_text("utf-8")
    start = text.index('summary = "', text.index("[text.it]")) + len('summary = "')
    path.write_text(text[:start] + "Costa 300 euro. " + text[start:], "utf-8")
    assert any(
        "networks/ack.toml: text.it.summary: states an amount" in p for p in _problems(broken)
    )


def test_a_public_source_cannot_be_confirmed(broken):
    path = next(
        p for p in (broken / "programs").glob("*.toml") if 'source = "web-' in p.read_text("utf-8")
    )
    _edit(path, "confirmed = false", "confirmed = true")
    assert any(f"programs/{path.name}: confirmed: must be false" in p for p in _problems(broken))


def _bot(args, knowledge_dir, tmp_path, stdin=""):
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    env.update(KNOWLEDGE_DIR=str(knowledge_dir), DATABASE_PATH=str(tmp_path / "db.sqlite3"))
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_check_command_prints_every_problem_and_fails(broken, tmp_path):
    _edit(broken / "networks" / "amin.toml", 'as_of = "', 'as_of = "20xx')
    (broken / "offices" / "kulturamt.toml").write_text("not toml at all [", "utf-8")
    result = _bot(["check"], broken, tmp_path)
    assert result.returncode == 1
    assert "networks/amin.toml: as_of:" in result.stdout
    assert "offices/kulturamt.toml: not valid TOML" in result.stdout


def test_check_command_passes_on_the_shipped_base(tmp_path):
    result = _bot(["check"], KB, tmp_path)
    assert result.returncode == 0
    assert "knowledge base OK" in result.stdout


def test_the_bot_refuses_to_start_on_a_broken_base(broken, tmp_path):
    _edit(broken / "networks" / "amin.toml", "topics = [", 'topics = ["astrology", ')
    result = _bot(["console"], broken, tmp_path, stdin="/start\n")
    assert result.returncode == 2
    assert "networks/amin.toml: topics: unknown topic 'astrology'" in result.stderr
    assert "Traceback" not in result.stderr
    assert "Welcome" not in result.stdout


def test_loading_is_all_or_nothing(broken):
    from bot.knowledge import KnowledgeError

    _edit(broken / "networks" / "amin.toml", 'as_of = "', 'as_of = "20xx')
    with pytest.raises(KnowledgeError) as err:
        load_knowledge(broken)
    assert len(err.value.problems) == 1
