"""The matcher's view of a knowledge entry: its triggers, names, prose, kind and facts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge import Entry
from bot.matching.facets import FACETS


@dataclass(frozen=True)
class Document:
    """One entry as the matcher sees it."""

    entry_id: str
    phrases: tuple[str, ...]  # triggers: full weight
    prose: tuple[str, ...] = ()  # summaries etc.: lower weight
    names: tuple[str, ...] = ()  # official name and titles: naming an entry means it
    kind: str = ""  # program, office, …: questions word themselves differently for each
    facets: frozenset[str] = frozenset()  # the facts it states: deadline, amount, eligibility
    offices: tuple[str, ...] = ()  # the offices it refers to (a program: who administers it)


_QUOTED = re.compile(r"[„“\"«]([^“”\"»]{3,})[“”\"»]")
_BRACKETS = re.compile(r"\(([^)]*)\)|[–—](.*)$")


def document_for(entry: Entry) -> Document:
    """The matcher's view of a knowledge entry: triggers, titles and name; prose lower."""
    # a title's brackets explain ("Kulturamt (… „Integration durch Kultur")"): not its name,
    # but their first part is often the name in the reader's language ("volunteer centre")
    titles = [_BRACKETS.sub(" ", text.title) for text in entry.texts.values()]
    # a quoted name inside the official one is the name people use: „Integration durch Kultur“
    # (in a title only outside its explaining brackets: the Kulturamt is not the program)
    quoted = [q for t in (entry.name, *titles) for q in _QUOTED.findall(t)]
    translated = [
        re.split(r"[:,;]", "".join(part))[0]
        for text in entry.texts.values()
        for part in _BRACKETS.findall(text.title)
    ]
    # a glossary title's second part is the word in the reader's language: a name of it
    names = [entry.name, *titles, *quoted, *(translated if entry.kind == "glossary" else ())]
    phrases: list[str] = [] if entry.kind == "glossary" else translated
    prose: list[str] = []
    for text in entry.texts.values():
        phrases.extend(text.triggers)
        prose.extend(p for p in (text.summary, text.who) if p)
    return Document(
        entry.id,
        tuple(phrases),
        tuple(prose),
        tuple(names),
        entry.kind,
        _facets_of(entry),
        entry.offices,
    )


def _facets_of(entry: Entry) -> frozenset[str]:
    """The facts an entry states. A program: its deadline (or whom to ask), who may apply,
    amounts. An office: whom to contact (an office that mentions the amounts it pays out
    still answers "where", not "how much")."""
    if entry.kind == "office" or (entry.kind == "faq" and entry.offices):
        return frozenset({"contact"})  # an FAQ names the offices to go to
    if entry.kind != "program":
        return frozenset()
    return frozenset(f for f in FACETS if f != "contact" and (f != "amount" or entry.amounts))
