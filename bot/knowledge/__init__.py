"""The knowledge base in `knowledge/`: its model, and loading with validation."""

from bot.knowledge.applying import QUESTIONS
from bot.knowledge.model import (
    AS_OF_RE,
    ID_RE,
    KINDS,
    Amount,
    Applying,
    Citation,
    Contact,
    Entry,
    EntryText,
    Knowledge,
    KnowledgeError,
    Problem,
    Rule,
    Source,
    placeholders,
)
from bot.knowledge.reader import check_knowledge, load_knowledge
from bot.knowledge.review import Due, due_for_review, review_date
from bot.knowledge.stale import StaleTranslation, count_stale_translations, stale_translations

__all__ = [
    "AS_OF_RE",
    "ID_RE",
    "KINDS",
    "QUESTIONS",
    "Amount",
    "Applying",
    "Citation",
    "Contact",
    "Due",
    "Entry",
    "EntryText",
    "Knowledge",
    "KnowledgeError",
    "Problem",
    "Rule",
    "Source",
    "StaleTranslation",
    "check_knowledge",
    "count_stale_translations",
    "due_for_review",
    "load_knowledge",
    "placeholders",
    "review_date",
    "stale_translations",
]
