"""Fitted constants of the pair model (written by `benchmarks/fit.py`; refit, do not edit).

Order of WEIGHTS follows `score.FEATURES`: cos, cover, sent, fuzz, quote, number, name, phrase, mass, lede.
STAGE2 is the bias then the weights of `score.RANK_FEATURES`: logit, best_a, best_b, near_a, near_b, central, mutual.
"""

BIAS = -3.1325
WEIGHTS = (0.0305, 0.1267, 0.2343, 0.4744, 0.4630, -0.1717, 0.3160, 0.3733, 1.4663, 1.9285)
STAGE2 = (0.4010, 1.3603, -0.2608, -0.0006, -0.2067, 0.0824, 0.4601, 0.0975)
SAME = 0.24
"""Score from which a match is graded `same`."""
RELATED = 0.24
"""Score from which a pair is shown at all (`related` below SAME)."""
