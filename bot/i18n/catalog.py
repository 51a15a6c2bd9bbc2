"""Maintain the catalogs: extract UI strings from the code into messages.pot, update .po files.

`python -m bot i18n` runs this. The catalog test calls `extract()` too and fails when the
shipped messages.pot no longer matches the code.
"""

from __future__ import annotations

import copy
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po, write_po

from bot.i18n import CATALOG_DIR, po_path
from bot.i18n.languages import LANGUAGES

PACKAGE_DIR = CATALOG_DIR.parent
POT_PATH = CATALOG_DIR / "messages.pot"
SOURCE_LANGUAGE = "en"  # msgids are English
KEYWORDS = {
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "N_": None,
    "NC_": ((1, "c"), 2),
}


def extract() -> Catalog:
    """Every translatable string in the package, as a template catalog."""
    catalog = Catalog(project="MO-Lotse", version="1", charset="utf-8", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(PACKAGE_DIR),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("TRANSLATORS:",),
        strip_comment_tags=True,
    ):
        catalog.add(
            message, None, [(f"bot/{filename}", lineno)], auto_comments=comments, context=context
        )
    return catalog


def message_keys(catalog: Catalog) -> set[tuple[str | None, str]]:
    """(context, msgid) of every message, for comparing catalogs."""
    return {(m.context, str(m.id)) for m in catalog if m.id}


def _write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        write_po(fh, catalog, width=99, include_lineno=False, sort_output=True)


def update_catalogs() -> list[str]:
    """Write messages.pot and bring every language's .po up to date with it."""
    template = extract()
    _write(template, POT_PATH)
    report = [f"{POT_PATH.name}: {len(message_keys(template))} messages"]
    for lang in LANGUAGES:
        path = po_path(lang)
        if path.exists():
            with path.open("rb") as fh:
                catalog = read_po(fh, locale=lang)
        else:
            catalog = Catalog(locale=lang, project="MO-Lotse", charset="utf-8", fuzzy=False)
        # update() may share message objects with the template: give each language a copy
        catalog.update(copy.deepcopy(template), no_fuzzy_matching=True)
        catalog.obsolete.clear()
        changed = _follow_plural_rule(catalog, lang)
        if lang == SOURCE_LANGUAGE:
            for m in catalog:
                if m.id and not _translated(m.string):
                    m.string = m.id
        missing = sum(1 for m in catalog if m.id and not _translated(m.string))
        _write(catalog, path)
        note = f" (plural forms now {catalog.num_plurals}: translate {changed})" if changed else ""
        report.append(f"{lang}: {missing} untranslated{note}")
    return report


def _follow_plural_rule(catalog: Catalog, lang: str) -> int:
    """Use the installed CLDR plural rule (it changes between Babel releases); a message
    whose number of forms no longer fits gets empty forms to translate (the gate fails until
    they are). Returns how many messages need a translator."""
    rule = get_plural(lang)
    catalog.mime_headers = [("Plural-Forms", rule.plural_forms)]
    changed = 0
    for m in catalog:
        if m.id and m.pluralizable and len(_forms(m)) != rule.num_plurals:
            forms = _forms(m)[: rule.num_plurals]
            m.string = tuple(forms) + ("",) * (rule.num_plurals - len(forms))
            changed += 1
    return changed


def _forms(m: Message) -> tuple[str, ...]:
    return tuple(m.string) if isinstance(m.string, tuple | list) else (m.string,)


def _translated(string: object) -> bool:
    if isinstance(string, tuple | list):
        return all(string)
    return bool(string)
