"""Benchmarks of the reader in a pseudo-terminal (`python -m benchmarks.ui_bench`)."""
