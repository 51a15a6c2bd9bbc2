"""What the survey says: its questions, the invitation, the results (no I/O)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.core.reply import Button, Reply, bold, esc
from bot.i18n import Translator
from bot.survey import LAUNCH, QUESTIONS, RESULTS, SCALE, TEXT_QUESTION, SurveyAnswer

if TYPE_CHECKING:
    from bot.survey.service import SurveySummary


def question_text(t: Translator, question: str) -> str:
    return {
        "advice": t.gettext(
            "How satisfied are you with the advice of the coordination office? "
            "(1 = not at all, 5 = very)"
        ),
        "information": t.gettext(
            "How useful is the information on funding programs and offices to you? "
            "(1 = not at all, 5 = very)"
        ),
        "networks": t.gettext(
            "How well does the exchange with other organisations and networks work for you? "
            "(1 = not at all, 5 = very well)"
        ),
        "better": t.gettext(
            "What should the coordination office do better? Please write a short message, or skip."
        ),
    }[question]


def question_page(t: Translator, survey_id: int, index: int) -> Reply:
    """Question `index` of survey `survey_id`: scale buttons, or a prompt with Skip."""
    question = QUESTIONS[index]
    head = bold(
        t.gettext("Survey: question {number} of {total}", number=index + 1, total=len(QUESTIONS))
    )
    text = head + "\n" + esc(question_text(t, question))
    if question == TEXT_QUESTION:
        skip = Button(t.pgettext("button", "Skip"), SurveyAnswer(survey_id, index, "skip").data())
        return Reply(text, ((skip,),))
    scale = tuple(Button(str(v), SurveyAnswer(survey_id, index, str(v)).data()) for v in SCALE)
    return Reply(text, (scale,))


def invitation(t: Translator, survey_id: int) -> Reply:
    intro = esc(
        t.gettext(
            "The coordination office for migrant organisations asks you, as the contact of a "
            "registered organisation, for a short opinion: {n} questions. Your answers are "
            "stored without your name or Telegram id.",
            n=len(QUESTIONS),
        )
    )
    first = question_page(t, survey_id, 0)
    return Reply(intro + "\n\n" + first.text, first.buttons)


def thanks(t: Translator) -> Reply:
    return Reply(esc(t.gettext("Thank you for your answers!")))


def results_page(t: Translator, s: SurveySummary) -> Reply:
    if s.survey_id is None:
        return Reply(esc(t.gettext("No survey has been started yet. Start one with /survey.")))
    lines = [
        bold(t.gettext("Survey no. {number}", number=s.survey_id)),
        esc(
            t.gettext(
                "{answered} of {invited} organisations answered completely.",
                answered=s.answered,
                invited=s.invited,
            )
        ),
    ]
    for q in s.scales:
        counts = " · ".join(f"{v}: {q.counts[v]}" for v in SCALE)
        average = t.number(q.average) if q.average is not None else "–"
        lines += ["", esc(question_text(t, q.question)), esc(counts)]
        lines.append(esc(t.gettext("Average: {average}", average=average)))
    lines += ["", bold(t.gettext("Suggestions"))]
    lines += [esc("– " + x) for x in s.texts] or ["–"]
    return Reply("\n".join(lines))


def start_page(t: Translator, organisations: int) -> Reply:
    text = t.ngettext(
        "Start a satisfaction survey among the {n} registered organisation? Each contact is "
        "asked once.",
        "Start a satisfaction survey among the {n} registered organisations? Each contact is "
        "asked once.",
        organisations,
    )
    buttons = [(Button(t.pgettext("button", "See the results"), RESULTS.data()),)]
    if organisations:
        buttons.insert(0, (Button(t.pgettext("button", "Start the survey"), LAUNCH.data()),))
    return Reply(esc(text), tuple(buttons))
