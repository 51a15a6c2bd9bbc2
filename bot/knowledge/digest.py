"""The digest of an entry's German text that each translation records (`de_digest`)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping

# What a translation translates; triggers are written per language, not translated.
DIGEST_FIELDS = ("title", "summary", "who", "when", "next_step")
DIGEST_RE = re.compile(r"^[0-9a-f]{8}$")


def german_digest(fields: Mapping[str, object]) -> str:
    """The first 8 hex digits of sha256 over the German fields, stripped, in DIGEST_FIELDS
    order, joined by U+001F (a missing field counts as empty)."""
    parts = [str(fields.get(name) or "").strip() for name in DIGEST_FIELDS]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:8]
