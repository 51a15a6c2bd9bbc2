"""Webhook mode: settings, validated only when `python -m bot run --webhook` asks for them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from bot.config import ConfigError, environment

_SECRET = re.compile(r"^[A-Za-z0-9_-]{16,256}$")  # what Telegram accepts as secret_token


@dataclass(frozen=True)
class WebhookConfig:
    url: str  # the public https URL Telegram posts to
    listen: str = "127.0.0.1"  # behind a reverse proxy that terminates TLS
    port: int = 8443
    secret: str = field(default="", repr=False)

    @property
    def path(self) -> str:
        """The path the local server listens on: the public URL's path."""
        return urlparse(self.url).path.lstrip("/")

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, env_file: Path | None = Path(".env")
    ) -> WebhookConfig:
        values = environment(environ, env_file)
        url = values.get("WEBHOOK_URL", "")
        if not url.startswith(("https://", "http://")):
            raise ConfigError(
                "WEBHOOK_URL",
                "is not set or not an http(s) URL; required for "
                "--webhook (the address Telegram posts updates to)",
            )
        secret = values.get("WEBHOOK_SECRET", "")
        if not _SECRET.match(secret):
            raise ConfigError(
                "WEBHOOK_SECRET",
                "must be 16–256 characters of A-Z, a-z, 0-9, _ and -; required for --webhook",
            )
        port_text = values.get("WEBHOOK_PORT") or "8443"
        if not port_text.isdigit() or not 0 < int(port_text) < 65536:
            raise ConfigError("WEBHOOK_PORT", f"{port_text!r} is not a port number")
        return cls(url, values.get("WEBHOOK_LISTEN") or "127.0.0.1", int(port_text), secret)
