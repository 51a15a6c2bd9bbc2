"""What the coordinators' /introduce shows: suggested pairs, choosing organisations and an
office, confirming and the result (no I/O)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.cooperations import MENU, IntroDesk
from bot.cooperations.pages import topic_name
from bot.core.reply import Button, Reply, bold, esc
from bot.db.directory import Organisation
from bot.i18n import Translator
from bot.knowledge import Knowledge


def _org_label(org: Organisation) -> str:
    return org.name if len(org.name) <= 40 else org.name[:39] + "…"


def desk(
    t: Translator,
    knowledge: Knowledge,
    pairs: Sequence[tuple[Organisation, Organisation, str]],
    counts: dict[str, int],
) -> Reply:
    """/introduce: suggested pairs, and the two ways to choose oneself."""
    lines = [
        bold(t.gettext("Introductions")),
        esc(
            t.gettext(
                "Open: {open} · both agreed: {connected} · declined: {declined}",
                open=t.number(counts.get("open", 0)),
                connected=t.number(counts.get("connected", 0)),
                declined=t.number(counts.get("declined", 0) + counts.get("withdrawn", 0)),
            )
        ),
        "",
        bold(t.gettext("Suggested (same topic, both want to network):")),
    ]
    if not pairs:
        lines.append(esc(t.gettext("No suggestions at the moment.")))
    buttons: list[tuple[Button, ...]] = []
    for a, b, topic in pairs:
        lines.append(esc(f"• {a.name} ↔ {b.name} ({topic_name(t, knowledge, topic)})"))
        text = f"{_org_label(a)} ↔ {_org_label(b)}"
        buttons.append((Button(text[:64], IntroDesk("pair", a.id, str(b.id)).data()),))
    buttons.append(
        (
            Button(
                t.pgettext("button", "An organisation and an office"),
                IntroDesk("om", 0, "-").data(),
            ),
        )
    )
    buttons.append(
        (Button(t.pgettext("button", "Two organisations"), IntroDesk("ma", 0, "-").data()),)
    )
    return Reply("\n".join(lines), tuple(buttons))


def pick_org(t: Translator, orgs: Sequence[Organisation], action: str, first: int = 0) -> Reply:
    """Choose an organisation (the first of two, the second, or the one for an office)."""
    text = t.gettext("Choose the organisation:")
    buttons = tuple(
        (
            Button(
                _org_label(o), IntroDesk(action, first or o.id, str(o.id) if first else "-").data()
            ),
        )
        for o in orgs
        if o.id != first
    )
    return Reply(esc(text), (*buttons, (Button(t.pgettext("button", "Back"), MENU.data()),)))


def pick_office(t: Translator, knowledge: Knowledge, org_id: int) -> Reply:
    text = t.gettext("Choose the office or institution:")
    buttons = tuple(
        (Button(e.text(t.locale).title[:60], IntroDesk("pair", org_id, f"o.{e.id}").data()),)
        for e in knowledge.of_kind("office")
    )
    return Reply(esc(text), (*buttons, (Button(t.pgettext("button", "Back"), MENU.data()),)))


def confirm(t: Translator, a: Organisation, b_name: str, b: str) -> Reply:
    """Before proposing: a and b (an organisation's number or "o.<office id>")."""
    text = t.gettext(
        "Propose an introduction of {a} and {b}? They are asked; names and contacts are "
        "passed on only when they agree.",
        a=a.name,
        b=b_name,
    )
    return Reply(
        esc(text),
        (
            (Button(t.pgettext("button", "Propose"), IntroDesk("go", a.id, b).data()),),
            (Button(t.pgettext("button", "Back"), MENU.data()),),
        ),
    )


def proposed(t: Translator, number: int) -> Reply:
    text = t.gettext(
        "Introduction no. {number} is proposed. You will hear the answer.", number=number
    )
    return Reply(esc(text), ((Button(t.pgettext("button", "Introductions"), MENU.data()),),))


def not_possible(t: Translator) -> Reply:
    text = t.gettext("This introduction is not possible: they were introduced before.")
    return Reply(esc(text), ((Button(t.pgettext("button", "Back"), MENU.data()),),))
