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

__all__ = [
    "AS_OF_RE",
    "ID_RE",
    "KINDS",
    "QUESTIONS",
    "Amount",
    "Applying",
    "Citation",
    "Contact",
    "Entry",
    "EntryText",
    "Knowledge",
    "KnowledgeError",
    "Problem",
    "Rule",
    "Source",
    "check_knowledge",
    "load_knowledge",
    "placeholders",
]
