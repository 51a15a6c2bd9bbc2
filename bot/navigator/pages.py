"""The pages of 'Which programs fit us?': one question at a time, then the result."""

from __future__ import annotations

from collections.abc import Callable

from bot.browse import View
from bot.browse.brief import Block, fit
from bot.browse.entry import fill, label
from bot.core.reply import Button, Reply, bold, esc
from bot.home import Menu
from bot.home.pages import back_to_menu
from bot.i18n import Translator
from bot.knowledge import Knowledge, Rule
from bot.navigator import Fit, RuledOut
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


MAX_FITTING = 5


def _one_reason(v: Verdict, t: Translator) -> str:
    """The reason a program is listed: a fit, else a note, else what to check."""
    if v.fits:
        return f"✓ {_reason(v.fits[0], v, t)}"
    if v.notes:
        return f"• {_reason(v.notes[0], v, t)}"
    if v.to_check:
        return "? " + t.gettext("Please check: {reason}", reason=_reason(v.to_check[0], v, t))
    return "• " + t.gettext("The sources name no conditions for this program.")


def result_page(
    t: Translator, knowledge: Knowledge, verdicts: list[Verdict], answers: str
) -> Reply:
    """The programs that may fit first, at most five, one line each (name and the reason);
    the ruled-out ones behind a button (`answers`: the encoded answers, for that button)."""
    fitting = [v for v in verdicts if not v.ruled_out]
    head = [Block((t.gettext("Programs that may fit you"),), style="bold")]
    body = [
        Block((_one_reason(v, t),), t.bidi(v.program.text(t.locale).title) + ":")
        for v in fitting[:MAX_FITTING]
    ]
    if not fitting:
        body.append(Block((t.gettext("None of the programs fits your answers."),)))
    more = len(fitting) - MAX_FITTING
    if more > 0:
        others = t.ngettext(
            "{n} more program may fit: see all programs.",
            "{n} more programs may fit: see all programs.",
            more,
        )
        body.append(Block((others,)))
    text = fit(head, body).html()  # within the length of a first message, reasons cut if need be
    rows: list[tuple[Button, ...]] = [
        (Button(label(v.program, t), View(v.program.id).data()),) for v in fitting[:MAX_FITTING]
    ]
    ruled_out = len(verdicts) - len(fitting)
    if ruled_out:
        caption = t.ngettext("Ruled out: {n} program", "Ruled out: {n} programs", ruled_out)
        rows.append((Button(caption, RuledOut(answers).data()),))
    if more > 0:
        rows.append((Button(t.pgettext("button", "All programs"), Menu("programs").data()),))
    again = Button(t.pgettext("button", "Start again"), Menu("fit").data())
    rows.append((again, back_to_menu(t)))
    return Reply(text, tuple(rows))


def ruled_out_page(t: Translator, verdicts: list[Verdict]) -> Reply:
    """The programs the answers rule out, each with its reasons."""
    lines = [bold(t.gettext("Ruled out"))]
    for v in verdicts:
        if v.ruled_out:
            reasons = "; ".join(_reason(r, v, t) for r in v.excluded)
            title = t.bidi(v.program.text(t.locale).title)
            lines += ["", f"✗ {bold(title)}: {esc(reasons)}"]
    return Reply("\n".join(lines))


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
