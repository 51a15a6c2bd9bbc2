"""What a quick fix says: which fact to change, the current value, the check, what was saved."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.core.reply import Button, Reply, bold, esc, italic
from bot.i18n import NC_, Text, Translator
from bot.knowledge import Entry, Knowledge, placeholders
from bot.upkeep import CANCEL, SAVE, FixField, FixYear
from bot.upkeep.service import Draft, Field, Problem, Saved

FIELD_NAMES: dict[str, Text] = {
    "title": NC_("field", "title"),
    "summary": NC_("field", "summary"),
    "who": NC_("field", "who"),
    "when": NC_("field", "when"),
    "next_step": NC_("field", "next step"),
}


def _title(entry: Entry, t: Translator) -> str:
    return entry.text(t.locale).title


def _value(t: Translator, entry: Entry, field: Field, value: object = None) -> str:
    """A field's value as the coordinator reads it (the current one without `value`)."""
    if value is None:
        value = fact(entry, field)
    if isinstance(value, int | float) and field.kind == "amount":
        return t.money(float(value))
    if isinstance(value, date):
        return t.date(value)
    return str(value)


def fact(entry: Entry, field: Field) -> float | date | str:
    """The current value of a field in the live knowledge."""
    if field.kind == "amount":
        return entry.amounts[field.key].eur
    if field.kind == "date":
        return entry.dates[field.key]
    return str(getattr(entry.texts["de"], field.key) or "")


def _what(t: Translator, field: Field) -> str:
    if field.kind == "amount":
        return t.gettext("the amount {key}", key=field.key)
    if field.kind == "date":
        return t.gettext("the date {key}", key=field.key)
    return t.gettext("the German text ({field})", field=t.text(FIELD_NAMES[field.key]))


def _label(t: Translator, entry: Entry, field: Field) -> str:
    if field.kind == "text":
        return t.pgettext("button", "German text: {field}", field=t.text(FIELD_NAMES[field.key]))
    year = entry.amounts[field.key].year if field.kind == "amount" else None
    shown = _value(t, entry, field) + (f" ({year})" if year else "")
    return f"{'💶' if field.kind == 'amount' else '📅'} {field.key}: {shown}"


def _cancel(t: Translator) -> Button:
    return Button(t.pgettext("button", "Cancel"), CANCEL.data())


def fix_menu(t: Translator, entry: Entry, fields: Sequence[Field]) -> Reply:
    """Which fact of the entry to change."""
    head = t.gettext("Correct a fact: {title}", title=_title(entry, t))
    text = t.gettext(
        "Choose what to change. A new amount or date is used at once in all nine languages. "
        "Every change is stored with your name and written as a patch for knowledge/."
    )
    buttons = [(Button(_label(t, entry, f), FixField(entry.id, f.token).data()),) for f in fields]
    return Reply(f"{bold(head)}\n\n{esc(text)}", (*buttons, (_cancel(t),)))


def prompt(t: Translator, entry: Entry, draft: Draft, also: Sequence[Entry]) -> Reply:
    """Ask for the new value, showing the current one."""
    field = draft.field
    lines = [bold(t.gettext("Correct a fact: {title}", title=_title(entry, t))), ""]
    if field.kind == "amount":
        now = t.gettext(
            "The amount {key} is now {amount}.", key=field.key, amount=_value(t, entry, field)
        )
        year = entry.amounts[field.key].year
        if year is not None:
            now += " " + t.gettext(
                "It is set anew every year; this one holds for {year}.", year=year
            )
        lines += [esc(now), esc(t.gettext("Type the new amount in whole euros, for example 250."))]
        if also:
            names = "; ".join(_title(e, t) for e in also)
            lines.append(esc(t.gettext("It also changes in: {entries}.", entries=names)))
    elif field.kind == "date":
        now = t.gettext(
            "The date {key} is now {date}.", key=field.key, date=_value(t, entry, field)
        )
        ask = t.gettext("Type the new date, for example 31.03.2027 or 2027-03-31.")
        lines += [esc(now), esc(ask)]
    else:
        current = t.gettext(
            "The German text ({field}) is now:", field=t.text(FIELD_NAMES[field.key])
        )
        lines += [esc(current), f"<code>{esc(_value(t, entry, field))}</code>", ""]
        names = sorted(placeholders(getattr(entry.texts["de"], field.key) or ""))
        rules = (
            t.gettext(
                "Send the new German text: plain text, at most 1,500 characters; keep the "
                "placeholders {names} exactly as they are.",
                names=", ".join(f"{{{n}}}" for n in names),
            )
            if names
            else t.gettext("Send the new German text: plain text, at most 1,500 characters.")
        )
        lines += [esc(rules), esc(_stale_note(t))]
    return Reply("\n".join(lines), ((_cancel(t),),))


def _stale_note(t: Translator) -> str:
    return t.gettext(
        "The translations into the other eight languages are then marked as out of date "
        "until they are updated."
    )


def year_prompt(t: Translator, entry: Entry, draft: Draft, years: Sequence[int]) -> Reply:
    """A yearly amount: which year the new amount holds for."""
    ask = t.gettext(
        "For which year does the new amount of {amount} hold?",
        amount=_value(t, entry, draft.field, draft.value),
    )
    buttons = tuple(Button(str(y), FixYear(y).data()) for y in years)
    return Reply(esc(ask), (buttons, (_cancel(t),)))


def confirm(t: Translator, entry: Entry, draft: Draft, also: Sequence[Entry]) -> Reply:
    """The fix as it will be saved: old and new, what else changes."""
    field, title = draft.field, _title(entry, t)
    if field.kind == "text":
        head = t.gettext(
            "Replace the German text ({field}) of “{title}” with:",
            field=t.text(FIELD_NAMES[field.key]),
            title=title,
        )
        lines = [esc(head), "", esc(str(draft.value)), "", italic(_stale_note(t))]
    else:
        new = _value(t, entry, field, draft.value)
        old = _value(t, entry, field)
        if draft.year is not None:
            old += f" ({entry.amounts[field.key].year})"
            new += f" ({draft.year})"
        change = t.gettext(
            "Change {what} of “{title}” from {old} to {new}?",
            what=_what(t, field),
            title=title,
            old=old,
            new=new,
        )
        lines = [esc(change)]
        if also:
            names = "; ".join(_title(e, t) for e in also)
            lines.append(esc(t.gettext("It also changes in: {entries}.", entries=names)))
    save = Button(t.pgettext("button", "Save"), SAVE.data())
    return Reply("\n".join(lines), ((save, _cancel(t)),))


def saved(t: Translator, knowledge: Knowledge, done: Saved) -> Reply:
    """What was saved, where the patch is, what is out of date now."""
    o = done.override
    entry = knowledge.entries[o.entry_id]
    kind, _, key = o.field.partition(".")
    if kind == "text":
        field = t.text(FIELD_NAMES[key.partition(".")[2]])
        text = t.gettext(
            "Saved and in use: the German text ({field}) of “{title}”.",
            field=field,
            title=_title(entry, t),
        )
    else:
        shown = (
            t.money(float(o.value))
            if isinstance(o.value, int)
            else t.date(o.value)
            if isinstance(o.value, date)
            else str(o.value)
        )
        what = (
            t.gettext("the amount {key}", key=key)
            if kind == "amounts"
            else t.gettext("the date {key}", key=key)
        )
        shown += f" ({o.year})" if o.year is not None else ""
        text = t.gettext(
            "Saved and in use: {what} of “{title}” is now {new}.",
            what=what,
            title=_title(entry, t),
            new=shown,
        )
    lines = [esc(text)]
    if done.also:
        names = "; ".join(_title(knowledge.entries[e], t) for e in done.also)
        lines.append(esc(t.gettext("Also changed: {entries}.", entries=names)))
    if done.stale:
        lines.append(
            esc(
                t.ngettext(
                    "{n} translation of this entry is now out of date.",
                    "{n} translations of this entry are now out of date.",
                    done.stale,
                )
            )
        )
    if done.patch is not None:
        lines.append(esc(t.gettext("Patch for knowledge/: {file}", file=str(done.patch))))
    else:
        lines.append(
            esc(
                t.gettext(
                    "The patch file could not be written (see the log); the change is stored "
                    "and in use."
                )
            )
        )
    return Reply("\n".join(lines))


def problem(
    t: Translator, found: Problem, entry: Entry | None = None, draft: Draft | None = None
) -> Reply:
    """Why the typed value cannot be saved; the step stays open."""
    names = ""
    if entry is not None and draft is not None and draft.field.kind == "text":
        german = getattr(entry.texts["de"], draft.field.key) or ""
        names = ", ".join(f"{{{n}}}" for n in sorted(placeholders(german)))
    messages = {
        "amount": lambda: t.gettext(
            "Please type a whole number of euros from 1 to 1,000,000, for example 250."
        ),
        "date": lambda: t.gettext(
            "Please type a date within ten years of today, for example 31.03.2027."
        ),
        "year": lambda: t.gettext("Please choose the year the amount holds for."),
        "text_amount": lambda: t.gettext(
            "Amounts are not written into the text: change the amount itself, the text shows "
            "it through its placeholder."
        ),
        "text_markup": lambda: t.gettext("Please send plain text, without HTML or Markdown."),
        "text_placeholders": lambda: t.gettext(
            "Please keep the placeholders {names} exactly as they are and use no other curly "
            "braces.",
            names=names or "–",
        ),
        "text_length": lambda: t.gettext("Please send a text of 1 to 1,500 characters."),
    }
    build = messages.get(found.code)
    text = build() if build else t.gettext("This cannot be saved: {reason}", reason=found.detail)
    return Reply(esc(text))


def cancelled(t: Translator) -> Reply:
    return Reply(esc(t.gettext("Nothing was changed.")))
