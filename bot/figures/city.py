"""Which offices are the city's own bodies: knowledge/city.toml, read as data.

The referral rate to the city (seed 002 §3.3, "Vermittlungsquote an städtische
Anlaufstellen und Fachämter") counts the questions whose answer referred to one of them.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from bot.knowledge import Knowledge, Problem

FILE = "city.toml"
BODIES = {
    True: {"Amt", "Abteilung", "Ausländerbeirat", "Koordinierungsstelle"},
    False: {"Einrichtung", "Verein", "Land", "Dachverband", "Netzwerk", "Wohlfahrtsverband"},
}


def read_city(folder: Path) -> tuple[dict[str, bool], list[Problem]]:
    """{office id: is a city body} and the problems of the file (no office checks)."""
    where = f"knowledge/{FILE}"
    try:
        data = tomllib.loads((folder / FILE).read_text("utf-8"))
    except FileNotFoundError:
        return {}, [Problem(where, "", "missing: which offices are the city's")]
    except tomllib.TOMLDecodeError as exc:
        return {}, [Problem(where, "", f"not valid TOML: {exc}")]
    found: dict[str, bool] = {}
    problems: list[Problem] = []
    for office, item in data.items():
        city = item.get("city") if isinstance(item, dict) else None
        if not isinstance(city, bool):
            problems.append(Problem(where, f"{office}.city", "must be true or false"))
            continue
        if item.get("body") not in BODIES[city]:
            kinds = ", ".join(sorted(BODIES[city]))
            problems.append(Problem(where, f"{office}.body", f"must be one of {kinds}"))
        if not str(item.get("section", "")).strip():
            problems.append(Problem(where, f"{office}.section", "name the section of seed 002"))
        found[office] = city
    return found, problems


def check_city(folder: Path, knowledge: Knowledge) -> list[Problem]:
    """Every office listed once, and nothing else (for `python -m bot check`)."""
    found, problems = read_city(folder)
    where = f"knowledge/{FILE}"
    offices = {e.id for e in knowledge.of_kind("office")}
    for office in sorted(set(found) - offices):
        problems.append(Problem(where, office, "is no office of the knowledge base"))
    for office in sorted(offices - set(found)):
        problems.append(Problem(where, office, "missing: is this office the city's?"))
    return problems


def city_offices(folder: Path) -> frozenset[str]:
    """The ids of the offices that are the city's (an unreadable file: none)."""
    found, _ = read_city(folder)
    return frozenset(office for office, city in found.items() if city)
