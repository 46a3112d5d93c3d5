"""Fitted constants of the pair model (written by `benchmarks/fit.py`; refit, do not edit).

Order of WEIGHTS follows `score.FEATURES`: cos, cover, sent, quote, number, name, phrase, mass, lede.
STAGE2 is the bias then the weights of `score.RANK_FEATURES`: logit, best_a, best_b, near_a, near_b, central, mutual.
"""

BIAS = -2.9289
WEIGHTS = (0.0601, 0.1516, 0.2626, 0.4703, -0.1629, 0.3293, 0.3865, 1.4917, 1.9335)
STAGE2 = (0.3806, 1.3559, -0.2538, -0.0009, -0.2121, 0.0741, 0.4585, 0.1185)
SAME = 0.23
"""Score from which a match is graded `same`."""
RELATED = 0.23
"""Score from which a pair is shown at all (`related` below SAME)."""
