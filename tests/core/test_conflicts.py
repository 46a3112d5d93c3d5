"""Conflicts between outlets on one fact: figures with their hedges, dates, quote wordings,
attributions and wordings, each with near-misses that must not be flagged."""

from __future__ import annotations

import pytest

from tests.conftest import SEEDS
from tests.core.storybuild import make_story
from tui.core import align_story, load_story
from tui.core.conflicts import find_conflicts
from tui.core.features import index_story
from tui.core.model import Match
from tui.core.numbers import find_quantities
from tui.core.weights import SAME


def _one(text: str):
    (q,) = find_quantities(text)
    return q


@pytest.mark.parametrize(
    ("left", "right", "compatible"),
    [
        ("at least 12 people died", "15 people died", True),
        ("12 people died", "15 people died", False),
        ("nearly 25 years", "24 years", True),
        ("nearly a quarter-century", "24 years", True),
        ("a quarter-century", "24 years", False),
        ("more than 200 homes", "150 homes", False),
        ("about 100 soldiers", "110 soldiers", True),
        ("10-15 people died", "12 people died", True),
        ("10–15 people died", "20 people died", False),
    ],
)
def test_hedges_decide_whether_figures_agree(left: str, right: str, compatible: bool) -> None:
    """Hedged figures agree when their ranges meet; bare figures must be equal."""
    assert _one(left).compatible(_one(right)) is compatible


def test_figures_tenfold_apart_are_other_quantities_not_a_conflict() -> None:
    """"2,290 points" (a career) and "20 points" (a game) are not one count told twice; "20
    points" and "22 points" are."""
    first = "Hansbrough finished with 2,290 points for the Tar Heels after the win."
    assert not _kinds(first, "Hansbrough finished with 20 points for the Tar Heels after the win.",
                      "number")
    (conflict,) = _kinds(
        "Hansbrough finished with 22 points for the Tar Heels after the win.",
        "Hansbrough finished with 20 points for the Tar Heels after the win.",
        "number",
    )
    assert _texts(conflict) == {"22 points", "20 points"}


def test_a_score_counts_nothing() -> None:
    """"a 15-2 run" and "won 65-53" are scores: no figure of runs (two outlets' scores of
    different spells of one game are no conflict), while "10-15 people" is a range of people."""
    assert find_quantities("a pivotal 15-2 run sealed it") == []
    assert find_quantities("Creighton won 65-53 on Friday") == []
    (people,) = find_quantities("between 10-15 people died")
    assert (people.low, people.high, people.unit) == (10, 15, "people")
    assert [q.kind for q in find_quantities("from 2000-2004")] == ["year", "year"]


def _fact_story(first: str, second: str):
    shared = "Rescue teams searched the collapsed mine near the river town of Ostrava overnight."
    return make_story(
        [shared, first, "The weather was cold and windy all week in the region."],
        [shared, second, "Local schools stayed open despite the search."],
    )


def test_different_death_tolls_conflict() -> None:
    """Two outlets giving 12 and 15 dead for one event report a number conflict."""
    alignment = align_story(_fact_story(
        "Officials said 12 miners died in the collapse of the Ostrava mine shaft.",
        "Officials said 15 miners died in the collapse of the Ostrava mine shaft.",
    ))
    (conflict,) = [c for c in alignment.conflicts if c.kind == "number"]
    assert {v.text for v in conflict.versions} == {"12 miners", "15 miners"}
    for v in conflict.versions:
        text = alignment.story.article(v.ref.article).paragraphs[v.ref.paragraph].text
        assert text[v.start : v.end] == v.text


def test_a_hedged_toll_does_not_conflict() -> None:
    """"At least 12" and "15" can both be true: no conflict."""
    alignment = align_story(_fact_story(
        "Officials said at least 12 miners died in the collapse of the Ostrava mine shaft.",
        "Officials said 15 miners died in the collapse of the Ostrava mine shaft.",
    ))
    assert not [c for c in alignment.conflicts if c.kind == "number"]


def test_a_quote_worded_differently_is_a_quote_conflict() -> None:
    """One statement quoted with a different word is flagged, naming the differing words."""
    alignment = align_story(_fact_story(
        "The mayor said: “we will rebuild the mine and every house on the river bank”.",
        "The mayor said: “we will rebuild the mine and every home on the river bank”.",
    ))
    (conflict,) = [c for c in alignment.conflicts if c.kind == "quote"]
    assert "house" in conflict.reason and "home" in conflict.reason


def test_a_quote_cut_short_is_not_a_conflict() -> None:
    """Quoting only the start of a statement is not a different wording."""
    alignment = align_story(_fact_story(
        "The mayor said: “we will rebuild the mine and every house on the river bank”.",
        "The mayor said: “we will rebuild the mine and every house” in the town.",
    ))
    assert not [c for c in alignment.conflicts if c.kind == "quote"]


def test_seed_conflicts_point_into_their_fact() -> None:
    """Every conflict on the seeds names the fact of its first version, and its two versions are
    one fact's paragraphs or a matched pair, of two articles."""
    alignment = align_story(load_story([SEEDS]))
    assert alignment.conflicts
    facts = {f.id: f for f in alignment.facts}
    same = {frozenset((m.a, m.b)) for m in alignment.matches}
    for c in alignment.conflicts:
        refs = [v.ref for v in c.versions]
        assert refs[0] in facts[c.fact].members
        assert set(refs) <= set(facts[c.fact].members) or frozenset(refs) in same
        assert len({v.ref.article for v in c.versions}) == 2


def test_one_changed_small_word_is_not_a_conflict() -> None:
    """"the" for "a" inside a quote is copy-editing, not a different wording."""
    alignment = align_story(_fact_story(
        "The mayor said: “we will rebuild the mine and every house on the river bank”.",
        "The mayor said: “we will rebuild a mine and every house on the river bank”.",
    ))
    assert not [c for c in alignment.conflicts if c.kind == "quote"]


def test_several_changed_small_words_are_a_quote_conflict() -> None:
    """Two separate function-word changes make a different wording of one statement."""
    alignment = align_story(_fact_story(
        "The mayor said: “we will rebuild the mine and every house on the river bank for the town”.",
        "The mayor said: “we will rebuild a mine and every house on the river bank as well as town”.",
    ))
    assert [c for c in alignment.conflicts if c.kind == "quote"]


def _kinds(first: str, second: str, kind: str):
    return [c for c in align_story(_fact_story(first, second)).conflicts if c.kind == kind]


def _texts(conflict) -> set[str]:
    return {v.text for v in conflict.versions}


def test_a_match_is_compared_even_outside_any_fact() -> None:
    """Two matched paragraphs are compared even when no fact holds both; unmatched ones are not."""
    story = _fact_story(
        "Officials said 12 miners died in the collapse of the Ostrava mine shaft.",
        "Officials said 15 miners died in the collapse of the Ostrava mine shaft.",
    )
    index = index_story(story)
    a, b = (pf.ref for pf in index.paragraphs if pf.ref.paragraph == 1)
    for matches, expected in (([Match(a, b, 0.9, "same")], 1), ([Match(a, b, 0.3, "related")], 1), ([], 0)):
        found = find_conflicts(index, [], matches)
        assert len([c for c in found if c.kind == "number"]) == expected


def test_a_hedged_claim_and_an_accusation_are_an_attribution_conflict() -> None:
    """One outlet accuses, the other only says it is possible: the markers are the versions."""
    (conflict,) = _kinds(
        "Inspectors accused the tannery of dumping toxic dye into the river near the old mill.",
        "The tannery is possibly dumping toxic dye into the river near the old mill, inspectors"
        " say.",
        "attribution",
    )
    assert _texts(conflict) == {"accused", "possibly"}


def test_the_same_certainty_or_a_plain_statement_is_not_an_attribution_conflict() -> None:
    """Both accusing, or one stating it plainly, is no difference of certainty."""
    assert not _kinds(
        "Inspectors accused the tannery of dumping toxic dye into the river near the old mill.",
        "Inspectors have accused the tannery of dumping toxic dye into the river near the mill.",
        "attribution",
    )
    assert not _kinds(
        "The tannery dumped toxic dye into the river near the old mill, inspectors said.",
        "The tannery is possibly dumping toxic dye into the river near the old mill.",
        "attribution",
    )


def test_one_thing_named_with_different_identity_words_is_a_wording_conflict() -> None:
    """"EU tariffs" vs "US tariffs" for the tariffs that hit one shipyard."""
    (conflict,) = _kinds(
        "The Gdynia shipyard was hit with EU tariffs on imported steel plates last spring.",
        "The Gdynia shipyard was hit with US tariffs on imported steel plates last spring.",
        "wording",
    )
    assert _texts(conflict) == {"EU tariffs", "US tariffs"}


def test_two_owners_or_an_owner_and_more_are_a_wording_conflict() -> None:
    """"the EU's tariffs" vs "the US's tariffs" name two owners; "the same limousine" vs "Kim's
    Belmont-made limousine" tells which one in more than whose it is."""
    (conflict,) = _kinds(
        "The Gdynia shipyard was hit with the EU's tariffs on imported steel plates last spring.",
        "The Gdynia shipyard was hit with the US's tariffs on imported steel plates last spring.",
        "wording",
    )
    assert "EU's" in conflict.reason and "US's" in conflict.reason
    (conflict,) = _kinds(
        "After the talks the two leaders left in the same limousine for the Arvia guest house.",
        "After the talks the two leaders left in Kim's Belmont-made limousine for the Arvia guest"
        " house.",
        "wording",
    )
    assert "same" in conflict.reason


def test_what_an_of_phrase_names_differently_is_a_wording_conflict() -> None:
    """"posters of the mayor" vs "posters of the governor"."""
    (conflict,) = _kinds(
        "Crowds in Tarnow carried posters of the mayor along the main street before the vote.",
        "Crowds in Tarnow carried posters of the governor along the main street before the vote.",
        "wording",
    )
    assert "mayor" in conflict.reason and "governor" in conflict.reason


def test_an_abbreviation_spelled_out_is_left_out_of_the_differing_words() -> None:
    """"the US and its satellites" vs "the United States and its allies": the words that differ
    are "satellites" and "allies"; "United States" is "US" written out."""
    (conflict,) = _kinds(
        "Crowds in Tarnow carried posters of the US and its satellites, witnesses said.",
        "Crowds in Tarnow carried posters of the United States and its allies, witnesses said.",
        "wording",
    )
    assert conflict.reason.endswith("(satellites / allies)")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # size adjectives vary freely
        ("Crowds in Tarnow carried giant posters along the main street before the vote.",
         "Crowds in Tarnow carried huge posters along the main street before the vote."),
        # detail added on one side only
        ("The Gdynia shipyard was hit with tariffs on imported steel plates last spring.",
         "The Gdynia shipyard was hit with EU tariffs on imported steel plates last spring."),
        # an abbreviation and its words
        ("The Gdynia shipyard was hit with United States tariffs on imported steel plates.",
         "The Gdynia shipyard was hit with US tariffs on imported steel plates."),
        # an inflection
        ("The accord is the broadest truce between Arvia and Belmont since the flood.",
         "The accord is the broadest truces between Arvia and Belmont since the flood."),
        # British and American spelling
        ("Rescuers reached the Arvia Flood Centre before dawn on the second night.",
         "Rescuers reached the Arvia Flood Center before dawn on the second night."),
        # "another" says which one no more than "a" does
        ("Nowak was convicted of the 2005 attempted murder of a man shot in the back in Tarnow.",
         "The jury convicted Nowak of the attempted murder of another man days before, in Tarnow."),
        # an acronym that opens or ends with the initials of the other's words, possessive too
        ("Hansen broke UNC's career scoring record on Sunday against the visiting side.",
         "Hansen broke North Carolina's career scoring record on Sunday against the visitors."),
        # whose it is and which it is: "Dana Novak's season" / "her third WNBL season"
        ("A torn ligament ended Dana Novak's season before the Arvia derby, the club said.",
         "A torn ligament ended her third WNBL season before the Arvia derby, the club said."),
        ("Novak will miss the final two games of the Arvia Lions' season, the club said.",
         "Novak will miss the final two games of the regular season, the club said."),
    ],
)
def test_the_same_naming_in_other_words_is_not_a_wording_conflict(first: str, second: str) -> None:
    assert not _kinds(first, second, "wording")


def test_a_name_replaced_between_shared_words_is_a_wording_conflict() -> None:
    """Sentences aligned word by word: the dam burst "near Arvia" vs "near Belmont"."""
    (conflict,) = _kinds(
        "Officials said the old dam burst near Arvia before dawn, flooding the lower town.",
        "Officials said the old dam burst near Belmont before dawn, flooding the lower town.",
        "wording",
    )
    assert _texts(conflict) == {"Arvia", "Belmont"}


def test_two_acronyms_of_different_bodies_are_a_wording_conflict() -> None:
    """"WBO" and "IBF" share no initials: two titles, told apart."""
    (conflict,) = _kinds(
        "Rahman lost his WBO heavyweight titles to the champion in Las Vegas on Saturday night.",
        "Rahman lost his IBF heavyweight titles to the champion in Las Vegas on Saturday night.",
        "wording",
    )
    assert {"WBO", "IBF"} <= {w for text in _texts(conflict) for w in text.split()}


def test_a_place_against_who_said_it_is_not_a_wording_conflict() -> None:
    """One sentence ends with where ("in Rancho Mirage"), the other with who says so ("according
    to TMZ"): the tails name different things, not one thing differently."""
    assert not _kinds(
        "The actress checked into the Betty Ford Center in Rancho Mirage, California.",
        "The actress checked into the Betty Ford Center, according to TMZ, California.",
        "wording",
    )


def test_a_common_word_replaced_between_shared_words_is_not_a_wording_conflict() -> None:
    """"the broadest truce" vs "the broadest pact": outlets' synonyms, not a disagreement."""
    assert not _kinds(
        "The accord is the broadest truce between Arvia and Belmont since the flood.",
        "The accord is the broadest pact between Arvia and Belmont since the flood.",
        "wording",
    )


def test_contractions_asides_and_paraphrases_are_not_quote_conflicts() -> None:
    """"aren't" for "are not" is the same wording, an editor's "(Jane Roe)" is not the speaker's,
    and an unquoted paraphrase is no wording of a quote."""
    assert not _kinds(
        "Her agent said: “we thank you for respecting her and her family at this hard time”.",
        "Her agent said: “we thank you for respecting her (Jane Roe) and her family at this hard"
        " time”.",
        "quote",
    )
    assert not _kinds(
        "The mayor said: “the barriers aren't going to hold back the river this winter”.",
        "The mayor said: “the barriers are not going to hold back the river this winter”.",
        "quote",
    )
    assert not _kinds(
        "The mayor said: “the barriers are not going to hold back the river this winter”.",
        "The mayor said the barriers would not hold back the river this winter.",
        "quote",
    )


def test_different_weekdays_for_one_event_are_a_date_conflict() -> None:
    (conflict,) = _kinds(
        "The ferry Vela sank on Tuesday near the harbour of Split with forty people aboard.",
        "The ferry Vela sank on Wednesday near the harbour of Split with forty people aboard.",
        "date",
    )
    assert _texts(conflict) == {"Tuesday", "Wednesday"}


def test_weekdays_of_different_events_are_not_a_date_conflict() -> None:
    assert not _kinds(
        "The ferry Vela sank on Tuesday near the harbour of Split with forty people aboard.",
        "An inquiry opened on Wednesday after the ferry Vela sank near the harbour of Split.",
        "date",
    )


def test_a_date_conflict_names_the_shared_word_as_written() -> None:
    (conflict,) = _kinds(
        "Arvia placed striker Dana Novak on the injured list on Tuesday after the Belmont game.",
        "Arvia placed striker Dana Novak on the injured list on Friday after the Belmont game.",
        "date",
    )
    assert conflict.reason.endswith("different days for the same injured")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a day both give: two events, each dated alike ("signed Wynn on Tuesday and Bell today")
        ("Arvia signed the striker Novak on Tuesday and the keeper Ilic today from Belmont.",
         "Arvia has the striker Novak, signed on Tuesday, and the keeper Ilic, signed Wednesday."),
        # the day the police told it, not the day of the arrests
        ("Dozens were arrested in a sweep against the Arvia clan, police in Belmont said Monday.",
         "Dozens were arrested in the police sweep on Sunday against the Arvia clan in Belmont."),
        # "Friday's semifinal" dates the semifinal, not the play before it
        ("Arvia advances to play Saturday in the final against the Belmont side at home.",
         "Arvia will play the winner of Friday's semifinal against the Belmont side at home."),
    ],
)
def test_days_of_other_events_or_of_the_telling_are_not_a_date_conflict(
    first: str, second: str
) -> None:
    assert not _kinds(first, second, "date")


def test_words_left_out_inside_a_short_quote_are_a_quote_conflict() -> None:
    """“swift and total reconstruction” vs “swift reconstruction”; a quote cut at an end is
    not."""
    (conflict,) = _kinds(
        "The minister promised “swift and total reconstruction” of the flooded Ostrava port.",
        "The minister promised “swift reconstruction” of the flooded Ostrava port.",
        "quote",
    )
    assert "total" in conflict.reason
    assert not _kinds(
        "The minister promised “swift and total reconstruction” of the flooded Ostrava port.",
        "The minister promised “total reconstruction” of the flooded Ostrava port.",
        "quote",
    )


def test_figures_of_a_list_or_of_other_subjects_are_not_number_conflicts() -> None:
    """A figure both give is agreed on; "Novak scored 20 points" vs "Ilic scored 9 points" are
    two players, not two tolls."""
    assert not _kinds(
        "Novak scored 20 points and Ilic added 9 points as Arvia beat Belmont on the road.",
        "Ilic scored 9 points and Novak 20 points as Arvia beat Belmont on the road again.",
        "number",
    )
    assert not _kinds(
        "Novak scored 20 points as Arvia beat Belmont on the road in the final.",
        "Ilic scored 9 points as Arvia beat Belmont on the road in the final.",
        "number",
    )


def test_a_subject_that_opens_the_sentence_tells_two_players_apart() -> None:
    """"Ilic, who ... , finished with another 20-point night" names its player far from the
    figure: still another player than "Novak finished with 16 points"."""
    assert not _kinds(
        "Novak finished with 16 points and nine rebounds as Arvia beat Belmont in the final.",
        "Ilic, who looked tense all night in the final, finished with another 20-point night as"
        " Arvia beat Belmont.",
        "number",
    )
    (conflict,) = _kinds(
        "Novak finished with 16 points and nine rebounds as Arvia beat Belmont in the final.",
        "Novak, who looked tense all night in the final, finished with 20 points as Arvia beat"
        " Belmont.",
        "number",
    )
    assert _texts(conflict) == {"16 points", "20 points"}


def test_a_figure_someone_needs_is_no_count_of_what_happened() -> None:
    """"needed just nine points to break the record" and "scored 20 points to break the record"
    are a target and a result; two targets disagree."""
    assert not _kinds(
        "Novak needed just nine points against Belmont to break the Arvia scoring record.",
        "Novak scored 20 points against Belmont to break the Arvia scoring record.",
        "number",
    )
    (conflict,) = _kinds(
        "Novak needed just nine points against Belmont to break the Arvia scoring record.",
        "Novak needed 12 points against Belmont to break the Arvia scoring record.",
        "number",
    )
    assert _texts(conflict) == {"nine points", "12 points"}


def test_compound_figures_of_different_things_are_not_one_quantity() -> None:
    """"a 60-year-old, terminally ill woman" and "a 41-year-old murder case" are two ages, "a
    16-point lead" and "five points" two counts; "60-year-old Dana Ilic" and "61-year-old Dana
    Ilic" are one, each told whole."""
    assert not _kinds(
        "Arvia police on Friday arrested a 60-year-old, terminally ill woman over the Belmont"
        " killings.",
        "Arvia police on Friday made an arrest in a 41-year-old double murder case over the"
        " Belmont killings.",
        "number",
    )
    assert not _kinds(
        "Novak scored five points in a late run as Arvia beat Belmont in the cup final.",
        "Novak's late run gave Arvia a 16-point lead as Arvia beat Belmont in the cup final.",
        "number",
    )  # a lead counted in points, and points scored
    (conflict,) = _kinds(
        "Arvia police on Friday arrested 60-year-old Dana Ilic over the Belmont killings.",
        "Arvia police on Friday arrested 61-year-old Dana Ilic over the Belmont killings.",
        "number",
    )
    assert _texts(conflict) == {"60-year-old", "61-year-old"}
    assert conflict.reason.endswith("different figures for the same age")


def test_a_figure_to_come_and_a_figure_done_are_two_quantities() -> None:
    """"will miss the final two games" and "missed four games earlier" count two spells; two
    outlets' figures for one spell still to come disagree."""
    assert not _kinds(
        "Arvia striker Dana Novak will miss the final two games of the Belmont league season.",
        "Arvia striker Dana Novak missed four games of the Belmont league season in October.",
        "number",
    )
    (conflict,) = _kinds(
        "Arvia striker Dana Novak will miss the final two games of the Belmont league season.",
        "Arvia striker Dana Novak will miss the final four games of the Belmont league season.",
        "number",
    )
    assert _texts(conflict) == {"two games", "four games"}


def test_a_time_of_day_or_a_day_of_the_month_is_not_a_count() -> None:
    assert not _kinds(
        "The Arvia dam burst at 6:41 on June 20 after the river rose two metres overnight.",
        "The Arvia dam burst at 6:15 on June 24 after the river rose two metres overnight.",
        "number",
    )


def test_an_event_to_come_and_the_same_event_done_are_a_tense_conflict() -> None:
    """"is set to sail to Arvia" vs "sailed to Arvia"."""
    (conflict,) = _kinds(
        "After the summit the minister is set to sail to Arvia on the royal yacht Vela.",
        "After the summit the minister sailed to Arvia on the royal yacht Vela.",
        "tense",
    )
    assert _texts(conflict) == {"set to sail", "sailed"}


def test_a_future_and_a_past_of_different_actions_are_not_a_tense_conflict() -> None:
    """"will sail to Arvia" vs "signed the accord in Arvia": two things, not one told twice."""
    assert not _kinds(
        "After the summit the minister will sail to Arvia on the royal yacht Vela.",
        "After the summit the minister signed the accord in Arvia on the royal yacht Vela.",
        "tense",
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # two spells: two games still to come, four games missed
        ("Arvia striker Dana Novak will miss the final two games of the Belmont league season.",
         "Arvia striker Dana Novak missed four games of the Belmont league season in October."),
        # an earlier occasion: the last time they played is not the game still to come
        ("Arvia will play Belmont in the Tarnow cup final at the new stadium on Saturday.",
         "The last time Arvia played Belmont in the Tarnow cup final, the new stadium was full."),
        # "who directed" says who he is, not that the sequel is done
        ("Tomas Weitz, who directed The Golden Arvia, is set to direct the Belmont sequel.",
         "Tomas Weitz, who directed The Golden Arvia, is in talks over the Belmont sequel."),
    ],
)
def test_other_spells_an_earlier_occasion_or_who_someone_is_are_not_a_tense_conflict(
    first: str, second: str
) -> None:
    assert not _kinds(first, second, "tense")


def test_an_event_to_come_and_done_in_other_words_is_shown_with_its_tense_conflict() -> None:
    """"is set to fly to Tarnow after her trip to Belmont" and "After Belmont, the president
    traveled to Tarnow" share little besides names, so they score under the shown threshold;
    told as still to come and as done, they are one event reported at two moments, shown as
    `related` with the conflict."""
    story = make_story(
        ["The two leaders signed a mutual defence treaty in Belmont on Wednesday after long talks.",
         "Crowds lined the streets of the capital to greet the visiting president.",
         "The president is set to fly to Tarnow after her trip to Belmont, her office said.",
         "The weather was cold and windy all week in the region."],
        ["The two leaders signed a mutual defence treaty in Belmont on Wednesday after talks.",
         "After Belmont, the president traveled to Tarnow to strengthen ties with an old partner.",
         "Local schools stayed open despite the visit of the president."],
    )
    alignment = align_story(story)
    (match,) = [m for m in alignment.matches if (m.a.paragraph, m.b.paragraph) == (2, 1)]
    assert match.grade == "related" and match.score < SAME
    (conflict,) = [c for c in alignment.conflicts if c.kind == "tense"]
    assert _texts(conflict) == {"set to fly", "traveled"}


def test_the_seeds_vietnam_leg_is_told_as_to_come_and_as_done() -> None:
    """AFP's "set to fly to Hanoi" and Politico's "Putin traveled to Vietnam"."""
    alignment = align_story(load_story([SEEDS]))
    tenses = [c for c in alignment.conflicts if c.kind == "tense"]
    assert any(_texts(c) == {"set to fly", "traveled"} for c in tenses)


def test_a_quote_passed_on_by_a_third_party_and_told_first_hand_is_an_attribution_conflict() -> None:
    """“…,” an agency quoted the mayor as saying vs “…,” the mayor said: who the words come from."""
    (conflict,) = _kinds(
        "“We will rebuild the Ostrava bridge before the spring floods,” the regional news agency"
        " Vesta quoted Mayor Ilse Brandt as saying.",
        "“We will rebuild the Ostrava bridge before the spring floods,” Mayor Ilse Brandt said.",
        "attribution",
    )
    assert _texts(conflict) == {"regional news agency Vesta quoted", "said"}


def test_an_excerpt_of_the_quote_counts_and_a_named_source_does_not() -> None:
    """An excerpt of the relayed quote told first-hand is a conflict; "according to police" vs
    "police said", or a relay on both sides, is one source, not a conflict."""
    assert _kinds(
        "“We will rebuild the Ostrava bridge before the spring floods,” Mayor Ilse Brandt said,"
        " according to the Vesta news agency.",
        "The mayor said the city would rebuild the bridge “before the spring floods” this year.",
        "attribution",
    )
    assert not _kinds(
        "“Two men broke into the Ostrava warehouse at night,” according to the city police.",
        "“Two men broke into the Ostrava warehouse at night,” the city police said on Monday.",
        "attribution",
    )
    assert not _kinds(
        "“We will rebuild the Ostrava bridge before the spring floods,” Vesta quoted the mayor"
        " as saying.",
        "“We will rebuild the Ostrava bridge before the spring floods,” the mayor said, according"
        " to the Ceska agency.",
        "attribution",
    )


def test_one_thing_listed_with_different_items_is_a_wording_conflict() -> None:
    """"covers fishing, shipping and forestry" vs "covers mining, tourism and rail links"."""
    (conflict,) = _kinds(
        "The Ostrava accord covers fishing, shipping and forestry, the two governments said.",
        "The Ostrava accord covers mining, tourism and rail links, the two governments said.",
        "wording",
    )
    assert _texts(conflict) == {"fishing, shipping and forestry", "mining, tourism and rail links"}


def test_a_list_with_an_item_added_or_of_other_things_is_not_a_wording_conflict() -> None:
    """One more item is more detail; lists after words that share nothing are of other things."""
    assert not _kinds(
        "The Ostrava accord covers fishing, shipping and forestry, the two governments said.",
        "The Ostrava accord covers fishing, shipping, forestry and tourism, the governments said.",
        "wording",
    )
    assert not _kinds(
        "The Ostrava accord was signed by Poland, Austria and Hungary after long talks.",
        "The Ostrava accord was signed after long talks; it covers fishing, shipping and rail.",
        "wording",
    )
