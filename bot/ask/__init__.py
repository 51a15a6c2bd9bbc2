"""Answering a free-text message: what it is (intent), what it asks for, in which language."""
