"""Fitted constants of the pair model (written by `benchmarks/fit.py`; refit, do not edit).

Order of WEIGHTS follows `score.FEATURES`: cos, cover, sent, fuzz, quote, number, name, phrase, mass.
STAGE2 is the bias then the weights of `score.RANK_FEATURES`: logit, best_a, best_b, near_a, near_b, central.
"""

BIAS = -3.0416
WEIGHTS = (-0.1101, 0.2245, 0.1780, 0.6758, 0.5922, -0.2624, 0.3876, 0.5269, 1.6944)
STAGE2 = (-0.0341, 1.3201, -0.1232, 0.1526, -0.3303, -0.1367, 1.0535)
SAME = 0.54
"""Score from which a match is graded `same`."""
RELATED = 0.29
"""Score from which a pair is shown at all (`related` below SAME)."""
