"""The directory of migrant organisations: the fields, their choices, input checks.

No Telegram types: the handlers in bot/handlers/directory.py drive the steps, the pages are
in bot/directory/pages.py and the export in bot/directory/export.py.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.db.directory import Organisation
from bot.i18n import Translator
from bot.i18n.languages import LANGUAGES, NATIVE_NAMES
from bot.knowledge import Knowledge

STEPS = (
    "name",
    "legal_form",
    "district",
    "topics",
    "formats",
    "languages",
    "size",
    "own_rooms",
    "needs",
    "networking",
)
MULTI = frozenset({"topics", "formats", "languages", "needs"})
# Multi-select steps that need at least one choice before Done.
REQUIRED = frozenset({"topics", "languages"})
MAX_NAME = 120

# The 26 Ortsbezirke of the Landeshauptstadt Wiesbaden (Hauptsatzung der Stadt, Ortsbeiräte;
# wiesbaden.de "Ortsbezirke"), proper names, not translated; "elsewhere" for MOs seated outside.
# The city's 26 Ortsbezirke, for the registration choice only (not from the seeds; public
# knowledge of the city's districts, to be confirmed by the coordination office).
DISTRICTS: dict[str, str] = {
    "mitte": "Mitte",
    "nordost": "Nordost",
    "suedost": "Südost",
    "rheingauviertel": "Rheingauviertel/Hollerborn",
    "klarenthal": "Klarenthal",
    "westend": "Westend/Bleichstraße",
    "dotzheim": "Dotzheim",
    "rambach": "Rambach",
    "sonnenberg": "Sonnenberg",
    "bierstadt": "Bierstadt",
    "erbenheim": "Erbenheim",
    "biebrich": "Biebrich",
    "schierstein": "Schierstein",
    "frauenstein": "Frauenstein",
    "nordenstadt": "Nordenstadt",
    "delkenheim": "Delkenheim",
    "kloppenheim": "Kloppenheim",
    "igstadt": "Igstadt",
    "hessloch": "Heßloch",
    "auringen": "Auringen",
    "medenbach": "Medenbach",
    "breckenheim": "Breckenheim",
    "naurod": "Naurod",
    "amoeneburg": "Mainz-Amöneburg",
    "kastel": "Mainz-Kastel",
    "kostheim": "Mainz-Kostheim",
}
OUTSIDE = "elsewhere"
SIZES = ("s", "m", "l", "xl", "unknown")
NEEDS = ("1", "2", "3", "4", "5")
# The formats an organisation offers: the four of seed 002 §3.3 (Veranstaltungen, Beratung,
# Hilfe beim Ankommen, Begleitung), educational offers (§2.5: German courses, homework help,
# parent education) and any other.
FORMATS = ("events", "counselling", "arrival", "accompaniment", "education", "other")
YES_NO = ("yes", "no")


def options(step: str, knowledge: Knowledge) -> tuple[str, ...]:
    """The ids a button of this step may carry."""
    return {
        "legal_form": ("ev", "initiative", "other"),
        "district": (*DISTRICTS, OUTSIDE),
        "topics": tuple(knowledge.topics),
        "formats": FORMATS,
        "languages": (*LANGUAGES, "other"),
        "size": SIZES,
        "own_rooms": YES_NO,
        "needs": NEEDS,
        "networking": YES_NO,
    }.get(step, ())


def label(t: Translator, knowledge: Knowledge, step: str, value: str) -> str:
    """What a choice is called, in the reader's language."""
    if step == "district":
        return DISTRICTS.get(value) or t.gettext("Outside Wiesbaden")
    if step == "topics":
        names = knowledge.topics.get(value, {})
        return names.get(t.locale) or names.get("de") or value
    if step == "languages":
        return NATIVE_NAMES.get(value) or t.gettext("Other languages")
    fixed = _fixed_labels(t)
    return fixed.get((step, value)) or fixed.get(("*", value)) or value


def _fixed_labels(t: Translator) -> Mapping[tuple[str, str], str]:
    return {
        ("legal_form", "ev"): t.gettext("Registered association (e.V.)"),
        ("legal_form", "initiative"): t.gettext("Initiative (not registered)"),
        ("legal_form", "other"): t.gettext("Other legal form"),
        ("size", "s"): t.gettext("fewer than 20 members"),
        ("size", "m"): t.gettext("20 to 49 members"),
        ("size", "l"): t.gettext("50 to 199 members"),
        ("size", "xl"): t.gettext("200 members or more"),
        ("size", "unknown"): t.gettext("size not known"),
        # The five needs of seed 002 §2.5, in its words.
        ("needs", "1"): t.gettext("Expert advice / a contact point for individual questions"),
        ("needs", "2"): t.gettext("Help finding rooms"),
        ("needs", "3"): t.gettext("Further training for staff"),
        ("needs", "4"): t.gettext("Support with educational work"),
        ("needs", "5"): t.gettext("Support with funding matters"),
        # The formats of seed 002 §3.3, in its words, and two more.
        ("formats", "events"): t.gettext("Events"),
        ("formats", "counselling"): t.gettext("Counselling"),
        ("formats", "arrival"): t.gettext("Help with arriving"),
        ("formats", "accompaniment"): t.gettext("Accompaniment"),
        ("formats", "education"): t.gettext(
            "Courses and education (e.g. German courses, homework help)"
        ),
        ("formats", "other"): t.gettext("Other offers"),
        ("*", "yes"): t.gettext("Yes"),
        ("*", "no"): t.gettext("No"),
    }


def check_name(raw: str | None) -> str | None:
    """The cleaned name, or None if it is empty, too long or not printable text."""
    if raw is None:
        return None
    name = " ".join(raw.split())
    if not name or len(name) > MAX_NAME:
        return None
    if any(unicodedata.category(c) in ("Cc", "Cs", "Co", "Cn") for c in name):
        return None
    return name


@dataclass
class Registration:
    """The entry being registered or edited (kept in user_data during the conversation)."""

    step: int = 0
    values: dict[str, object] = field(default_factory=dict)
    editing: bool = False

    @property
    def current(self) -> str:
        return STEPS[self.step]

    def picked(self) -> tuple[str, ...]:
        value = self.values.get(self.current, ())
        return tuple(value) if isinstance(value, tuple | list) else ()

    def choose(self, value: str) -> None:
        """A single choice, or toggling one of several."""
        if self.current in MULTI:
            picked = self.picked()
            self.values[self.current] = (
                tuple(x for x in picked if x != value) if value in picked else (*picked, value)
            )
        else:
            self.values[self.current] = value
            self.step += 1

    def done(self) -> bool:
        """Done on a multi-select step: go on if enough is ticked."""
        if self.current in REQUIRED and not self.picked():
            return False
        self.values.setdefault(self.current, ())
        self.step += 1
        return True

    @property
    def finished(self) -> bool:
        return self.step >= len(STEPS)

    @classmethod
    def of(cls, org: Organisation) -> Registration:
        yes_no = {True: "yes", False: "no"}
        values: dict[str, object] = {
            "name": org.name,
            "legal_form": org.legal_form,
            "district": org.district,
            "topics": org.topics,
            "formats": org.formats,
            "languages": org.languages,
            "size": org.size,
            "own_rooms": yes_no[org.own_rooms],
            "needs": org.needs,
            "networking": yes_no[org.networking],
        }
        return cls(0, values, editing=True)


def matches(org: Organisation, term: str, t: Translator, knowledge: Knowledge) -> bool:
    """Search: the term in the name, district, a topic or a language (case-insensitive)."""
    needle = term.casefold()
    haystack = [org.name, label(t, knowledge, "district", org.district)]
    for topic in org.topics:
        haystack += list(knowledge.topics.get(topic, {}).values())
    haystack += [label(t, knowledge, "languages", x) for x in org.languages]
    return any(needle in h.casefold() for h in haystack)
