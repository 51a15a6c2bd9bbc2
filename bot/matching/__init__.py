"""Matching: rank knowledge entries for a free-text question (pure, no I/O).

matcher.py      Matcher: typo, stem and compound tolerant word evidence, the confidence rule
                (MatchResult)
scoring.py      an entry's score: coverage, evidence, phrase and name coverage, kind, facet
normalize.py    per-script normalisation (NFKC, case, marks, Turkish i, Arabic/Persian letters)
documents.py    what the matcher sees of an entry (triggers, names, prose)
vocabulary.py, phrases.py   the words and trigger phrases of the knowledge base
frames.py       question frames ("wo bekommen wir", "how can we"): not evidence
facets.py       deadline / amount / eligibility / contact questions
focus.py        the asking part of a long story (its question, or the need before it)
scope.py        words that mark a question as off-topic (a person's own benefits doubly)
compare.py      words that ask for a difference (the glossary explains pairs)
money.py        words that ask for money (the program that pays, not the office beside it)
synonyms.py     two words for one thing, and forms no shared beginning reaches
translit.py     Russian typed in Latin letters
language.py     the language a message is clearly in (script first, then lingua)
"""

from bot.matching.matcher import Match, Matcher, MatchResult

__all__ = ["Match", "MatchResult", "Matcher"]
