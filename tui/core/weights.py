"""Fitted constants of the pair model (written by `benchmarks/fit.py`; refit, do not edit).

Order of WEIGHTS follows `score.FEATURES`: cos, cover, sent, quote, number, name, phrase, mass, lede, short, sentences.
STAGE2 is the bias then the weights of `score.RANK_FEATURES`: logit, best_a, best_b, near_a, near_b, central, mutual, sent_logit, sent_mutual.
"""

BIAS = -3.2685
WEIGHTS = (-0.0003, 0.1878, 0.2433, 0.5427, -0.0443, 0.1815, 0.5739, 1.0894, 2.2384, 1.2316, 0.2560)
STAGE2 = (0.4446, 1.4028, -0.3485, -0.1215, -0.2357, 0.0587, 0.8539, -0.1045, 0.0407, 0.4745)
SAME = 0.25
"""Score from which a match is graded `same`."""
RELATED = 0.24
"""Score from which a pair is shown at all (`related` below SAME)."""
