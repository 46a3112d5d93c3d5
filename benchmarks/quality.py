"""Quality of the alignment against the gold, with the plain fuzzy baseline beside it.

    python benchmarks/quality.py [EVAL_DIR] [--gold-roles] [--details] [--gold-facts] [--ecb-conflicts]

EVAL_DIR holds `seeds-gold.json` and `ecbplus/` (or `clusters/ecbplus/`); the default is the
copy in `tests/data`. The seeds are read from the repository's `seeds/`.

Prints, for the seeds: precision/recall/F1 of `same` pairs (strict: against gold `same`; and the
share of predicted `same` pairs that are gold pairs of either grade), F1 of everything shown against
every gold pair, the six facts every outlet reports, and the conflicts found. For ECB+: every
emitted match against the gold pairs, pooled over the dev stories and over the held-out stories
(split in `evaldata.HELD_OUT_TOPICS`); and the same restricted to pairs of sentences that the
ECB+ annotators covered fully (`scope` in each `gold.json`), where the gold is complete, so
that a true match the partial annotation left out does not count as a false one. The baseline is `fuzz.token_set_ratio` at its best threshold
(chosen on the seeds for the seeds, on the dev stories for ECB+).

`--gold-facts` also finds the seeds' conflicts with the gold facts as the facts (and no matches),
to tell the conflict detector's quality from the fact grouping's. ECB+ prints how many conflicts
each story gets, by kind; `--ecb-conflicts` lists those of the dev stories for reading.

`--gold-roles` drops predicted pairs that touch the gold's boilerplate and subheadings (for a
loader without roles; the real figures are without it).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz import fuzz, utils  # noqa: E402

from benchmarks.evaldata import (  # noqa: E402
    DEFAULT_EVAL,
    HELD_OUT_TOPICS,
    SEEDS,
    Pair,
    Ref,
    conflict_refs,
    ecb_candidates,
    ecb_stories,
    prf,
    read_seeds_gold,
)
from tui.core import Alignment, Story, align_story, load_story  # noqa: E402
from tui.core.conflicts import find_conflicts  # noqa: E402
from tui.core.variants import variant_groups  # noqa: E402
from tui.core.features import index_story  # noqa: E402
from tui.core.model import Fact  # noqa: E402
from tui.core.model import Ref as Ref_  # noqa: E402


def _pairs(alignment: Alignment, grade: str | None = None) -> set[Pair]:
    return {
        frozenset(((m.a.article, m.a.paragraph), (m.b.article, m.b.paragraph)))
        for m in alignment.matches
        if grade is None or m.grade == grade
    }


def _text(story: Story) -> dict[Ref, str]:
    return {(a.id, p.n): p.text for a in story.articles for p in a.paragraphs}


def baseline_scores(story: Story, refs: list[Ref]) -> dict[Pair, float]:
    """token_set_ratio (thefuzz's default processing) for every cross-article pair of `refs`."""
    text = {r: utils.default_process(t) for r, t in _text(story).items()}
    out: dict[Pair, float] = {}
    for i, x in enumerate(refs):
        for y in refs[i + 1 :]:
            if x[0] != y[0]:
                out[frozenset((x, y))] = fuzz.token_set_ratio(text[x], text[y])
    return out


def best_threshold(scores: dict[Pair, float], gold: set[Pair]) -> tuple[float, tuple]:
    """The integer threshold with the best F1, and its (P, R, F1)."""
    best = (0.0, (0.0, 0.0, 0.0))
    for t in range(30, 101):
        got = prf({p for p, s in scores.items() if s >= t}, gold)
        if got[2] > best[1][2]:
            best = (float(t), got)
    return best


def _fmt(label: str, got: tuple, base: tuple | None = None) -> str:
    line = f"  {label:<34} P {got[0]:.3f}  R {got[1]:.3f}  F1 {got[2]:.3f}"
    if base is not None:
        line += f"   | baseline P {base[0]:.3f}  R {base[1]:.3f}  F1 {base[2]:.3f}"
    return line


def seeds_report(eval_dir: Path, gold_roles: bool, details: bool, gold_facts: bool = False) -> None:
    gold = read_seeds_gold(eval_dir)
    story = load_story([SEEDS])
    align_story(story)  # warm up imports and caches before timing
    start = time.perf_counter()
    alignment = align_story(story)
    elapsed = time.perf_counter() - start
    drop = gold.excluded if gold_roles else set()

    def keep(pairs: set[Pair]) -> set[Pair]:
        return {p for p in pairs if not (p & drop)}

    same, shown = keep(_pairs(alignment, "same")), keep(_pairs(alignment))
    gold_same = {p for p, g in gold.pairs.items() if g == "same"}
    gold_all = set(gold.pairs)
    refs = [(a.id, p.n) for a in story.articles for p in a.paragraphs if (a.id, p.n) not in gold.excluded]
    base = baseline_scores(story, refs)
    t_same, b_same = best_threshold(base, gold_same)
    t_all, b_all = best_threshold(base, gold_all)
    print(f"seeds ({len(story.articles)} articles, aligned in {elapsed * 1000:.1f} ms"
          f"{', gold roles' if gold_roles else ''})")
    print(_fmt("same vs gold same", prf(same, gold_same), b_same) + f" @{t_same:.0f}")
    lenient = len(same & gold_all) / len(same) if same else 0.0
    print(f"  {'same: share that are gold pairs':<34} {lenient:.3f}")
    print(_fmt("shown vs gold same+related", prf(shown, gold_all), b_all) + f" @{t_all:.0f}")
    print(f"  predicted: {len(same)} same, {len(shown) - len(same)} related")
    _facts_report(alignment, gold)
    _conflicts_report(alignment, gold, [a.id for a in story.articles], details)
    if gold_facts:
        facts = [
            Fact(f["id"], tuple(Ref_(*_ref_of(m)) for m in f["members"]), f["what"])
            for f in gold.facts
        ]
        conflicts = find_conflicts(index_story(story), facts)
        print("  with the gold facts as the facts (no matches):")
        _conflicts_report(Alignment(story, (), tuple(facts), tuple(conflicts)), gold,
                          [a.id for a in story.articles], details)
    if details:
        _pair_details(story, alignment, gold, same, shown)


def _facts_report(alignment: Alignment, gold) -> None:
    """A gold fact every outlet reports is found when one predicted fact spans all its outlets
    with members that are mostly (≥ 60 %) members of that gold fact."""
    found = []
    for fact in gold.facts:
        if fact["outlets"] < 5:
            continue
        members = {tuple(_ref_of(m)) for m in fact["members"]}
        outlets = {r[0] for r in members}
        ok = False
        for pf in alignment.facts:
            refs = {(r.article, r.paragraph) for r in pf.members}
            inside = refs & members
            if {r[0] for r in inside} >= outlets and len(inside) >= 0.6 * len(refs):
                ok = True
                break
        found.append((fact["id"], ok))
    n_ok = sum(ok for _, ok in found)
    print(f"  facts reported by all five outlets found as one fact: {n_ok}/{len(found)} "
          + " ".join(f"{i}{'✓' if ok else '✗'}" for i, ok in found))
    multi = sum(1 for f in alignment.facts if not f.unique)
    print(f"  predicted facts: {multi} across outlets, {len(alignment.facts) - multi} unique")


def _ref_of(text: str) -> Ref:
    name, _, n = text.rpartition("#")
    return (Path(name).stem, int(n))


def _conflicts_report(alignment: Alignment, gold, stems: list[str], details: bool) -> None:
    """A predicted conflict counts for a gold conflict when two of its versions' paragraphs are
    paragraphs the gold conflict names; each gold conflict is credited once."""
    gold_refs = [conflict_refs(c["what"], stems) for c in gold.conflicts]
    credited: dict[int, object] = {}
    false = []
    for conflict in alignment.conflicts:
        refs = {(v.ref.article, v.ref.paragraph) for v in conflict.versions}
        hits = [i for i, g in enumerate(gold_refs) if len(refs & g) >= 2]
        fresh = [i for i in hits if i not in credited]
        if fresh:
            credited[fresh[0]] = conflict
        elif not hits:
            false.append(conflict)
    print(f"  conflicts: {len(credited)}/{len(gold.conflicts)} gold found, {len(false)} false, "
          f"{len(alignment.conflicts)} reported")
    # The conflicts view also lists figures that differ but agree through their hedges, marked
    # compatible with the reason (`variants`); a gold conflict it shows that way is found too.
    compatible = [g for g in variant_groups(alignment) if g.state == "compatible"]
    shown = dict(credited)
    for group in compatible:
        refs = {(v.ref.article, v.ref.paragraph) for v in group.versions}
        fresh = [i for i, g in enumerate(gold_refs) if len(refs & g) >= 2 and i not in shown]
        if fresh:
            shown[fresh[0]] = group
    print(f"  conflicts view: {len(shown)}/{len(gold.conflicts)} gold shown (conflicting, or "
          f"compatible with the reason), {len(compatible)} compatible families")
    if details:
        for i, c in enumerate(gold.conflicts):
            mark = "✓" if i in credited else "≈" if i in shown else "✗"
            print(f"    {mark} {c['fact']}: {c['what'][:110]}")
            if i in shown:
                print(f"        by {shown[i].kind}: {shown[i].reason[:110]}")
        for c in false:
            print(f"    FALSE {c.kind}: {c.reason[:120]}")


def _pair_details(story, alignment, gold, same, shown) -> None:
    text = _text(story)
    score = {frozenset(((m.a.article, m.a.paragraph), (m.b.article, m.b.paragraph))): m for m in alignment.matches}
    print("  -- predicted same, not gold same:")
    for p in sorted(same - {q for q, g in gold.pairs.items() if g == "same"}, key=sorted):
        a, b = sorted(p)
        print(f"    {a[0][:3]}#{a[1]} {b[0][:3]}#{b[1]} {score[p].score:.2f} gold={gold.pairs.get(p, '-')}"
              f"  {text[a][:60]!r} | {text[b][:60]!r}")
    print("  -- gold same, missed (not shown at all):")
    for p in sorted({q for q, g in gold.pairs.items() if g == "same"} - shown, key=sorted):
        a, b = sorted(p)
        print(f"    {a[0][:3]}#{a[1]} {b[0][:3]}#{b[1]}  {text[a][:60]!r} | {text[b][:60]!r}")


def ecb_report(eval_dir: Path, show_conflicts: bool = False) -> None:
    sets: dict[str, dict] = {"dev": {}, "held-out": {}}
    for ecb in ecb_stories(eval_dir):
        story = ecb.story()
        part = sets["held-out" if ecb.held_out else "dev"]
        alignment = align_story(story)
        part.setdefault("conflicts", []).append((ecb.name, len(alignment.conflicts), alignment))
        predicted = {p for p in _pairs(alignment) if all(r[1] > 0 for r in p)}
        refs = [r for pair in ecb_candidates(story) for r in pair]
        refs = list(dict.fromkeys(refs))
        base = baseline_scores(story, refs)
        for key, value in (("pred", predicted), ("gold", ecb.pairs)):
            part.setdefault(key, set()).update({(ecb.name, p) for p in value})
        part.setdefault("base", {}).update({(ecb.name, p): s for p, s in base.items()})
        part.setdefault("scope", set()).update(
            (ecb.name, p) for p in base if all(r in ecb.scope for r in p)
        )
    t_dev, _ = best_threshold(sets["dev"]["base"], sets["dev"]["gold"])
    print(f"ECB+ (held-out topics: {', '.join(HELD_OUT_TOPICS)}; baseline threshold {t_dev:.0f} from dev)")
    for name, part in sets.items():
        base_pred = {p for p, s in part["base"].items() if s >= t_dev}
        print(_fmt(f"{name}: all pairs", prf(part["pred"], part["gold"]), prf(base_pred, part["gold"])))
        print(f"  {'':<34} predicted {len(part['pred'])}, gold {len(part['gold'])}")
        scope = part["scope"]
        print(_fmt(f"{name}: fully annotated", prf(part["pred"] & scope, part["gold"] & scope),
                   prf(base_pred & scope, part["gold"] & scope)))
        print(f"  {'':<34} {len(scope)} pairs of fully annotated sentences, "
              f"gold {len(part['gold'] & scope)}")
    for name, part in sets.items():
        counts = sorted(n for _, n, _ in part["conflicts"])
        kinds: dict[str, int] = {}
        for _, _, alignment in part["conflicts"]:
            for c in alignment.conflicts:
                kinds[c.kind] = kinds.get(c.kind, 0) + 1
        print(f"  {name}: conflicts per story: {sum(counts)} in {len(counts)} stories, median "
              f"{counts[len(counts) // 2] if counts else 0}, max {counts[-1] if counts else 0}; "
              + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    if show_conflicts:
        for story_name, _, alignment in sets["dev"]["conflicts"]:
            for c in alignment.conflicts:
                print(f"    {story_name} {c.kind}: {c.reason[:140]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", nargs="?", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--gold-roles", action="store_true")
    parser.add_argument("--details", action="store_true")
    parser.add_argument("--seeds-only", action="store_true")
    parser.add_argument("--gold-facts", action="store_true",
                        help="also find conflicts with the gold facts as the facts (no matches)")
    parser.add_argument("--ecb-conflicts", action="store_true",
                        help="print every conflict of the ECB+ dev stories")
    args = parser.parse_args()
    seeds_report(args.eval_dir, args.gold_roles, args.details, args.gold_facts)
    if not args.seeds_only:
        ecb_report(args.eval_dir, args.ecb_conflicts)


if __name__ == "__main__":
    main()
