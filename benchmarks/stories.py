"""Benchmark stories made of real news paragraphs (the seeds and the ECB+ texts in tests/data).

- `write_long_story(folder)`: a seeds-like story of five outlets in which the first article
  (the one the reader opens) has 200 paragraphs: the longest seed article's paragraphs, in
  order, with ECB+ paragraphs between them; the other four seeds keep its facts corroborated.
- `write_big_story(folder, 500)`: 500 articles of 8–25 ECB+ paragraphs each.

Both are deterministic (a fixed random seed), so every run measures the same text.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ECBPLUS = ROOT / "tests" / "data" / "ecbplus"
_PLAIN_START = re.compile(r"^[A-Za-z][A-Za-z ,]{23}")


@dataclass(frozen=True)
class StoryFiles:
    """A generated story: its folder, the article opened first, and a text that proves it is shown."""

    folder: Path
    first_article: Path
    marker: str
    """The start of the first article's first body paragraph (plain ASCII, 24 characters)."""


def _paragraphs(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def ecb_paragraphs(min_length: int = 60) -> list[str]:
    """Every ECB+ body paragraph of at least `min_length` characters, in file order."""
    found: list[str] = []
    for path in sorted(ECBPLUS.glob("*/*.txt")):
        found.extend(p for p in _paragraphs(path)[1:] if len(p) >= min_length)
    return found


def _marker(paragraphs: list[str]) -> str:
    for paragraph in paragraphs:
        match = _PLAIN_START.match(paragraph)
        if match:
            return match.group(0)
    raise ValueError("no paragraph starts with plain text")


def _write_article(path: Path, headline: str, body: list[str]) -> None:
    path.write_text(headline + "\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")


def write_long_story(folder: Path, paragraphs: int = 200) -> StoryFiles:
    """Write the seeds-like story with a `paragraphs`-paragraph first article into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted(SEEDS.glob("*.txt"))
    longest = max(seeds, key=lambda path: len(_paragraphs(path)))
    seed_lines = _paragraphs(longest)
    headline, seed_body = seed_lines[0], seed_lines[1:]
    fill = ecb_paragraphs()
    random.Random(200).shuffle(fill)
    body = _interleave(seed_body, fill[: max(0, paragraphs - len(seed_body))])[:paragraphs]
    first = folder / "0000_long_report.txt"
    # The marker paragraph leads, so that it is on the first screen of every program.
    lead = next(p for p in body if _PLAIN_START.match(p))
    body.remove(lead)
    body.insert(0, lead)
    _write_article(first, headline, body)
    for seed in seeds:
        if seed != longest:
            (folder / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    return StoryFiles(folder, first, _marker(body))


def _interleave(keep: list[str], fill: list[str]) -> list[str]:
    """`keep` in order, with `fill` spread evenly between its items."""
    out: list[str] = []
    step = (len(fill) + len(keep)) / max(1, len(keep))
    fill_iter = iter(fill)
    for index, paragraph in enumerate(keep):
        out.append(paragraph)
        while len(out) < round((index + 1) * step):
            nxt = next(fill_iter, None)
            if nxt is None:
                break
            out.append(nxt)
    out.extend(fill_iter)
    return out


def write_big_story(folder: Path, articles: int = 500) -> StoryFiles:
    """Write a story of `articles` articles of 8–25 ECB+ paragraphs each into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    pool = ecb_paragraphs(40)
    rng = random.Random(500)
    first: Path | None = None
    marker = ""
    for index in range(articles):
        body = rng.sample(pool, rng.randint(8, 25))
        if index == 0:
            lead = next(p for p in pool if _PLAIN_START.match(p))
            body = [lead, *[p for p in body if p != lead]]
            marker = _marker(body)
        path = folder / f"{index:04d}_outlet{index}.txt"
        _write_article(path, f"Report {index}: {body[-1][:60]}", body)
        first = first or path
    assert first is not None
    return StoryFiles(folder, first, marker)
