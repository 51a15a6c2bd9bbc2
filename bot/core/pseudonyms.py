"""Pseudonymous keys for the evaluation figures: a keyed hash, never the Telegram id.

The key never lives in the database (issue 14, finding 4: with it there, anyone holding the
file could map every question and "anonymous" survey answer back to a Telegram id). It is
PSEUDONYM_SECRET, or else generated once into PSEUDONYM_KEY_FILE (default `.pseudonym-key`
in the working folder, beside `.env`; never in the database's folder), readable by its owner
only. A copy of the data folder or a backup of the database stays pseudonymous. A key an
older version kept in the database is moved into the file on the first start (the figures
go on under the same pseudonyms) and erased from the database.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import re
import secrets
import stat
from pathlib import Path

log = logging.getLogger(__name__)

SETTING_KEY = "pseudonym_secret"  # where versions before issue 14 kept the key
_KEY = re.compile(r"[\x21-\x7e]{16,256}")  # printable ASCII, no spaces


class PseudonymKeyError(Exception):
    """The key file cannot be read, written or trusted; the message says what to do."""


def new_secret() -> str:
    return secrets.token_hex(32)


def user_key(secret: str, user_id: int) -> str:
    """A stable pseudonym for a Telegram user id; without the secret it cannot be reversed."""
    digest = hmac.new(secret.encode(), str(user_id).encode(), hashlib.sha256).hexdigest()
    return digest[:20]


def settle_secret(configured: str | None, path: Path | None, legacy: str | None) -> str:
    """The key to use: PSEUDONYM_SECRET, else the key file's, else the one an older version
    kept in the database (written to the file), else a new one (written to the file)."""
    if configured:
        return configured
    if path is None:
        return legacy or new_secret()
    stored = read_key(path)
    if stored is not None:
        if legacy is not None and legacy != stored:
            raise PseudonymKeyError(
                f"the pseudonym key in {path} differs from the one this database was used "
                "with; put the right key file there (or set PSEUDONYM_SECRET)"
            )
        return stored
    secret = legacy or new_secret()
    write_key(path, secret)
    log.info("pseudonym key %s %s", "moved out of the database into" if legacy else "made:", path)
    return secret


def read_key(path: Path) -> str | None:
    """The key in the file, or None if there is no file."""
    try:
        mode = path.stat().st_mode
        text = path.read_text("ascii").strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise PseudonymKeyError(f"cannot read the pseudonym key {path}: {exc}") from exc
    if not _KEY.fullmatch(text):
        raise PseudonymKeyError(
            f"the pseudonym key file {path} is damaged (not 16-256 printable characters); "
            "restore it from the backup of the key"
        )
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        path.chmod(0o600)  # others could recompute every pseudonym
        log.warning("the pseudonym key file was readable by others: now by its owner only")
    return text


def write_key(path: Path, secret: str) -> None:
    """Write the key once, readable and writable by its owner only."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(secret + "\n")
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        raise PseudonymKeyError(f"cannot write the pseudonym key {path}: {exc}") from exc


class Pseudonyms:
    """The installation's keyed pseudonyms: `of(user_id)` in the evaluation tables."""

    def __init__(self, secret: str) -> None:
        self._secret = secret

    def of(self, user_id: int) -> str:
        return user_key(self._secret, user_id)

    def __repr__(self) -> str:
        return "Pseudonyms(<secret>)"
