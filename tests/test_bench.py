"""The benchmark suite runs end to end (tiny loads) and reports every key the issue names.

No figure is judged here (performance is measured by `python -m bench`, not in tests); this
proves the suite still runs against today's code, so the README's figures can be refreshed.
"""

import json

from bench.__main__ import ROWS, Sizes, run, table

KEYS = {
    "echo_ratio",
    "match_p99_ms",
    "startup_s",
    "rss_mb",
    "broadcast_rate_ratio",
    "broadcast_429",
    "broadcast_duplicates",
    "reminder_lateness_p99_s",
    "flood_other_user_s",
    "reply_p99_during_broadcast_s",
}


def test_the_bench_suite_reports_every_figure():
    lines: list[str] = []
    sizes = Sizes(20, 1, 20, 30, 60, ("clean",), 40, 1, False, 30, 300, 3)
    figures = run(sizes, lines.append)
    assert figures.keys() >= KEYS
    json.dumps(figures)  # the --json output is one plain JSON object
    assert figures["broadcast_duplicates"] == 0 and figures["broadcast_429"] == 0
    assert figures["rss_users"] == 30 and figures["rss_mb"] > 0
    assert figures["reminder_subscriptions"] == 80
    assert figures["flood_messages"] == 30 and figures["reply_429"] == 0
    rendered = table(figures)
    for key, label, *_ in ROWS:
        assert (label in rendered) == (key in figures)
