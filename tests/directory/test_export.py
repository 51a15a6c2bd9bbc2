"""The CSV export never lets a spreadsheet run a cell as a formula (issue 14, finding 9).

Excel and LibreOffice treat a cell as a formula when it starts with =, +, - or @, and also
after a leading tab or carriage return; `|` (DDE) and `%` start commands in some of them.
"""

import csv
import io

import pytest

from bot.directory.export import _safe


@pytest.mark.parametrize(
    "value",
    [
        '=HYPERLINK("http://x")',
        "+1+1",
        "-2+3",
        "@SUM(A1)",
        "\t=1+1",
        "\r=1+1",
        "\n=1+1",
        "|cmd /c calc",
        "%0A=1",
        "＝1+1",  # fullwidth equals sign, read as "=" by some spreadsheets
    ],
)
def test_a_cell_that_could_be_a_formula_is_text(value):
    assert _safe(value).startswith("'")
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerow([_safe(value)])
    assert next(csv.reader(io.StringIO(out.getvalue()), delimiter=";"))[0].startswith("'")


@pytest.mark.parametrize("value", ["Verein für Kultur e.V.", "Türkisch, Arabisch", "", "1 Raum"])
def test_ordinary_cells_stay_as_they_are(value):
    assert _safe(value) == value
