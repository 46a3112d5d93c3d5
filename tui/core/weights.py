"""Fitted constants of the pair model (written by `benchmarks/fit.py`; refit, do not edit).

Order of WEIGHTS follows `score.FEATURES`: cos, cover, sent, quote, number, name, phrase, mass, lede, short, sentences.
STAGE2 is the bias then the weights of `score.RANK_FEATURES`: logit, best_a, best_b, near_a, near_b, central, mutual, sent_logit, sent_mutual.
"""

BIAS = -5.7980
WEIGHTS = (-1.0483, 0.9956, 0.8219, 1.4753, 0.0630, 0.1438, 0.4703, 1.2919, 3.1077, 4.3744, 0.7067)
STAGE2 = (-0.8280, 1.0018, -0.4794, -0.1038, -0.0695, 0.1577, 3.4419, -0.5534, -0.2192, 1.2248)
SAME = 0.31
"""Score from which a match is graded `same`."""
RELATED = 0.24
"""Score from which a pair is shown at all (`related` below SAME)."""
RELATED_TOP = 0.64
RELATED_SLOPE = 0.90
"""A story's shown threshold is RELATED_TOP - RELATED_SLOPE x the share of its paragraphs with a `same` match, kept between RELATED and SAME (`align.shown_threshold`)."""
