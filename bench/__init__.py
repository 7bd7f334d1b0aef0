"""Benchmarks: each `bench_*.py` prints its figure next to the floor it is compared with."""
