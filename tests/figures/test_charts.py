"""The charts: labelled in the reader's language, Arabic and Farsi shaped and right to left.

matplotlib ≥ 3.11 lays text out with libraqm. The check renders the Arabic word سلام and the
same word written with its contextual presentation forms (initial seen, medial lam, final
alef, isolated meem, in logical order): a renderer that shapes and orders right to left
draws both identically. The known-bad renderings, the isolated letters and the reversed
string (what arabic-reshaper would hand over), must differ from it.
"""

import numpy as np
import pytest
from packaging.version import Version

import bot.figures.charts as charts
from bot.figures.service import Figures
from bot.knowledge import Knowledge

LOGICAL = "\u0633\u0644\u0627\u0645"  # سلام
FORMS = "\ufeb3\ufee0\ufe8e\ufee1"  # its initial, medial, final and isolated forms
ISOLATED = "\ufeb1\ufedd\ufe8d\ufee1"


def render(text: str) -> np.ndarray:
    plt = charts.plt
    fig = plt.figure(figsize=(3, 1), dpi=100)
    try:
        fig.text(0.5, 0.5, text, ha="center", va="center", fontsize=30)
        fig.canvas.draw()
        return np.asarray(fig.canvas.buffer_rgba())[..., 0].astype(int)
    finally:
        plt.close(fig)


def differ(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.abs(a - b).mean())


def test_matplotlib_shapes_arabic_itself():
    assert Version(charts.matplotlib.__version__) >= Version("3.11")
    shaped = render(LOGICAL)
    assert (255 - shaped).mean() > 1  # something was drawn (the font has the glyphs)
    assert differ(shaped, render(FORMS)) < 0.5
    assert differ(shaped, render(ISOLATED)) > 3
    assert differ(shaped, render(LOGICAL[::-1])) > 3


@pytest.mark.parametrize("lang", ["ar", "fa"])
def test_a_chart_label_in_arabic_script_is_not_drawn_reversed(catalogs, lang):
    label = catalogs.get(lang).gettext("Contacts")
    assert label != "Contacts"  # translated
    assert differ(render(label), render(label[::-1])) > 3


def figures() -> Figures:
    return Figures(
        period_from="2026-01-01",
        period_to="2026-12-31",
        contacts=4,
        contacts_per_month={"2026-03": 4},
        questions=6,
        questions_per_month={"2026-03": 6},
        answered=4,
        answered_share=0.667,
        handed_off=1,
        unanswered=1,
        referrals_by_office={"kulturamt": 3, "bagiv": 1},
        referrals_by_program={},
        referrals_other={},
        followup_success_by_office={},
        languages={"ar": 6},
        registrations=0,
        broadcasts={},
        subscriptions={},
        referral_rate_city=0.5,
        qualification_trainings={
            "1": {
                "day": "2026-03-05",
                "title": "Vereinsrecht",
                "registrations": 8,
                "participants": 6,
            },
        },
    )


@pytest.mark.parametrize("lang", ["de", "ar", "fa", "uk"])
def test_every_chart_renders_in_every_script(catalogs, knowledge: Knowledge, lang):
    found = charts.render_all(figures(), catalogs.get(lang), knowledge, frozenset({"kulturamt"}))
    assert [c.key for c in found] == [
        "activity", "referrals", "trainings", "cooperations", "survey",
    ]  # fmt: skip
    for chart in found:
        assert chart.png[:8] == b"\x89PNG\r\n\x1a\n" and chart.title
