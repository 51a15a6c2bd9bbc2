"""What the bot says about introductions: suggestions, proposals, answers, the contacts
passed on, the follow-up, and the coordinators' /introduce (no I/O)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.browse import View
from bot.cooperations import CooperationAnswer, IntroAnswer, Propose, ProposeShare
from bot.core.reply import Button, Reply, bold, esc, italic
from bot.db.cooperations import Introduction, Side
from bot.db.directory import Organisation
from bot.directory import VIEW, FindPartner
from bot.directory.service import label
from bot.i18n import Translator
from bot.knowledge import Entry, Knowledge


def _many(t: Translator, knowledge: Knowledge, step: str, values: Sequence[str]) -> str:
    return ", ".join(label(t, knowledge, step, v) for v in values)


def describe(t: Translator, knowledge: Knowledge, org: Organisation) -> str:
    """An organisation without its name: topics, district, legal form, languages."""
    return t.gettext(
        "works on {topics}; {district}; {form}; languages: {languages}",
        topics=_many(t, knowledge, "topics", org.topics),
        district=label(t, knowledge, "district", org.district),
        form=label(t, knowledge, "legal_form", org.legal_form),
        languages=_many(t, knowledge, "languages", org.languages),
    )


def topic_name(t: Translator, knowledge: Knowledge, topic: str | None) -> str:
    return label(t, knowledge, "topics", topic) if topic else ""


def suggestions(
    t: Translator, knowledge: Knowledge, found: Sequence[Organisation], same_district: bool
) -> Reply:
    """A member's suggestions, without names: pick one to ask for an introduction."""
    lines = [bold(t.gettext("Organisations that also want to network on your topics"))]
    if not found:
        lines.append(
            esc(
                t.gettext(
                    "No organisation fits at the moment. Ask again later: new organisations "
                    "register."
                )
            )
        )
    buttons: list[tuple[Button, ...]] = []
    for number, org in enumerate(found, 1):
        lines.append(esc(f"{number}. {describe(t, knowledge, org)}"))
        ask = t.pgettext("button", "Introduce us to no. {number}", number=number)
        buttons.append((Button(ask, Propose(org.id).data()),))
    lines.append(
        italic(
            t.gettext(
                "Names and contacts are passed on only when both sides agree, and only what "
                "each side chooses to share."
            )
        )
    )
    toggle = (
        Button(t.pgettext("button", "From every district"), FindPartner("any").data())
        if same_district
        else Button(t.pgettext("button", "Only in our district"), FindPartner("same").data())
    )
    buttons += [(toggle,), (Button(t.pgettext("button", "Back"), VIEW.data()),)]
    return Reply("\n".join(lines), tuple(buttons))


def not_networking(t: Translator) -> Reply:
    text = t.gettext(
        "Your entry says you do not want to network at the moment. Change it with Edit if you do."
    )
    return Reply(esc(text), ((Button(t.pgettext("button", "Back"), VIEW.data()),),))


def share_choice(t: Translator, org_id: int) -> Reply:
    """Before a member asks for an introduction: what may be passed on?"""
    text = t.gettext(
        "What may we pass on to the other organisation once it agrees? Your organisation's "
        "name is always passed on."
    )
    return Reply(
        esc(text),
        (
            (
                Button(
                    t.pgettext("button", "Our name and my Telegram contact"),
                    ProposeShare(org_id, "telegram").data(),
                ),
            ),
            (
                Button(
                    t.pgettext("button", "Only our organisation's name"),
                    ProposeShare(org_id, "name").data(),
                ),
            ),
            (Button(t.pgettext("button", "Back"), FindPartner("any").data()),),
        ),
    )


def requested(t: Translator) -> Reply:
    text = t.gettext("Done: I asked them. You will hear from me when they have answered.")
    return Reply(esc(text))


def proposal(
    t: Translator,
    knowledge: Knowledge,
    intro: Introduction,
    partner: Organisation | None,
    office: Entry | None,
) -> Reply:
    """The question to one side: would you like to be introduced?"""
    lines = [bold(t.gettext("An introduction"))]
    if office is not None:
        lines.append(
            esc(
                t.gettext(
                    "The coordination office suggests putting your organisation in touch with "
                    "{office}.",
                    office=t.bidi(office.text(t.locale).title),
                )
            )
        )
    else:
        who = (
            t.gettext("The coordination office suggests an introduction to an organisation:")
            if intro.proposed_by == "coordinator"
            else t.gettext("An organisation in the directory would like to get to know yours:")
        )
        lines.append(esc(who))
        if partner is not None:
            lines.append(esc(describe(t, knowledge, partner)))
    lines.append(
        esc(
            t.gettext(
                "If you agree, your organisation's name and what you choose below are passed "
                "on once both sides agreed; otherwise nothing is."
            )
        )
    )
    choices = (
        ("telegram", t.pgettext("button", "Yes, with my Telegram contact")),
        ("name", t.pgettext("button", "Yes, only our name")),
        ("no", t.pgettext("button", "No, thanks")),
    )
    buttons = tuple(
        (Button(text, IntroAnswer(intro.id, answer).data()),)  # type: ignore[arg-type]
        for answer, text in choices
    )
    return Reply("\n".join(lines), buttons)


def answered(t: Translator, outcome: str) -> Reply:
    texts = {
        "accepted": t.gettext(
            "Thank you! As soon as the other side agrees, you get its name and contact."
        ),
        "connected": t.gettext("Thank you! You both agreed: see the next message."),
        "declined": t.gettext("Noted. Nothing is passed on."),
    }
    return Reply(esc(texts[outcome]))


def _contact_line(t: Translator, side: Side | None) -> str:
    """What the other side chose to share (HTML)."""
    if side is None or side.share != "telegram" or side.user_id is None:
        return esc(t.gettext("They chose to share only their organisation's name."))
    handle = side.contact or ""
    if handle.startswith("@"):
        shown = esc(handle)
    else:  # no username: a mention link opens their profile
        shown = f'<a href="tg://user?id={side.user_id}">{esc(handle or "Telegram")}</a>'
    head = esc(t.gettext("Contact:"))
    return f"{head} {shown}"


def connected(
    t: Translator,
    knowledge: Knowledge,
    partner: Organisation | None,
    side: Side | None,
    office: Entry | None,
) -> Reply:
    """Both agreed: the other side's name and what it shared (or the office's page)."""
    lines = [bold(t.gettext("You are introduced!"))]
    if office is not None:
        lines.append(esc(t.bidi(office.text(t.locale).title)))
        lines.append(
            esc(
                t.gettext(
                    "The coordination office passes your answer on to them. Their page says "
                    "how to reach them."
                )
            )
        )
        page = Button(t.pgettext("button", "Open their page"), View(office.id).data())
        return Reply("\n".join(lines), ((page,),))
    if partner is not None:
        lines.append(bold(partner.name))
        lines.append(esc(describe(t, knowledge, partner)))
    else:
        lines.append(esc(t.gettext("(an organisation that has left the directory)")))
    lines.append(_contact_line(t, side))
    return Reply("\n".join(lines))


def declined_notice(t: Translator) -> Reply:
    text = t.gettext(
        "The other organisation does not take up the introduction at this time. Nothing was "
        "passed on."
    )
    return Reply(esc(text))


def outcome(
    t: Translator,
    intro: Introduction,
    result: str,
    org: Organisation | None = None,
    side: Side | None = None,
    office: Entry | None = None,
) -> Reply:
    """For the coordinator who proposed it: accepted by all, or declined."""
    if result == "declined":
        text = t.gettext("Introduction no. {number} was declined.", number=intro.id)
        return Reply(esc(text))
    lines = [esc(t.gettext("Introduction no. {number}: both sides agreed.", number=intro.id))]
    if office is not None and org is not None:
        lines.append(
            esc(
                t.gettext(
                    "Please pass on to {office}: {name}.",
                    office=t.bidi(office.text(t.locale).title),
                    name=org.name,
                )
            )
        )
        lines.append(_contact_line(t, side))
    return Reply("\n".join(lines))


def followup(
    t: Translator, intro: Introduction, partner: Organisation | None, office: Entry | None
) -> Reply:
    name = (
        t.bidi(office.text(t.locale).title)
        if office is not None
        else partner.name
        if partner is not None
        else t.gettext("(an organisation that has left the directory)")
    )
    text = t.gettext(
        "Some weeks ago we introduced you to {name}. Has a cooperation come of it?", name=name
    )
    return Reply(
        esc(text),
        (
            (
                Button(
                    t.pgettext("button", "Yes, we cooperate"),
                    CooperationAnswer(intro.id, "y").data(),
                ),
            ),
            (
                Button(
                    t.pgettext("button", "No, not yet"), CooperationAnswer(intro.id, "n").data()
                ),
            ),
        ),
    )


def thanks(t: Translator) -> Reply:
    return Reply(esc(t.gettext("Thank you! Your answer helps the city improve its advice.")))
