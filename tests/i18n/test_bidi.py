"""Right to left done right: every Arabic and Farsi page, rendered by the Unicode bidi
algorithm (python-bidi), keeps its /commands tappable and its brackets paired."""

from __future__ import annotations

import re
from datetime import date

import pytest
from babel.messages.pofile import read_po
from bidi import get_base_level, get_display

from bot.ask.intents import Intent
from bot.ask.pages import for_message, kept_language
from bot.ask.understanding import Understood
from bot.browse import pages as browse
from bot.browse.details import details_page
from bot.browse.entry import FACETS, NextDeadline, PageView, entry_page
from bot.config import REPO_ROOT
from bot.core.reply import Reply, visible_text
from bot.home import pages as home
from bot.i18n import po_path
from bot.i18n.bidi import FSI, PDI, isolate_latin
from bot.knowledge import placeholders
from bot.knowledge.intents import load_intents
from bot.matching.matcher import Match, MatchResult
from bot.navigator import pages as fit
from bot.navigator.service import ORDER, assess, encode
from bot.privacy import pages as privacy
from tests.conftest import texts

RTL = ["ar", "fa"]
COMMAND = re.compile(r"(?<![\w/:.])/[A-Za-z][A-Za-z0-9_]*")
URL = re.compile(r"(?:https?://|t\.me/)\S+")
NUMBER = re.compile(r"\d+(?:[.,٫٬]\d+)*")
ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")


def iso(name: str) -> str:
    return f"{FSI}{name}{PDI}"


# --- the rules, one by one ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("التفاصيل: /privacy.", "التفاصيل: /privacy."),  # a command: untouched
        ("راجع /help و /mydata", "راجع /help و /mydata"),
        ("في https://www.wiesbaden.de/kultur. ثم", "في https://www.wiesbaden.de/kultur. ثم"),
        ("اكتب إلى kulturfoerderung@wiesbaden.de.", "اكتب إلى kulturfoerderung@wiesbaden.de."),
        (
            "لدى Amt für Zuwanderung und Integration.",
            f"لدى {iso('Amt für Zuwanderung und Integration')}.",
        ),
        ("من Kulturamt، ثم", f"من {FSI}Kulturamt{PDI}، ثم"),
        (
            "حتى Integrationskonzept 2016-2020 هنا",
            f"حتى {iso('Integrationskonzept')} 2016-2020 هنا",
        ),
        ("جمعية (e.V.) هنا", f"جمعية ({FSI}e.V.{PDI}) هنا"),
        ("مع Hessen (beramí e.V.) هنا", f"مع {FSI}Hessen (beramí e.V.){PDI} هنا"),
        (
            "House of Resources (beramí، فرانكفورت)",
            f"{iso('House of Resources')} ({iso('beramí')}، فرانكفورت)",
        ),
        ("WIR – دعم", f"{FSI}WIR{PDI} – دعم"),
        ("برنامج „WIR – Vielfalt“ الآن", f"برنامج „{FSI}WIR – Vielfalt{PDI}“ الآن"),
        ("هل هذا WIR?", f"هل هذا {FSI}WIR{PDI}?"),
        ("عدد 200 € و 3.000", "عدد 200 € و 3.000"),
    ],
)
def test_isolates_wrap_latin_names_only(text, expected):
    assert isolate_latin(text) == expected
    assert isolate_latin(expected) == expected  # idempotent


def test_a_title_that_starts_with_a_latin_name_reads_right_to_left():
    title = "WIR: حمایت از سازمان‌های مهاجران"
    assert get_base_level(title) == 0  # as typed, the line would run left to right
    assert get_base_level(isolate_latin(title)) == 1


# --- every page ------------------------------------------------------------------------------


def check(text: str) -> None:
    """One message as the member sees it: commands, URLs, numbers, isolates, brackets."""
    for line in visible_text(text).split("\n"):
        _check_line(line)


def _check_line(line: str) -> None:
    depth, depths = 0, []
    for c in line:
        depth += (c == FSI) - (c == PDI)
        assert depth >= 0, f"a PDI without its FSI: {line!r}"
        depths.append(depth)
    assert depth == 0, f"an isolate left open: {line!r}"
    for m in COMMAND.finditer(line):
        command, before = m.group(0), line[m.start() - 1 : m.start()]
        after = line[m.end() : m.end() + 1]
        assert depths[m.start()] == 0, f"{command} inside an isolate: {line!r}"
        assert before not in (FSI, PDI) and after not in (FSI, PDI), f"{command}: {line!r}"
        assert not after or not (after.isalnum() or after == "_"), f"{command}: {line!r}"
        shown = get_display(line).replace(FSI, "").replace(PDI, "")
        assert command in shown or f"{command[1:]}/" in shown, f"{command} split: {line!r}"
    for pattern in (URL, NUMBER):
        for m in pattern.finditer(line):
            assert FSI not in m.group(0) and PDI not in m.group(0), f"isolate inside: {line!r}"
    for i, c in enumerate(line):  # a number never stands at the edge of an isolate
        if c == FSI:
            assert not line[i + 1 : i + 2].isdigit(), line
        if c == PDI:
            assert not line[i - 1 : i].isdigit(), line
    _check_brackets(line, depths)


def _check_brackets(line: str, depths: list[int]) -> None:
    """A bracket pair lies within one isolate (or outside all), so the bidi algorithm pairs
    it (BD16); an isolated Latin name shows its brackets in order once rendered."""
    opened: list[int] = []
    for i, c in enumerate(line):
        if c == "(":
            opened.append(i)
        elif c == ")" and opened:
            start = opened.pop()
            assert depths[start] == depths[i], f"a bracket pair split by an isolate: {line!r}"
    shown = get_display(line)
    for inner in re.findall(f"{PDI}([^{FSI}{PDI}]*){FSI}", shown):  # isolates, reversed marks
        level = 0
        for c in inner:
            level += (c == "(") - (c == ")")
            assert level >= 0, f"brackets out of order: {line!r}"


def rtl_pages(knowledge, catalogs, lang):
    """Every page the bot builds without a chat, in one language."""
    t = catalogs.get(lang)
    yield home.welcome(t, "Ayşe")
    yield home.language_menu(t)
    yield home.unknown_command(t)
    yield home.not_text(t)
    yield browse.programs(t, knowledge)
    yield browse.topics(t, knowledge)
    yield browse.networks(t, knowledge)
    yield browse.ask_prompt(t)
    for topic in knowledge.topics:
        yield browse.topic_offices(t, knowledge, topic)
    yield privacy.notice(t, 90, 14)
    yield privacy.first_contact(t)
    yield Reply(privacy.export_caption(t))
    yield privacy.confirm(t)
    deadline = NextDeadline(date(2026, 12, 31), tentative=True)
    for entry in knowledge.entries.values():
        for facet in (None, *FACETS):
            view = PageView(entry, t, knowledge, facet, deadline)
            yield entry_page(view)
            yield details_page(view)
    table = load_intents(REPO_ROOT / "knowledge")
    for spec in table.intents.values():
        intent = Intent(spec.id, spec.kind, spec.command)
        yield for_message(Understood("x", lang, "de", intent), 1, t, knowledge)
    for matches in ([("wir-migrantenorganisationen", 90.0)], [("kulturamt", 50.0)], []):
        result = MatchResult(tuple(Match(i, s) for i, s in matches), "deadline")
        yield for_message(Understood("x", lang, "de", result=result), 1, t, knowledge)
    yield kept_language(t)
    for index in range(len(ORDER)):
        yield fit.question_page(t, knowledge, index)
    for answers in ({}, {"seat": "no", "legal_form": "initiative"}, {"topic": "culture"}):
        verdicts = assess(knowledge, answers)
        yield fit.result_page(t, knowledge, verdicts, encode(answers, knowledge))
        yield fit.ruled_out_page(t, verdicts)


@pytest.mark.parametrize("lang", RTL)
def test_every_page_keeps_commands_tappable_and_brackets_paired(knowledge, catalogs, lang):
    count = 0
    for page in rtl_pages(knowledge, catalogs, lang):
        check(page.text)
        for row in page.buttons:
            for button in row:
                _check_line(button.label)
        count += 1
    assert count > 600


@pytest.mark.parametrize("lang", RTL)
def test_every_entry_title_reads_right_to_left(knowledge, catalogs, lang):
    t = catalogs.get(lang)
    for entry in knowledge.entries.values():
        first_line = visible_text(entry_page(PageView(entry, t, knowledge)).text).split("\n")[0]
        if ARABIC_LETTER.search(first_line):  # not a Latin name alone ("Bürgerkolleg")
            assert get_base_level(first_line) == 1, (entry.id, first_line)


@pytest.mark.parametrize("lang", RTL)
def test_every_ui_string_keeps_commands_tappable(catalogs, lang):
    t = catalogs.get(lang)
    with po_path(lang).open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        values = {name: "7" for i in ids for name in placeholders(i)}
        if isinstance(message.id, tuple):
            values.pop("n", None)  # the count itself
            text = t.ngettext(message.id[0], message.id[1], 3, **values)
        elif message.context:
            text = t.pgettext(message.context, message.id, **values)
        else:
            text = t.gettext(message.id, **values)
        _check_line(text.replace("\n", " "))


@pytest.mark.parametrize("lang", RTL)
async def test_help_start_and_privacy_in_the_chat(harness, lang):
    chat = harness.chat(language_code=lang)
    for command in ("/help", "/start", "/privacy", "/language", "/weather", "سلام", "/fit"):
        for text in texts(await chat.send(command)):
            check(text)
    help_text = texts(await chat.send("/help"))[0]
    assert "/privacy" in help_text and "/mydata" in help_text
