"""Rapport's benchmark suite (`make bench`): each case against a floor measured in the same run.

Not part of `make test`: timings depend on the machine, so nothing here asserts inside the
test suite. See docs/benchmarks.md for the cases, their budgets and the latest results.
"""
