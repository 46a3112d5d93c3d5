"""Fitted constants of the pair model (written by `benchmarks/fit.py`; refit, do not edit).

Order of WEIGHTS follows `score.FEATURES`: cos, cover, sent, quote, number, name, phrase, mass, lede, short, sentences.
STAGE2 is the bias then the weights of `score.RANK_FEATURES`: logit, best_a, best_b, near_a, near_b, central, mutual, sent_logit, sent_mutual.
"""

BIAS = -5.8312
WEIGHTS = (-1.0527, 1.0134, 0.8037, 1.4685, -0.1013, 0.1116, 0.4220, 1.3712, 3.1363, 4.3792, 0.7518)
STAGE2 = (-0.8322, 1.0221, -0.4769, -0.1123, -0.0645, 0.1612, 3.4683, -0.3904, -0.2455, 1.1039)
SAME = 0.32
"""Score from which a match is graded `same`."""
RELATED = 0.24
"""Score from which a pair is shown at all (`related` below SAME)."""
RELATED_TOP = 0.68
RELATED_SLOPE = 1.10
"""A story's shown threshold is RELATED_TOP - RELATED_SLOPE x the share of its paragraphs with a `same` match, kept between RELATED and SAME (`align.shown_threshold`)."""
