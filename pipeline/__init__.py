"""Stages of the congvan pipeline: read a file, extract, (later) store and index."""
