"""What /broadcast says: the draft menu, audiences, previews, delivery reports (no I/O)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from bot.broadcast import (
    AUDIENCE_BUTTON,
    CANCEL,
    LATER,
    SEND_NOW,
    AudienceKind,
    DistrictMOs,
    LanguageToggle,
    Stop,
    Subscribers,
    TopicMOs,
    Version,
)
from bot.broadcast.service import STATUSES, STEP, Draft, preview_groups
from bot.core.reply import Button, Reply, bold, esc, rows
from bot.directory.service import label
from bot.i18n import Translator
from bot.i18n.languages import LANGUAGES, NATIVE_NAMES
from bot.knowledge import Knowledge
from bot.trainings.pages import sign_up_button


def draft_menu(t: Translator, draft: Draft) -> Reply:
    """After a text: which versions exist, add another language, or go on to the audience."""
    versions = [NATIVE_NAMES[x] for x in LANGUAGES if x in draft.texts]
    lines = [esc(t.gettext("The default version is saved."))]
    if versions:
        lines.append(esc(t.gettext("Versions: {languages}", languages=", ".join(versions))))
    lines.append(
        esc(
            t.gettext(
                "Recipients get the version in their language, else the default one. Add a "
                "version, or choose the audience."
            )
        )
    )
    buttons = [Button(NATIVE_NAMES[x], Version(x).data()) for x in LANGUAGES]
    return Reply(
        "\n".join(lines),
        (
            *rows(buttons, 3),
            (Button(t.pgettext("button", "Choose the audience"), AUDIENCE_BUTTON.data()),),
            (cancel_button(t),),
        ),
    )


def cancel_button(t: Translator) -> Button:
    return Button(t.pgettext("button", "Cancel"), CANCEL.data())


def audience_menu(t: Translator, with_subscriptions: Sequence[tuple[str, str]]) -> Reply:
    buttons = [
        (Button(t.pgettext("button", "Everyone"), AudienceKind("all").data()),),
        (Button(t.pgettext("button", "By language"), AudienceKind("lang").data()),),
    ]
    buttons += [
        (
            Button(
                t.pgettext("button", "Subscribers: {name}", name=name), Subscribers(target).data()
            ),
        )
        for target, name in with_subscriptions
    ]
    buttons += menu_buttons(t)
    return Reply(esc(t.gettext("Who should get it?")), (*buttons, (cancel_button(t),)))


def language_picker(t: Translator, picked: Sequence[str]) -> Reply:
    buttons = [
        Button(("✓ " if x in picked else "") + NATIVE_NAMES[x], LanguageToggle(x).data())
        for x in LANGUAGES
    ]
    done = Button(t.pgettext("button", "Done"), LanguageToggle("ok").data())
    return Reply(
        esc(t.gettext("Tick the languages whose speakers should get it.")),
        (*rows(buttons, 3), (done,), (cancel_button(t),)),
    )


def preview(t: Translator, draft: Draft, people: Sequence[tuple[int, str]]) -> list[Reply]:
    """Per language group: a header, then the message exactly as they will get it."""
    out: list[Reply] = []
    for version, langs, n in preview_groups(draft.texts, people):
        names = ", ".join(NATIVE_NAMES.get(x, x) for x in langs)
        head = t.ngettext(
            "Preview for {languages} ({n} recipient):",
            "Preview for {languages} ({n} recipients):",
            n,
            languages=names,
        )
        signup = ((sign_up_button(t, draft.training),),) if draft.training else ()
        out += [Reply(bold(head)), Reply(draft.texts[version], signup)]
    total = len(people)
    out.append(
        Reply(
            esc(t.ngettext("Send it to {n} recipient?", "Send it to {n} recipients?", total)),
            (
                (Button(t.pgettext("button", "Send now"), SEND_NOW.data()),),
                (Button(t.pgettext("button", "Send later"), LATER.data()),),
                (cancel_button(t),),
            ),
        )
    )
    return out


def report(t: Translator, number: int, counts: dict[str, dict[str, int]], state: str) -> Reply:
    """Progress or final report: sent, blocked, failed, still pending, per language."""
    heads = {
        "sending": t.gettext("Broadcast no. {number} is being sent.", number=number),
        "scheduled": t.gettext("Broadcast no. {number} is scheduled.", number=number),
        "done": t.gettext("Broadcast no. {number} is finished.", number=number),
        "cancelled": t.gettext("Broadcast no. {number} was cancelled.", number=number),
    }
    total: Counter[str] = Counter()
    lines = [bold(heads.get(state, heads["sending"]))]
    for lang in sorted(counts, key=lambda x: LANGUAGES.index(x) if x in LANGUAGES else 99):
        c = _merged(counts[lang])
        total.update(c)
        lines.append(esc(_line(t, NATIVE_NAMES.get(lang, lang), c)))
    lines.append(bold(_line(t, t.gettext("Total"), total)))
    buttons = ()
    if state in ("sending", "scheduled"):
        buttons = ((stop_button(t, number),),)
    return Reply("\n".join(lines), buttons)


def stop_button(t: Translator, number: int) -> Button:
    return Button(t.pgettext("button", "Cancel the broadcast"), Stop(number).data())


def _merged(c: dict[str, int]) -> Counter[str]:
    """In flight counts as pending; so does what a cancellation left unsent."""
    out: Counter[str] = Counter({k: c.get(k, 0) for k in STATUSES})
    out["pending"] += c.get("sending", 0) + c.get("cancelled", 0)
    return out


def _line(t: Translator, label: str, c: Counter[str]) -> str:
    return t.gettext(
        "{label}: {sent} sent · {blocked} blocked · {failed} failed · {pending} pending",
        label=label,
        **{k: t.number(c[k]) for k in STATUSES},
    )


def menu_buttons(t: Translator) -> list[tuple[Button, ...]]:
    """The two rows the audience menu adds (bc:a:topic, bc:a:district)."""
    return [
        (Button(t.pgettext("button", "MOs of a topic"), AudienceKind("topic").data()),),
        (Button(t.pgettext("button", "MOs of a district"), AudienceKind("district").data()),),
    ]


def picker(t: Translator, knowledge: Knowledge, kind: str, found: Sequence[str]) -> Reply:
    """The topics or districts the directory holds, to choose the MOs of one."""
    pick = TopicMOs if kind == "topic" else DistrictMOs
    buttons = [Button(label(t, knowledge, STEP[kind], x), pick(x).data()) for x in found]
    text = (
        t.gettext("Which topic? The contacts of the organisations working on it get it.")
        if kind == "topic"
        else t.gettext("Which district? The contacts of the organisations based there get it.")
    )
    if not found:
        text = t.gettext("No organisation is registered in the directory yet.")
    return Reply(esc(text), (*rows(buttons, 1), (cancel_button(t),)))
