"""Extractors: pure functions over a RawDocument returning frozen values with spans and rules."""
