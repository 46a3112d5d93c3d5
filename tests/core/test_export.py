"""The JSON shape other tools read (`samefact align --json`)."""

from __future__ import annotations

from tests.conftest import SEEDS
from tui.core import align_story, load_story
from tui.core.export import JSON_VERSION, to_json, to_text


def _data():
    return to_json(align_story(load_story([SEEDS])))


def test_version_two_has_facts_and_conflicts() -> None:
    """Version 2 adds `facts` and `conflicts` beside `articles` and `matches`."""
    data = _data()
    assert data["version"] == JSON_VERSION == 2
    assert {"articles", "matches", "facts", "conflicts"} <= data.keys()
    fact = data["facts"][0]
    assert {"id", "label", "members", "articles", "unique"} <= fact.keys()


def test_evidence_offsets_point_at_the_shared_text() -> None:
    """Each evidence span's offsets select text in both paragraphs."""
    data = _data()
    text = {(a["id"], p["n"]): p["text"] for a in data["articles"] for p in a["paragraphs"]}
    spans = 0
    for m in data["matches"]:
        ta = text[(m["a"]["article"], m["a"]["paragraph"])]
        tb = text[(m["b"]["article"], m["b"]["paragraph"])]
        for s in m["evidence"]:
            assert ta[s["a"][0] : s["a"][1]] == s["text"]
            assert 0 <= s["b"][0] < s["b"][1] <= len(tb)
            spans += 1
    assert spans > 0


def test_conflict_versions_slice_their_paragraph() -> None:
    """A conflict version's start/end select its text in its paragraph."""
    data = _data()
    text = {(a["id"], p["n"]): p["text"] for a in data["articles"] for p in a["paragraphs"]}
    for c in data["conflicts"]:
        for v in c["versions"]:
            assert text[(v["article"], v["paragraph"])][v["start"] : v["end"]] == v["text"]


def test_text_report_lists_conflicts() -> None:
    """The readable report ends with the conflicts and their reasons."""
    report = to_text(align_story(load_story([SEEDS])))
    assert "== Conflicts" in report
