"""The catalog gate: messages.pot matches the code; every .po complete, placeholders kept."""

import pytest
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from bot.i18n import Catalogs, po_path
from bot.i18n.catalog import POT_PATH, extract, message_keys
from bot.i18n.languages import LANGUAGES
from bot.knowledge import placeholders


def _read(path, locale=None):
    with path.open("rb") as fh:
        return read_po(fh, locale=locale)


def test_pot_matches_the_code():
    shipped = message_keys(_read(POT_PATH))
    current = message_keys(extract())
    assert current - shipped == set(), "new strings: run `python -m bot i18n`"
    assert shipped - current == set(), "stale strings: run `python -m bot i18n`"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_po_is_complete_and_keeps_placeholders(lang):
    catalog = _read(po_path(lang), locale=lang)
    template = message_keys(_read(POT_PATH))
    assert message_keys(catalog) == template, f"{lang}.po is out of date: run `python -m bot i18n`"
    expected_plural = get_plural(lang)
    assert catalog.num_plurals == expected_plural.num_plurals
    problems = []
    for m in catalog:
        if not m.id:
            continue
        where = f"{lang}: {m.id if isinstance(m.id, str) else m.id[0]!r}"
        if m.fuzzy:
            problems.append(f"{where} is fuzzy")
        ids = m.id if isinstance(m.id, tuple | list) else (m.id,)
        strings = m.string if isinstance(m.string, tuple | list) else (m.string,)
        if isinstance(m.id, tuple | list) and len(strings) != catalog.num_plurals:
            problems.append(f"{where} has {len(strings)} plural forms")
        wanted = placeholders(ids[-1])
        for s in strings:
            if not s:
                problems.append(f"{where} is not translated")
            elif placeholders(s) != wanted:
                problems.append(f"{where} changes placeholders to {sorted(placeholders(s))}")
            elif "<" in s or ">" in s:
                problems.append(f"{where} contains markup; UI strings are plain text")
    assert problems == []


def test_catalogs_compile_for_every_language(tmp_path):
    from zoneinfo import ZoneInfo

    catalogs = Catalogs(ZoneInfo("Europe/Berlin"))
    assert set(catalogs.languages) == set(LANGUAGES)


def test_no_translatable_call_hides_inside_an_f_string():
    """Babel does not extract calls inside f-strings: such a string would stay English."""
    import ast

    from bot.i18n.catalog import KEYWORDS, PACKAGE_DIR

    hidden = []
    for path in PACKAGE_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.JoinedStr):
                continue
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call):
                    name = getattr(inner.func, "attr", getattr(inner.func, "id", ""))
                    if name in KEYWORDS:
                        hidden.append(f"{path.name}:{inner.lineno}")
    assert hidden == []


def test_plural_forms_follow_the_installed_cldr_rules(catalogs):
    """Italian has a "many" form since Babel 2.19 (exact millions take "di")."""
    it = catalogs.get("it")
    assert it.ngettext("In {n} day.", "In {n} days.", 1) == "Tra 1 giorno."
    assert it.ngettext("In {n} day.", "In {n} days.", 3) == "Tra 3 giorni."
    assert it.ngettext("In {n} day.", "In {n} days.", 1_000_000) == "Tra 1.000.000 di giorni."
    tr = catalogs.get("tr")  # Turkish nouns stay singular after a numeral
    assert tr.ngettext("In {n} day.", "In {n} days.", 5) == "5 gün sonra."
