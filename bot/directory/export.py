"""The directory as a CSV file that Excel opens correctly.

UTF-8 with a byte order mark: without it Excel reads the file as Windows-1252 and breaks
umlauts, Turkish and Arabic names. Semicolons separate the fields: German Excel (the office's)
uses ';' as list separator when a file is opened by double-click, so a ','-file would land in
one column; Python's csv module and LibreOffice read ';' as well. Cells that start with
=, +, - or @ get a leading apostrophe so Excel shows them as text instead of running them as
formulas (a name is typed by whoever registers); so do cells starting with a tab, a
carriage return, a line feed, `|` or `%`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from bot.db.directory import Organisation
from bot.directory.service import label
from bot.i18n import Translator
from bot.knowledge import Knowledge

FILENAME = "mo-directory.csv"
DELIMITER = ";"


# What makes a spreadsheet read a cell as a formula or a command: = + - @, also behind a
# leading tab, carriage return or line feed (which Excel skips), | (DDE) and % (OWASP's list),
# and the fullwidth forms of = + - @ that some spreadsheets read as the same.
FORMULA_START = frozenset("=+-@\t\r\n|%＝＋－＠")


def _safe(value: str) -> str:
    return "'" + value if value[:1] in FORMULA_START else value


def export(t: Translator, knowledge: Knowledge, orgs: Sequence[Organisation]) -> bytes:
    """One row per organisation, the header and choices in the coordinator's language."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=DELIMITER, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(
        [
            t.gettext("Name"),
            t.gettext("Legal form"),
            t.gettext("District"),
            t.gettext("Topics"),
            t.gettext("Languages"),
            t.gettext("Size"),
            t.gettext("Own rooms"),
            t.gettext("Needs"),
            t.gettext("Networking"),
            t.gettext("Registered"),
            t.gettext("Last changed"),
            t.gettext("Offers"),  # added later: the columns before keep their places
        ]
    )
    for org in orgs:

        def many(step: str, values: Sequence[str]) -> str:
            return ", ".join(label(t, knowledge, step, v) for v in values)

        row = [
            org.name,
            label(t, knowledge, "legal_form", org.legal_form),
            label(t, knowledge, "district", org.district),
            many("topics", org.topics),
            many("languages", org.languages),
            label(t, knowledge, "size", org.size),
            label(t, knowledge, "own_rooms", "yes" if org.own_rooms else "no"),
            many("needs", org.needs),
            label(t, knowledge, "networking", "yes" if org.networking else "no"),
            org.created_at[:10],
            org.updated_at[:10],
            many("formats", org.formats),
        ]
        writer.writerow([_safe(v) for v in row])
    return out.getvalue().encode("utf-8-sig")
