"""Reading state: the jump list and marks, without a terminal."""

from __future__ import annotations

from tui.reading import JumpList, ReadingState


def test_back_and_forward_through_jumps() -> None:
    """ctrl-o returns to where each jump started; ctrl-i goes forward again."""
    jumps = JumpList()
    jumps.push(("a", 1))
    jumps.push(("b", 5))
    assert jumps.back(("c", 2)) == ("b", 5)
    assert jumps.back(("b", 5)) == ("a", 1)
    assert jumps.back(("a", 1)) is None
    assert jumps.forward() == ("b", 5)
    assert jumps.forward() == ("c", 2)
    assert jumps.forward() is None


def test_new_jump_drops_the_forward_part() -> None:
    jumps = JumpList()
    jumps.push(("a", 1))
    jumps.push(("b", 2))
    jumps.back(("c", 3))
    jumps.push(("b", 2))
    assert jumps.entries == [("a", 1), ("b", 2)]
    assert jumps.index is None


def test_back_without_jumps_is_none() -> None:
    assert JumpList().back(("a", 0)) is None


def test_marks_and_positions() -> None:
    state = ReadingState()
    state.move("a", 3)
    state.set_mark("x")
    state.move("b", 1)
    assert state.marks["x"] == ("a", 3)
    assert state.positions == {"a": 3, "b": 1}
