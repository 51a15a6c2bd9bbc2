"""The report to hand in: one self-contained, printable HTML page in German.

Every figure of the JSON report is one table cell, marked with data-metric, data-key and
data-value (its JSON value), so the page and the JSON carry the same figures (a test compares
them); numbers and dates are shown in German format. The charts are embedded as PNG data
URIs: the file needs nothing else to be opened, printed or pasted into a document.
"""

from __future__ import annotations

import base64
import html
import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from bot.directory.service import label as directory_label
from bot.figures import report_text as de
from bot.figures.charts import Chart, month_label, survey_label
from bot.figures.service import Figures, cells
from bot.i18n import Translator
from bot.knowledge import Knowledge

PERCENT = {"answered_share", "referral_rate_city"}
MATRIX = {
    "qualification_by_topic",
    "qualification_trainings",
    "introductions_by_kind",
    "introductions_by_topic",
    "followup_success_by_office",
}
STYLE = """
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; color: #1d2b33;
       max-width: 190mm; margin: 0 auto; line-height: 1.4; }
h1 { font-size: 17pt; margin-bottom: 2pt; } h2 { font-size: 13pt; margin-top: 18pt;
     border-bottom: 1px solid #9ab; padding-bottom: 2pt; }
h3 { font-size: 10.5pt; margin: 10pt 0 4pt; }
.sub, .period { color: #4a5a63; margin: 0; } p.how { font-size: 9.5pt; color: #33444d; }
table { border-collapse: collapse; margin: 4pt 0 8pt; }
th, td { border-bottom: 1px solid #d5dde2; padding: 2pt 8pt 2pt 0; text-align: left;
         vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: 8pt 0; } figure img { max-width: 100%; height: auto; }
figcaption { font-size: 9pt; color: #4a5a63; }
section { break-inside: avoid-page; }
@media print { h2 { break-after: avoid; } figure { break-inside: avoid; } }
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


class Report:
    """Builds the page from the figures; `t` is the German translator (chart labels)."""

    def __init__(
        self, figures: Figures, knowledge: Knowledge, t: Translator, city: frozenset[str]
    ) -> None:
        self.figures, self.knowledge, self.t, self.city = figures, knowledge, t, city
        self.rows: dict[str, list[tuple[str, Any]]] = {}
        for metric, key, value in cells(figures):
            self.rows.setdefault(metric, []).append((key, value))

    # --- names and numbers in German ------------------------------------------------------

    def entry(self, entry_id: str) -> str:
        entry = self.knowledge.entries.get(entry_id)
        return entry.text("de").title if entry else entry_id

    def topic(self, topic: str) -> str:
        if topic in de.KEYS:
            return de.KEYS[topic]
        return self.knowledge.topics.get(topic, {}).get("de") or topic

    def key_label(self, metric: str, key: str) -> str:
        if metric in ("contacts_per_month", "questions_per_month"):
            return month_label(self.t, key)
        if metric == "languages":
            return Locale.parse("de").languages.get(key, key)
        if metric in ("referrals_by_office", "referrals_by_program", "referrals_other"):
            name = self.entry(key)
            return f"{name} ({de.CITY})" if key in self.city else name
        if metric == "followup_success_by_office":
            return self.entry(key)
        if metric == "subscriptions":
            return de.KEYS["*"] if key == "*" else self.entry(key)
        if metric == "formats_offered":
            return directory_label(self.t, self.knowledge, "formats", key)
        if metric in ("qualification_by_topic", "introductions_by_topic"):
            return self.topic(key)
        if metric == "qualification_trainings":
            return f"Nr. {key}"
        if key.startswith("averages."):
            return f"Durchschnitt: {survey_label(self.t, key.removeprefix('averages.'))}"
        return de.KEYS.get(key, key)

    def shown(self, metric: str, key: str, value: Any) -> str:
        """A value as a German reader expects it."""
        inner = key.rpartition(".")[2]
        if value is None or value == "":
            return "–"
        if isinstance(value, str):
            if metric in ("period_from", "period_to") or inner == "day":
                return format_date(date.fromisoformat(value), "long", locale="de")
            if inner == "kind":
                return de.KEYS.get(value, value)
            if inner == "topic":
                return self.topic(value)
            return value
        if metric in PERCENT:
            return format_percent(value, "#,##0.0 %", locale="de")
        if isinstance(value, float):
            return format_decimal(value, "#,##0.0#", locale="de")
        return format_decimal(value, locale="de")

    def cell(self, metric: str, key: str, value: Any) -> str:
        css = ' class="n"' if isinstance(value, int | float) or value == "< 3" else ""
        raw = _e(json.dumps(value, ensure_ascii=False))
        return (
            f'<td{css} data-metric="{_e(metric)}" data-key="{_e(key)}" data-value="{raw}">'
            f"{_e(self.shown(metric, key, value))}</td>"
        )

    # --- blocks -------------------------------------------------------------------------

    def metric(self, metric: str) -> str:
        rows = self.rows.get(metric, [])
        title = de.LABELS.get(metric, metric)
        if not rows:
            return (
                f'<table data-metric="{_e(metric)}"><tr><th scope="row">{_e(title)}</th>'
                f"<td>{_e(de.NONE)}</td></tr></table>"
            )
        if len(rows) == 1 and rows[0][0] == "":
            value = rows[0][1]
            return (
                f'<table data-metric="{_e(metric)}"><tr><th scope="row">{_e(title)}</th>'
                f"{self.cell(metric, '', value)}</tr></table>"
            )
        if metric in MATRIX:
            return self.matrix(metric, title, rows)
        lines = [
            f'<tr><th scope="row">{_e(self.key_label(metric, key))}</th>'
            f"{self.cell(metric, key, value)}</tr>"
            for key, value in rows
        ]
        return f'<h3>{_e(title)}</h3><table data-metric="{_e(metric)}">{"".join(lines)}</table>'

    def matrix(self, metric: str, title: str, rows: Sequence[tuple[str, Any]]) -> str:
        outer: dict[str, dict[str, Any]] = {}
        for key, value in rows:
            row, _, column = key.partition(".")
            outer.setdefault(row, {})[column] = value
        columns = list(dict.fromkeys(c for values in outer.values() for c in values))
        head = "".join(f'<th scope="col">{_e(de.KEYS.get(c, c))}</th>' for c in columns)
        body = []
        for row, values in outer.items():
            tds = "".join(
                self.cell(metric, f"{row}.{c}", values[c]) if c in values else "<td>–</td>"
                for c in columns
            )
            body.append(f'<tr><th scope="row">{_e(self.key_label(metric, row))}</th>{tds}</tr>')
        return (
            f'<h3>{_e(title)}</h3><table data-metric="{_e(metric)}"><thead><tr><th></th>'
            f"{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
        )

    def chart(self, chart: Chart) -> str:
        data = base64.b64encode(chart.png).decode("ascii")
        return (
            f'<figure id="chart-{_e(chart.key)}"><img src="data:image/png;base64,{data}" '
            f'alt="{_e(chart.title)}" /><figcaption>'
            f"{_e(de.CHART.format(title=chart.title))}</figcaption></figure>"
        )

    def page(self, charts: Sequence[Chart], today: date) -> str:
        by_key = {c.key: c for c in charts}
        start = self.shown("period_from", "", self.figures.period_from)
        end = self.shown("period_to", "", self.figures.period_to)
        period = de.PERIOD.format(
            start=start, end=end, today=format_date(today, "long", locale="de")
        )
        sections = []
        for ident, heading, how, metrics, chart in de.SECTIONS:
            parts = [f'<section id="{ident}"><h2>{_e(heading)}</h2>']
            parts.append(f'<p class="how">{_e(how)}</p>')
            parts += [self.metric(m) for m in metrics]
            if chart and chart in by_key:
                parts.append(self.chart(by_key[chart]))
            sections.append("".join(parts) + "</section>")
        bounds = (
            f'<table data-metric="period"><tr><th scope="row">{_e(de.LABELS["period_from"])}</th>'
            f"{self.cell('period_from', '', self.figures.period_from)}"
            f'<th scope="row">{_e(de.LABELS["period_to"])}</th>'
            f"{self.cell('period_to', '', self.figures.period_to)}</tr></table>"
        )
        return (
            '<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8" />\n'
            f"<title>{_e(de.TITLE)}: {_e(start)} bis {_e(end)}</title>\n"
            f"<style>{STYLE}</style>\n</head>\n<body>\n<header><h1>{_e(de.TITLE)}</h1>"
            f'<p class="sub">{_e(de.SUBTITLE)}</p><p class="period">{_e(period)}</p>'
            f"<p>{_e(de.INTRO)}</p>{bounds}</header>\n"
            + "\n".join(sections)
            + "\n</body>\n</html>\n"
        )


def build(
    figures: Figures,
    knowledge: Knowledge,
    t: Translator,
    city: frozenset[str],
    charts: Sequence[Chart],
    today: date,
) -> str:
    return Report(figures, knowledge, t, city).page(charts, today)
