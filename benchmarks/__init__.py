"""Benchmarks: alignment quality (`quality.py`) and the reader in a pseudo-terminal (`ui_bench.py`)."""
