"""Direction isolation for right-to-left text.

Telegram renders each line by the Unicode bidi algorithm, and a line's direction is that of
its first strong letter. A Latin name inside Arabic or Farsi text ("Amt für Zuwanderung und
Integration", "WIR", "e.V.") is wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, so
its words and punctuation keep their order; a line that starts with a Latin name then still
reads right to left, because the algorithm skips isolates when it looks for the first letter.

What is never isolated, because Telegram must still recognise it or the reader must see it
in place: a /command (an isolate mark inside or beside it makes it plain text), a URL or an
e-mail address (links), and numbers. Closing punctuation (. , : ; ! ? and a bracket that
closes text outside the name) stays outside the isolate, on the side the sentence ends; a
bracket pair wholly inside a name ("beramí (Frankfurt)") stays inside, so the pair matches.
"""

from __future__ import annotations

import re
from typing import Final

FSI: Final = "\u2068"
PDI: Final = "\u2069"

_L: Final = r"A-Za-z\u00C0-\u024F\u1E00-\u1EFF"
# What must stay as it is: commands, URLs, e-mail addresses, and isolates already made.
_KEEP: Final = re.compile(
    r"(?<![\w/])/[A-Za-z0-9_]{1,32}(?:@\w+)?(?![\w/])"  # /command (and /command@bot)
    r"|(?:https?://|www\.|t\.me/)\S+?(?=[.,:;!?)]*(?:\s|$))"  # URL, not the full stop after it
    rf"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail
    r"|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:de|com|org|net|eu|info)\b(?:/\S*)?"  # bare domain
    rf"|{FSI}[^{PDI}]*{PDI}"
)
# A run starts with a Latin letter and may hold digits, spaces and the punctuation names use
# inside; where it ends is decided by _trim.
_RUN: Final = re.compile(rf"[{_L}][{_L}0-9 .,:;/&'’\-–„“\"()+_]*")
_ABBREVIATION: Final = re.compile(rf"(?:^|[\s(])(?:[{_L}]{{1,3}}\.)+$")  # "e.V.", "z. B."
_TRAILING: Final = " .,:;!?/&'’\"„“-–("


def isolate_latin(text: str) -> str:
    """Wrap every Latin run of an RTL text in FSI … PDI; idempotent."""
    out: list[str] = []
    pos = 0
    for keep in _KEEP.finditer(text):
        out.append(_isolate(text[pos : keep.start()]))
        out.append(keep.group(0))
        pos = keep.end()
    out.append(_isolate(text[pos:]))
    return "".join(out)


def _isolate(text: str) -> str:
    out: list[str] = []
    pos = 0
    while (match := _RUN.search(text, pos)) is not None:
        start = match.start()
        run = _trim(match.group(0))
        if not run:  # nothing but punctuation after its first letter: go on after it
            out.append(text[pos : start + 1])
            pos = start + 1
            continue
        out += [text[pos:start], FSI, run, PDI]
        pos = start + len(run)  # what was trimmed off is looked at again
    out.append(text[pos:])
    return "".join(out)


def _trim(run: str) -> str:
    """The run without what belongs to the sentence around it.

    Closing punctuation and trailing digits go back to the sentence; an abbreviation keeps
    its dots ("e.V."); a closing bracket stays only where the run opened it.
    """
    while True:
        before = run
        run = run.rstrip(_TRAILING.replace(".", ""))
        if run.endswith(".") and not _ABBREVIATION.search(run):
            run = run[:-1]
        run = _balance(run)
        while run and run[-1].isdigit():  # numbers are never inside the edge of an isolate
            run = run[:-1]
        if run == before:
            return run


def _balance(run: str) -> str:
    """Cut the run before a bracket it does not both open and close."""
    opened: list[int] = []
    for i, c in enumerate(run):
        if c == "(":
            opened.append(i)
        elif c == ")":
            if not opened:
                return run[:i]
            opened.pop()
    return run[: opened[0]] if opened else run
