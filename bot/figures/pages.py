"""What /stats and /gaps say to a coordinator (aggregates only; no ids, no pseudonyms)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime

from bot.core.callbacks import parse_day
from bot.core.reply import Reply, bold, esc
from bot.directory.service import label
from bot.figures.service import Figures, Period
from bot.i18n import Translator
from bot.knowledge import Knowledge, count_stale_translations, stale_translations

TOP = 10
GAPS_LIMIT = 30


def parse_period(args: Sequence[str], today: date) -> Period | None:
    """No arguments: the last twelve months; or FROM TO as YYYY-MM-DD; None if malformed."""
    if not args:
        return Period.last_year(today)
    if len(args) != 2:
        return None
    first, last = parse_day(args[0]), parse_day(args[1])
    if first is None or last is None:
        return None
    return Period(first, last) if first <= last else None


def usage(t: Translator) -> Reply:
    return Reply(esc(t.gettext("Use /stats, or /stats 2026-01-01 2026-12-31 for a period.")))


def summary(figures: Figures, t: Translator, knowledge: Knowledge) -> Reply:
    def name(entry_id: str) -> str:
        entry = knowledge.entries.get(entry_id)
        return entry.text(t.locale).title if entry else entry_id

    def listing(title: str, counts: Mapping[str, int]) -> str:
        rows = [f"• {esc(name(k))}: {t.number(v)}" for k, v in list(counts.items())[:TOP]]
        return "\n".join([bold(title), *rows]) if rows else ""

    share = t.gettext("{share} %", share=t.number(round(figures.answered_share * 100, 1)))
    parts = [
        bold(
            t.gettext(
                "Figures from {start} to {end}",
                start=t.date(date.fromisoformat(figures.period_from)),
                end=t.date(date.fromisoformat(figures.period_to)),
            )
        ),
        esc(t.gettext("Contacts (people): {n}", n=t.number(figures.contacts))),
        esc(t.gettext("Questions: {n}", n=t.number(figures.questions))),
        esc(
            t.gettext(
                "Answered by the bot: {n} ({share}) · passed to the office: {handed} · "
                "unanswered: {open}",
                n=t.number(figures.answered),
                share=share,
                handed=t.number(figures.handed_off),
                open=t.number(figures.unanswered),
            )
        ),
        esc(
            t.gettext(
                "Referred to a city office or body: {share} of the questions ({n})",
                share=t.gettext(
                    "{share} %", share=t.number(round(figures.referral_rate_city * 100, 1))
                ),
                n=t.number(figures.referrals_city_questions),
            )
        ),
        listing(t.gettext("Referrals to offices"), figures.referrals_by_office),
        listing(t.gettext("Referrals to programs"), figures.referrals_by_program),
        _followups(figures, t, name),
        *_indicators(figures, t, knowledge),
        listing(t.gettext("Questions by language"), figures.languages),
        listing(t.gettext("Subscriptions to dates"), figures.subscriptions),
        esc(
            t.gettext(
                "Broadcasts: {n}, messages delivered: {sent}",
                n=t.number(figures.broadcasts.get("broadcasts", 0)),
                sent=t.number(figures.broadcasts.get("sent", 0)),
            )
        ),
    ]
    if figures.slowed_down:
        parts.append(
            esc(
                t.gettext(
                    "Members asked to slow down (too many messages): {n}",
                    n=t.number(figures.slowed_down),
                )
            )
        )
    if figures.registrations is not None:
        parts.append(
            esc(t.gettext("New directory registrations: {n}", n=t.number(figures.registrations)))
        )
    return Reply("\n\n".join(p for p in parts if p))


def _indicators(figures: Figures, t: Translator, knowledge: Knowledge) -> list[str]:
    """Trainings, introductions and formats (issue 16, seed 002 §3.3)."""
    trainings = t.gettext(
        "Trainings held: {offers}, seats booked: {booked}, took part: {took_part}, "
        "left on the waiting list: {waiting}",
        offers=t.number(figures.qualification_offers),
        booked=t.number(figures.qualification_registrations),
        took_part=t.number(figures.qualification_participants),
        waiting=t.number(figures.qualification_waitlisted),
    )
    introductions = t.gettext(
        "Introductions proposed: {proposed}, both agreed: {accepted}, declined: {declined}, "
        "new cooperations: {cooperations}",
        proposed=t.number(figures.introductions_proposed),
        accepted=t.number(figures.introductions_accepted),
        declined=t.number(figures.introductions_declined),
        cooperations=t.number(figures.new_cooperations),
    )
    formats = [
        f"• {esc(label(t, knowledge, 'formats', key))}: {esc(_cell(t, n))}"
        for key, n in figures.formats_offered.items()
    ]
    head = t.gettext(
        "What the {n} organisations in the directory offer",
        n=t.number(figures.directory_organisations),
    )
    return [esc(trainings), esc(introductions), "\n".join([bold(head), *formats])]


def _cell(t: Translator, value: int | str) -> str:
    """A count, or "< 3" where a small count could identify an organisation."""
    return t.number(value) if isinstance(value, int) else value


def _followups(figures: Figures, t: Translator, name: Callable[[str], str]) -> str:
    rows = []
    for entry_id, f in list(figures.followup_success_by_office.items())[:TOP]:
        line = t.gettext(
            "{name}: asked {asked}, answered {answered}, contacted {contacted}, helped {helped}",
            name=name(entry_id),
            asked=t.number(f["asked"]),
            answered=t.number(f["answered"]),
            contacted=t.number(f["contacted"]),
            helped=t.number(f["helped"]),
        )
        rows.append(f"• {esc(line)}")
    return "\n".join([bold(t.gettext("Follow-ups")), *rows]) if rows else ""


def gaps(rows: Sequence[Mapping[str, object]], t: Translator) -> Reply:
    """The knowledge gaps: questions the bot could not answer, newest first, texts only."""
    if not rows:
        return Reply(esc(t.gettext("No unanswered questions are stored at the moment.")))
    lines = [bold(t.gettext("Questions the bot could not answer (newest first):"))]
    for row in rows:
        asked = datetime.fromisoformat(str(row["asked_at"]))
        head = [t.date(asked.date()), str(row["locale"])]
        if row["class"] == "handed_off":
            head.append(t.gettext("passed to the office"))
        lines.append(f"{esc(' · '.join(head))}\n{esc(str(row['text']))}")
    return Reply("\n\n".join(lines))


def stale_translations_page(t: Translator, knowledge: Knowledge) -> Reply | None:
    """/gaps, after the questions: translations made from an older German text (issue 15);
    None when all are current."""
    count = count_stale_translations(knowledge)
    if not count:
        return None
    by_entry: dict[str, list[str]] = {}
    for item in stale_translations(knowledge):
        by_entry.setdefault(item.entry_id, []).append(item.lang + ("*" if item.minor else ""))
    head = t.ngettext(
        "{n} translation is out of date (its German text changed since):",
        "{n} translations are out of date (their German text changed since):",
        count,
    )
    lines = [bold(head)]
    for entry_id, langs in by_entry.items():
        title = knowledge.entries[entry_id].text(t.locale).title
        lines.append(f"• {esc(title)} ({esc(entry_id)}): {esc(', '.join(langs))}")
    if any(lang.endswith("*") for langs in by_entry.values() for lang in langs):
        lines.append(
            esc(t.gettext("* a minor edit of the German text: no new translation needed."))
        )
    lines.append(
        esc(
            t.gettext(
                "Have them updated in knowledge/, then run python -m bot check --stamp ENTRY."
            )
        )
    )
    return Reply("\n".join(lines))
