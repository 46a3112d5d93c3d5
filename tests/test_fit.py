"""The committed weights are what `benchmarks/fit.py` fits: a change to the signals that moves
them must refit (`python benchmarks/fit.py --write`), or the figures in the README and the
constants in `tui/core/weights.py` describe a model nobody can rebuild."""

from __future__ import annotations

from benchmarks.evaldata import DEFAULT_EVAL
from benchmarks.fit import collect, fit_all
from tui.core import weights


def test_the_committed_weights_are_the_fitted_ones() -> None:
    stage1, stage2, same_t, related_t, _, top, slope, _ = fit_all(collect(DEFAULT_EVAL))
    assert [round(v, 4) for v in stage1] == [weights.BIAS, *weights.WEIGHTS]
    assert [round(v, 4) for v in stage2] == list(weights.STAGE2)
    assert (round(same_t, 2), round(related_t, 2)) == (weights.SAME, weights.RELATED)
    assert (round(top, 2), round(slope, 2)) == (weights.RELATED_TOP, weights.RELATED_SLOPE)
