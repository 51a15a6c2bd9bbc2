"""Any text a member typed round-trips through a TOML file (issue 14, finding 9: DEL)."""

import json
import tomllib

import pytest

from bot.knowledge.tomlwrite import toml_string

ALL_CONTROLS = "".join(chr(c) for c in range(0x20)) + "\x7f"


@pytest.mark.parametrize(
    "text",
    ["Frage\x7fmit DEL", ALL_CONTROLS, 'Anführung " und \\ Backslash', "عربى\u200f‎ 🙂", ""],
)
def test_round_trip(text):
    assert tomllib.loads(f"q = {toml_string(text)}\n")["q"] == text


def test_json_alone_is_not_enough():
    """Why the escapes are written by hand: JSON leaves DEL as it is, TOML refuses it."""
    with pytest.raises(tomllib.TOMLDecodeError):
        tomllib.loads("q = " + json.dumps("a\x7fb", ensure_ascii=False) + "\n")
