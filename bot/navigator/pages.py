"""The pages of 'Which programs fit us?': one question at a time, then the result."""

from __future__ import annotations

from collections.abc import Callable

from bot.browse import View
from bot.browse.entry import fill, label
from bot.core.reply import Button, Reply, bold, esc
from bot.home import Menu
from bot.home.pages import back_to_menu
from bot.i18n import Translator
from bot.knowledge import Knowledge, Rule
from bot.navigator import Fit
from bot.navigator.service import ORDER, UNKNOWN, Verdict, answers_for

YES_NO = {"yes": "Yes", "no": "No"}


def _question_text(t: Translator, question: str) -> str:
    texts: dict[str, Callable[[], str]] = {
        "legal_form": lambda: t.gettext("What is your organisation?"),
        "seat": lambda: t.gettext("Is its seat in Wiesbaden?"),
        "nonprofit": lambda: t.gettext("Is it recognised as non-profit (gemeinnützig)?"),
        "paid_staff": lambda: t.gettext("Does it already have paid staff?"),
        "own_rooms": lambda: t.gettext("Does it have its own rooms?"),
        "topic": lambda: t.gettext("What is the project about?"),
        "amount": lambda: t.gettext("Roughly how much money do you need?"),
        "project": lambda: t.gettext("Is it a new project or a running activity?"),
    }
    return texts[question]()


def _answer_label(t: Translator, knowledge: Knowledge, question: str, answer: str) -> str:
    if answer == UNKNOWN:
        return t.pgettext("button", "Don't know")
    if question == "topic":
        return knowledge.topics[answer].get(t.locale, answer)
    labels: dict[str, Callable[[], str]] = {
        "yes": lambda: t.pgettext("button", "Yes"),
        "no": lambda: t.pgettext("button", "No"),
        "ev": lambda: t.pgettext("button", "Registered association (e.V.)"),
        "initiative": lambda: t.pgettext("button", "Initiative, not registered"),
        "other": lambda: t.pgettext("button", "Something else"),
        "small": lambda: t.pgettext("button", "Up to {amount}", amount=t.money(1000)),
        "medium": lambda: t.pgettext("button", "Up to {amount}", amount=t.money(2500)),
        "large": lambda: t.pgettext("button", "Up to {amount}", amount=t.money(10000)),
        "xl": lambda: t.pgettext("button", "More than {amount}", amount=t.money(10000)),
        "new": lambda: t.pgettext("button", "A new project"),
        "running": lambda: t.pgettext("button", "A running activity"),
    }
    return labels[answer]()


def question_page(t: Translator, knowledge: Knowledge, index: int) -> Reply:
    question = ORDER[index]
    head = t.gettext("Question {number} of {total}", number=index + 1, total=len(ORDER))
    text = "\n".join([esc(head), "", bold(_question_text(t, question))])
    answers = [
        Button(_answer_label(t, knowledge, question, a), Fit(a).data())
        for a in answers_for(question, knowledge)
    ]
    per_row = 2 if question in ("topic", "amount") else 1
    rows = tuple(tuple(answers[i : i + per_row]) for i in range(0, len(answers), per_row))
    controls = (
        Button(t.pgettext("button", "Back"), Fit("back").data()),
        Button(t.pgettext("button", "Cancel"), Fit("cancel").data()),
    )
    return Reply(text, (*rows, controls))


def _reason(rule: Rule, verdict: Verdict, t: Translator) -> str:
    return fill(rule.reason.get(t.locale) or rule.reason["de"], verdict.program, t)


def result_page(t: Translator, knowledge: Knowledge, verdicts: list[Verdict]) -> Reply:
    fitting = [v for v in verdicts if not v.ruled_out]
    lines = [bold(t.gettext("Programs that may fit you"))]
    for v in fitting:
        lines += ["", bold(label(v.program, t))]
        lines += [f"✓ {esc(_reason(r, v, t))}" for r in v.fits]
        lines += [f"• {esc(_reason(r, v, t))}" for r in v.notes]
        for r in v.to_check:
            check = t.gettext("Please check: {reason}", reason=_reason(r, v, t))
            lines.append(f"? {esc(check)}")
        if v.no_rules:
            no_rules = t.gettext("The sources name no conditions for this program.")
            lines.append(f"• {esc(no_rules)}")
        lines.append(f"→ {esc(_next_step(v, t, knowledge))}")
    ruled_out = [v for v in verdicts if v.ruled_out]
    if ruled_out:
        lines += ["", bold(t.gettext("Ruled out"))]
        for v in ruled_out:
            reasons = "; ".join(_reason(r, v, t) for r in v.excluded)
            lines.append(f"✗ {esc(label(v.program, t))}: {esc(reasons)}")
    buttons = tuple((Button(label(v.program, t), View(v.program.id).data()),) for v in fitting)
    again = Button(t.pgettext("button", "Start again"), Menu("fit").data())
    return Reply("\n".join(lines), (*buttons, (again, back_to_menu(t))))


def _next_step(v: Verdict, t: Translator, knowledge: Knowledge) -> str:
    applying = knowledge.applying.get(v.program.id)
    helpers = [
        knowledge.entries[o]
        for o in (applying.help_from if applying else ())
        if o in knowledge.entries
    ]
    if helpers:
        names = "; ".join(t.bidi(h.name) for h in helpers)
        return t.gettext("Help with applying: {offices}", offices=names)
    return t.gettext("Ask the coordination office how to apply.")


def timed_out(t: Translator) -> Reply:
    text = esc(
        t.gettext(
            "The check has ended because there was no answer for a while. "
            "You can start it again at any time."
        )
    )
    return Reply(
        text,
        ((Button(t.pgettext("button", "Start again"), Menu("fit").data()),), (back_to_menu(t),)),
    )


def cancelled(t: Translator) -> Reply:
    return Reply(esc(t.gettext("The check is cancelled.")), ((back_to_menu(t),),))
