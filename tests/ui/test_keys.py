"""The key-sequence state machine: counts, gg, ]c, marks."""

from __future__ import annotations

from tui.keys import KeySequencer


def test_count_waits_for_the_next_binding() -> None:
    """`12` then `j`: the digits are swallowed and `j` passes with count 12."""
    keys = KeySequencer()
    assert keys.feed("1").kind == "swallow"
    assert keys.feed("2").kind == "swallow"
    assert keys.feed("j").kind == "pass"
    assert keys.take_count() == 12
    assert keys.take_count() == 1


def test_count_is_forgotten_by_a_later_key() -> None:
    """A count belongs to the key right after it only."""
    keys = KeySequencer()
    keys.feed("3")
    keys.feed("j")
    keys.feed("k")
    assert keys.take_count(None) is None


def test_zero_alone_is_not_a_count() -> None:
    keys = KeySequencer()
    assert keys.feed("0").kind == "pass"
    keys.feed("1")
    assert keys.feed("0").kind == "swallow"
    keys.feed("g")
    assert keys.take_count() == 10


def test_bracket_sequences_run_their_action() -> None:
    keys = KeySequencer()
    assert keys.feed("]").kind == "swallow"
    outcome = keys.feed("c")
    assert (outcome.kind, outcome.action) == ("run", "next_kind('corroborated')")
    keys.feed("[")
    assert keys.feed("x").action == "previous_kind('conflict')"


def test_marks_take_a_letter() -> None:
    keys = KeySequencer()
    keys.feed("m")
    outcome = keys.feed("a")
    assert (outcome.action, outcome.argument) == ("set_mark", "a")
    keys.feed("'")
    assert keys.feed("a").action == "go_to_mark"
    keys.feed("'")
    assert keys.feed("'").action == "back_from_jump"


def test_unknown_sequence_is_dropped() -> None:
    keys = KeySequencer()
    keys.feed("]")
    assert keys.feed("q").kind == "swallow"
    assert keys.feed("q").kind == "pass"


def test_second_g_of_gg_is_swallowed() -> None:
    """`gg` goes to the top once; `5gg` is not undone by the second g."""
    keys = KeySequencer()
    assert keys.feed("g").kind == "pass"
    assert keys.feed("g").kind == "swallow"
    assert keys.feed("g").kind == "pass"


def test_counts_off_lets_digits_through() -> None:
    """In the panel, digits open matches instead of counting."""
    assert KeySequencer().feed("3", counts=False).kind == "pass"


def test_special_keys_pass_and_keep_count() -> None:
    keys = KeySequencer()
    keys.feed("4")
    assert keys.feed(None).kind == "pass"
    assert keys.take_count() == 4


def test_rebind_a_sequence() -> None:
    keys = KeySequencer()
    keys.rebind({"next-corroborated": "]d"})
    keys.feed("]")
    assert keys.feed("d").action == "next_kind('corroborated')"


def test_a_priority_binding_takes_the_count_and_ends_gg() -> None:
    """A move run before `feed` (a priority binding) gets the count; `g j g` is not `gg`."""
    keys = KeySequencer()
    assert keys.feed("1").kind == "swallow" and keys.feed("2").kind == "swallow"
    assert keys.direct() and keys.take_count() == 12
    assert keys.feed("g").kind == "pass"
    assert keys.direct()
    assert keys.feed("g").kind == "pass"


def test_a_priority_binding_leaves_a_pending_sequence_alone() -> None:
    """After `m`, the next key is the mark's letter, not a move."""
    keys = KeySequencer()
    assert keys.feed("m").kind == "swallow"
    assert not keys.direct()
    outcome = keys.feed("j")
    assert (outcome.kind, outcome.action, outcome.argument) == ("run", "set_mark", "j")
