"""Survey: the satisfaction survey among the directory's organisations (seed 002 §3.3)."""

from bot.core.callbacks import CallbackData


class SurveyAnswer(CallbackData, prefix="sv"):
    """A scale answer (1–5) or "skip" to question no. … of survey no. …."""

    survey: int
    question: int
    value: str


class SurveyDesk(CallbackData, prefix="sq"):
    """The coordinators' buttons: "res" (results) and "go" (start the survey)."""

    action: str


RESULTS, LAUNCH = SurveyDesk("res"), SurveyDesk("go")
TEXT = 0  # the conversation's one typed step: the suggestion

SCALE = (1, 2, 3, 4, 5)
# Stable ids (stored with the answers); the last one is the free-text question.
QUESTIONS = ("advice", "information", "networks", "better")
TEXT_QUESTION = "better"
MAX_TEXT = 2000
