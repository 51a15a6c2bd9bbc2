"""The benchmark suite: `python -m bench [--quick] [--json]` runs every bench."""
