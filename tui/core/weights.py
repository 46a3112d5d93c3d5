"""Fitted constants of the pair model (written by `benchmarks/fit.py`; refit, do not edit).

Order of WEIGHTS follows `score.FEATURES`: cos, cover, sent, fuzz, quote, number, name, phrase, mass.
STAGE2 is the bias then the weights of `score.RANK_FEATURES`: logit, best_a, best_b, near_a, near_b, central.
"""

BIAS = -3.1816
WEIGHTS = (-0.0450, 0.1903, 0.2427, 0.6177, 0.6033, -0.3455, 0.3832, 0.5298, 1.8184)
STAGE2 = (0.1387, 1.3708, -0.1994, 0.0372, -0.3311, -0.0818, 0.9791)
SAME = 0.56
"""Score from which a match is graded `same`."""
RELATED = 0.18
"""Score from which a pair is shown at all (`related` below SAME)."""
