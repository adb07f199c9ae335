"""Helpers shared by the tests (and the benchmarks): ``inbox`` makes công văn and runs the watcher
as a real process, ``index_corpus`` is a small corpus written for the index tests."""
