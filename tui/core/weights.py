"""Fitted constants of the pair model (written by `benchmarks/fit.py`; refit, do not edit).

Order of WEIGHTS follows `score.FEATURES`: cos, cover, sent, quote, number, name, phrase, mass, lede, short, sentences.
STAGE2 is the bias then the weights of `score.RANK_FEATURES`: logit, best_a, best_b, near_a, near_b, central, mutual, sent_logit, sent_mutual.
"""

BIAS = -5.8010
WEIGHTS = (-1.0292, 1.0241, 0.8393, 1.4342, -0.1273, 0.1336, 0.4958, 1.3014, 3.1064, 4.3687, 0.7148)
STAGE2 = (-0.8468, 1.0042, -0.4522, -0.0935, -0.0722, 0.1511, 3.4433, -0.4750, -0.2239, 1.1421)
SAME = 0.33
"""Score from which a match is graded `same`."""
RELATED = 0.24
"""Score from which a pair is shown at all (`related` below SAME)."""
RELATED_TOP = 0.68
RELATED_SLOPE = 1.10
"""A story's shown threshold is RELATED_TOP - RELATED_SLOPE x the share of its paragraphs with a `same` match, kept between RELATED and SAME (`align.shown_threshold`)."""
