"""A TOML basic string for any text: what a member typed can be written into a TOML file.

json.dumps gives valid TOML escapes, but TOML forbids control characters that JSON lets
through unescaped, DEL (U+007F) above all: a suggestion saved with one was no longer valid
TOML (issue 14, finding 9). Every control character is written as a \\uXXXX escape here.
"""

from __future__ import annotations

import json
import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def toml_string(value: str) -> str:
    """`value` as a TOML basic string (double quotes, escapes), on one line."""
    text = json.dumps(value, ensure_ascii=False)
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
