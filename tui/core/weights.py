"""Fitted constants of the pair model (written by `benchmarks/fit.py`; refit, do not edit).

Order of WEIGHTS follows `score.FEATURES`: cos, cover, sent, quote, number, name, phrase, mass, lede, short, sentences.
STAGE2 is the bias then the weights of `score.RANK_FEATURES`: logit, best_a, best_b, near_a, near_b, central, mutual, sent_logit, sent_mutual.
"""

BIAS = -3.2685
WEIGHTS = (-0.0003, 0.1878, 0.2433, 0.5427, -0.0443, 0.1815, 0.5739, 1.0894, 2.2384, 1.2316, 0.2560)
STAGE2 = (0.4418, 1.3842, -0.3537, -0.1278, -0.2382, 0.0568, 0.8545, -0.1282, 0.0596, 0.5241)
SAME = 0.25
"""Score from which a match is graded `same`."""
RELATED = 0.25
"""Score from which a pair is shown at all (`related` below SAME)."""
