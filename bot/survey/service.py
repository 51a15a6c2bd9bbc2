"""The satisfaction survey among registered MOs: questions, answers, the results summary.

Answers are stored under a keyed pseudonym of the respondent (Services.user_key), never the
Telegram id; who was asked is kept apart (survey_invites) so nobody is asked twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.core.reply import Button, Reply, bold, esc
from bot.db import Database
from bot.i18n import Translator

SCALE = (1, 2, 3, 4, 5)
# Stable ids (stored with the answers); the last one is the free-text question.
QUESTIONS = ("advice", "information", "networks", "better")
TEXT_QUESTION = "better"
MAX_TEXT = 2000


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
        skip = Button(t.pgettext("button", "Skip"), f"sv:{survey_id}:{index}:skip")
        return Reply(text, ((skip,),))
    scale = tuple(Button(str(v), f"sv:{survey_id}:{index}:{v}") for v in SCALE)
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


@dataclass(frozen=True)
class QuestionSummary:
    question: str
    counts: dict[int, int]  # scale value → how many chose it (every value present)
    answers: int
    average: float | None


@dataclass(frozen=True)
class SurveySummary:
    """The results of one survey, without who answered what."""

    survey_id: int | None
    invited: int = 0
    answered: int = 0
    scales: list[QuestionSummary] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


async def survey_summary(db: Database, survey_id: int | None = None) -> SurveySummary:
    """Counts per scale value, averages and free texts of a survey (default: the latest)."""
    survey_id = survey_id if survey_id is not None else await db.survey.latest_survey()
    if survey_id is None:
        return SurveySummary(None)
    invites = await db.survey.survey_invite_counts(survey_id)
    rows = await db.survey.survey_answers(survey_id)
    scales = []
    for question in QUESTIONS:
        if question == TEXT_QUESTION:
            continue
        values = [s for q, s, _ in rows if q == question and s is not None]
        counts = {v: values.count(v) for v in SCALE}
        average = round(sum(values) / len(values), 2) if values else None
        scales.append(QuestionSummary(question, counts, len(values), average))
    texts = [x for q, _, x in rows if q == TEXT_QUESTION and x]
    return SurveySummary(
        survey_id, sum(invites.values()), invites.get("answered", 0), scales, texts
    )


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
    buttons = [(Button(t.pgettext("button", "See the results"), "sq:res"),)]
    if organisations:
        buttons.insert(0, (Button(t.pgettext("button", "Start the survey"), "sq:go"),))
    return Reply(esc(text), tuple(buttons))
