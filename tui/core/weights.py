"""Fitted constants of the pair model (written by `benchmarks/fit.py`; refit, do not edit).

Order of WEIGHTS follows `score.FEATURES`: cos, cover, sent, quote, number, name, phrase, mass, lede, short, sentences.
STAGE2 is the bias then the weights of `score.RANK_FEATURES`: logit, best_one, near_low, near_high, central, mutual, sent_logit, sent_mutual.
"""

BIAS = -5.7980
WEIGHTS = (-1.0483, 0.9956, 0.8219, 1.4753, 0.0630, 0.1438, 0.4703, 1.2919, 3.1077, 4.3744, 0.7067)
STAGE2 = (-0.8301, 0.9827, -0.0272, 0.0718, -0.2607, 3.0788, -0.9737, -0.1734, 1.1731)
SAME = 0.35
"""Score from which a match is graded `same`."""
RELATED = 0.32
"""Score from which a pair is shown at all (`related` below SAME)."""
RELATED_TOP = 0.54
RELATED_SLOPE = 0.60
"""A story's shown threshold is RELATED_TOP - RELATED_SLOPE x the share of its paragraphs with a `same` match, kept between RELATED and SAME (`align.shown_threshold`)."""
