"""Pseudonymous keys for the evaluation figures: a keyed hash, never the Telegram id."""

import hashlib
import hmac
import secrets

SETTING_KEY = "pseudonym_secret"


def new_secret() -> str:
    return secrets.token_hex(32)


def user_key(secret: str, user_id: int) -> str:
    """A stable pseudonym for a Telegram user id; without the secret it cannot be reversed."""
    digest = hmac.new(secret.encode(), str(user_id).encode(), hashlib.sha256).hexdigest()
    return digest[:20]


class Pseudonyms:
    """The installation's keyed pseudonyms: `of(user_id)` in the evaluation tables."""

    def __init__(self, secret: str) -> None:
        self._secret = secret

    def of(self, user_id: int) -> str:
        return user_key(self._secret, user_id)

    def __repr__(self) -> str:
        return "Pseudonyms(<secret>)"
