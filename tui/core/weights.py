"""Fitted constants of the pair model (written by `benchmarks/fit.py`; refit, do not edit).

Order of WEIGHTS follows `score.FEATURES`: cos, cover, sent, fuzz, quote, number, name, phrase, mass, lede.
STAGE2 is the bias then the weights of `score.RANK_FEATURES`: logit, best_a, best_b, near_a, near_b, central, mutual.
"""

BIAS = -3.2335
WEIGHTS = (0.0290, 0.1523, 0.2374, 0.4572, 0.4967, -0.1761, 0.3416, 0.3760, 1.5725, 1.8689)
STAGE2 = (0.4991, 1.3766, -0.2698, -0.0357, -0.2015, 0.1250, 0.4204, 0.0830)
SAME = 0.24
"""Score from which a match is graded `same`."""
RELATED = 0.24
"""Score from which a pair is shown at all (`related` below SAME)."""
