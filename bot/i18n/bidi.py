"""Direction isolation for right-to-left text.

Telegram renders a line by the Unicode bidi algorithm. A Latin name inside Arabic or Farsi
text ("Amt für Zuwanderung und Integration", "WIR", "e.V.") must be wrapped in FIRST STRONG
ISOLATE … POP DIRECTIONAL ISOLATE, or its words and punctuation come out reordered.
"""

import re

FSI = "\u2068"
PDI = "\u2069"

_LATIN = r"A-Za-z\u00C0-\u024F\u1E00-\u1EFF"
# A run starts and ends with a Latin letter or digit and may hold spaces and the punctuation
# names use inside; it must contain at least one Latin letter (plain numbers stay as they are).
_RUN = re.compile(rf"[{_LATIN}0-9](?:[{_LATIN}0-9 .,:;/&'’\-–„“\"()+@_]*[{_LATIN}0-9.])?")
_HAS_LATIN = re.compile(f"[{_LATIN}]")


def isolate_latin(text: str) -> str:
    """Wrap every Latin run of an RTL text in FSI … PDI; idempotent.

    A run keeps a closing parenthesis that belongs to it ("Hessen (beramí e.V.)"), but not
    one that closes Arabic or Farsi text around it ("(Beamer)").
    """
    if FSI in text:
        return text
    out: list[str] = []
    pos = 0
    for match in _RUN.finditer(text):
        start, end = match.span()
        run = match.group(0)
        if not _HAS_LATIN.search(run):
            continue
        while run.count("(") > run.count(")") and text[end : end + 1] == ")":
            run, end = run + ")", end + 1
        out += [text[pos:start], FSI, run, PDI]
        pos = end
    out.append(text[pos:])
    return "".join(out)
