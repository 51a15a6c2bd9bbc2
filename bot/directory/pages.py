"""What the directory conversation and the coordinators' list say (no Telegram types)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.reply import Button, Reply, bold, esc, rows
from bot.db.directory import Organisation
from bot.directory import ASK_DELETE, DELETE, EDIT, NEW, VIEW, Export, FindPartner, Step
from bot.directory.service import MULTI, STEPS, Registration, label, options
from bot.i18n import Translator
from bot.knowledge import Knowledge


def _question(t: Translator, step: str) -> str:
    return {
        "name": t.gettext("What is the name of your organisation?"),
        "legal_form": t.gettext("What is its legal form?"),
        "district": t.gettext("In which district of Wiesbaden is it based?"),
        "topics": t.gettext("Which topics do you work on? Tick all that apply, then Done."),
        "formats": t.gettext(
            "What does your organisation offer? Tick all that apply (or none), then Done."
        ),
        "languages": t.gettext("Which languages do you speak? Tick all that apply, then Done."),
        "size": t.gettext("How many members do you have, roughly?"),
        "own_rooms": t.gettext("Do you have rooms of your own?"),
        "needs": t.gettext(
            "Where would support help you? Tick all that apply (or none), then Done."
        ),
        "networking": t.gettext(
            "Would you like to network with other migrant organisations on your topics?"
        ),
    }[step]


def nav_row(t: Translator) -> tuple[Button, ...]:
    return (
        Button(t.pgettext("button", "Back"), Step("back").data()),
        Button(t.pgettext("button", "Cancel"), Step("x").data()),
    )


def step_page(t: Translator, knowledge: Knowledge, reg: Registration) -> Reply:
    """The current question with its choices, Back and Cancel."""
    step = reg.current
    head = t.gettext("Step {number} of {total}", number=reg.step + 1, total=len(STEPS))
    text = bold(head) + "\n" + esc(_question(t, step))
    buttons: list[tuple[Button, ...]] = []
    if step == "name":
        text += "\n" + esc(t.gettext("Please type it as a message."))
        if reg.editing and reg.values.get("name"):
            keep = t.pgettext("button", "Keep the current name")
            buttons.append((Button(keep, Step("keep").data()),))
    else:
        picked = reg.picked()
        choices = [
            Button(("✓ " if v in picked else "") + label(t, knowledge, step, v), Step(v).data())
            for v in options(step, knowledge)
        ]
        buttons += rows(choices, 1 if step in ("needs", "topics", "legal_form", "formats") else 2)
        if step in MULTI:
            buttons.append((Button(t.pgettext("button", "Done"), Step("ok").data()),))
    return Reply(text, (*buttons, nav_row(t)))


def field_lines(t: Translator, knowledge: Knowledge, org: Organisation) -> list[str]:
    def many(step: str, values: Sequence[str]) -> str:
        return ", ".join(label(t, knowledge, step, v) for v in values) or "–"

    pairs = [
        (t.gettext("Legal form"), label(t, knowledge, "legal_form", org.legal_form)),
        (t.gettext("District"), label(t, knowledge, "district", org.district)),
        (t.gettext("Topics"), many("topics", org.topics)),
        (t.gettext("Offers"), many("formats", org.formats)),
        (t.gettext("Languages"), many("languages", org.languages)),
        (t.gettext("Size"), label(t, knowledge, "size", org.size)),
        (t.gettext("Own rooms"), label(t, knowledge, "own_rooms", _yn(org.own_rooms))),
        (t.gettext("Needs"), many("needs", org.needs)),
        (t.gettext("Networking"), label(t, knowledge, "networking", _yn(org.networking))),
    ]
    return [esc(f"{name}: {value}") for name, value in pairs]


def _yn(value: bool) -> str:
    return "yes" if value else "no"


def entry_page(t: Translator, knowledge: Knowledge, org: Organisation, saved: bool) -> Reply:
    """The member's own entry with Edit and Delete."""
    head = (
        t.gettext("Saved. Your entry in the directory:")
        if saved
        else t.gettext("Your entry in the directory:")
    )
    lines = [esc(head), "", bold(org.name), *field_lines(t, knowledge, org)]
    buttons: tuple[tuple[Button, ...], ...] = (
        (Button(t.pgettext("button", "Edit"), EDIT.data()),),
        (Button(t.pgettext("button", "Delete"), ASK_DELETE.data()),),
    )
    if org.networking:  # introductions to organisations on the same topics (bot/cooperations)
        partner = t.pgettext("button", "Find partner organisations")
        buttons = ((Button(partner, FindPartner("any").data()),), *buttons)
    return Reply("\n".join(lines), buttons)


def no_entry(t: Translator) -> Reply:
    text = t.gettext("Your organisation is not in the directory yet.")
    return Reply(esc(text), ((Button(t.pgettext("button", "Register"), NEW.data()),),))


def confirm_delete(t: Translator) -> Reply:
    text = t.gettext("Delete your organisation's entry from the directory? This cannot be undone.")
    return Reply(
        esc(text),
        (
            (Button(t.pgettext("button", "Yes, delete it"), DELETE.data()),),
            (Button(t.pgettext("button", "No, keep it"), VIEW.data()),),
        ),
    )


def deleted(t: Translator) -> Reply:
    return Reply(esc(t.gettext("The entry was deleted.")))


def cancelled(t: Translator) -> Reply:
    return Reply(esc(t.gettext("Cancelled. Nothing was changed.")))


def timed_out(t: Translator) -> Reply:
    return Reply(
        esc(
            t.gettext(
                "The registration has ended because there was no answer for a while. Nothing "
                "was changed; you can start again with /register."
            )
        )
    )


def bad_name(t: Translator, max_length: int) -> Reply:
    text = t.gettext(
        "Please send the name as a text of 1 to {max} characters. Your other answers are kept.",
        max=max_length,
    )
    return Reply(esc(text))


def use_buttons(t: Translator) -> Reply:
    return Reply(esc(t.gettext("Please choose with the buttons. Your answers are kept.")))


def need_one(t: Translator) -> str:
    return t.gettext("Please tick at least one.")


def directory_list(
    t: Translator, knowledge: Knowledge, orgs: Sequence[Organisation], term: str | None
) -> Reply:
    """The coordinators' list: every entry (or the search hits) with its fields."""
    if term:
        head = t.ngettext(
            "{n} organisation matches “{term}”.",
            "{n} organisations match “{term}”.",
            len(orgs),
            term=term,
        )
    else:
        head = t.ngettext(
            "{n} organisation in the directory.", "{n} organisations in the directory.", len(orgs)
        )
    lines = [bold(head)]
    for org in orgs:
        lines += ["", bold(org.name), *field_lines(t, knowledge, org)]
    lines += ["", esc(t.gettext("Search with /directory followed by a word."))]
    export = Button(t.pgettext("button", "Export as CSV"), Export("csv").data())
    return Reply("\n".join(lines), ((export,),))
