"""Plain helpers that know no capability and no Telegram."""
