"""What the matcher reads in one paragraph."""

from __future__ import annotations

from tui.core.features import paragraph_features
from tui.core.model import Ref


def test_a_capital_that_opens_a_sentence_is_not_a_name() -> None:
    text = (
        "Putin arrived late. Concerns have been voiced. “We know it,” Kirby said. "
        "(Officials deny it.) The “Kremlin leader” smiled."
    )
    names = paragraph_features(Ref("a", 0), text).names
    assert names == {"kirby", "kremlin"}
