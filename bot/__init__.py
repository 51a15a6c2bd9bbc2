"""MO-Lotse: the Telegram bot of Wiesbaden's coordination office for migrant organisations."""
