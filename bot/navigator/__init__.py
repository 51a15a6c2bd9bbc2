"""navigator."""
