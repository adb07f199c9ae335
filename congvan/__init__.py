"""congvan: a pipeline for Vietnamese official correspondence (công văn)."""

__version__ = "0.1.0"
