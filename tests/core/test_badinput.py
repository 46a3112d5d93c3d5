"""Bad input never crashes and never goes silent: each bad file gets one clear reason naming
it, and the rest of the story loads. The corpus is generated here, in tmp_path."""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tui.core import load as load_module
from tui.core import align_story, load_story
from tui.core.model import Problem, Story
from tui.core.segment import PIECE

GOOD = "A headline for the test\nThe first paragraph of the article is a plain sentence.\n"
ACCENTED = "Café in Zürich\nÇa va très bien, said the naïve façade’s “owner” — for 5 €.\n"


def _good(folder: Path, name: str = "good.txt") -> Path:
    path = folder / name
    path.write_text(GOOD, encoding="utf-8")
    return path


def _problem(story: Story, fragment: str) -> Problem:
    matches = [p for p in story.problems if p.path.rsplit("/", 1)[-1] == fragment]
    assert len(matches) == 1, story.problems
    return matches[0]


def test_empty_and_blank_files(tmp_path: Path) -> None:
    """An empty or whitespace-only file is skipped as empty; the good file still loads."""
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n\t \r\n")
    _good(tmp_path)
    story = load_story([tmp_path])
    assert [a.id for a in story.articles] == ["good"]
    assert "empty" in _problem(story, "empty.txt").reason
    assert "empty" in _problem(story, "blank.txt").reason


def test_binary_files(tmp_path: Path) -> None:
    """Binary files are refused as binary, named by kind where it is known."""
    (tmp_path / "noise.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    (tmp_path / "doc.md").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    _good(tmp_path)
    story = load_story([tmp_path])
    assert [a.id for a in story.articles] == ["good"]
    assert "binary" in _problem(story, "noise.txt").reason
    assert "PNG" in _problem(story, "photo.txt").reason
    assert "PDF" in _problem(story, "doc.md").reason


def test_a_50_mb_file_is_skipped_by_size(tmp_path: Path) -> None:
    """A file over the limit is skipped with its size in the message, without being read."""
    with open(tmp_path / "huge.txt", "wb") as handle:
        handle.truncate(50 * 2**20)
    _good(tmp_path)
    story = load_story([tmp_path])
    reason = _problem(story, "huge.txt").reason
    assert "too large" in reason and "50.0 MB" in reason
    assert len(story.articles) == 1


def test_a_one_megabyte_line_loads_in_pieces(tmp_path: Path) -> None:
    """A single 1 MB line with no sentence end loads without hanging the segmenter, cut at
    spaces into pieces no longer than a long paragraph, every word kept, with a note."""
    line = ("The ministry said the figures, released on Monday, showed a rise. " * 16_000)[:2**20]
    line = line.replace(". ", ", ")
    (tmp_path / "long.txt").write_text("A headline\n" + line + "\n")
    result: list[Story] = []
    worker = threading.Thread(target=lambda: result.append(load_story([tmp_path])), daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert result, "loading a 1 MB line did not finish"
    (article,) = result[0].articles
    head, *body = article.paragraphs
    assert head.role == "headline" and len(body) > 600
    assert max(len(p.text) for p in body) <= PIECE
    assert " ".join(p.text for p in body).split() == line.split()
    note = _problem(result[0], "long.txt")
    assert not note.fatal and "cut into pieces" in note.reason


def test_a_text_without_paragraph_breaks_is_cut_at_sentence_ends(tmp_path: Path) -> None:
    """A whole article flattened to one line (here 200 sentences) reads as paragraphs of whole
    sentences, and still aligns with the same fact told elsewhere."""
    sentences = [f"Officials in district {k} counted {k * 7} new voters." for k in range(200)]
    sentences[120] = "The Geneva observers counted 4,182 ballots spoiled by floodwater in Kaduna."
    (tmp_path / "flat.txt").write_text("Flat headline\n" + " ".join(sentences) + "\n")
    (tmp_path / "other.txt").write_text(
        "Other headline\nObservers from Geneva said floodwater spoiled 4,182 ballots in Kaduna.\n"
    )
    story = load_story([tmp_path])
    flat = next(a for a in story.articles if a.path.endswith("flat.txt"))
    body = flat.paragraphs[1:]
    assert 1 < len(body) <= 20
    assert all(p.text.endswith(".") and len(p.text) <= PIECE for p in body)
    assert sum(len(p.text.split()) for p in body) == sum(len(s.split()) for s in sentences)
    (match,) = [
        m
        for m in align_story(story).matches
        if "Geneva" in flat.paragraphs[(m.a if m.a.article == flat.id else m.b).paragraph].text
    ]
    assert match.grade == "same"


def test_a_file_of_a_million_lines_reads_its_first_paragraphs_with_a_note(
    tmp_path: Path,
) -> None:
    """A million short lines (a log, a word list) load as the first `MAX_PARAGRAPHS`, in
    order, with a note that the rest is skipped; the other files of the story are read."""
    _good(tmp_path)
    lines = (f"entry {k}" for k in range(1_000_000))  # (12 MB: under the size limit)
    (tmp_path / "log.txt").write_text("A log headline\n" + "\n".join(lines) + "\n")
    story = load_story([tmp_path])
    log = next(a for a in story.articles if a.path.endswith("log.txt"))
    assert len(log.paragraphs) == load_module.MAX_PARAGRAPHS
    assert log.paragraphs[-1].text == f"entry {load_module.MAX_PARAGRAPHS - 2}"
    note = _problem(story, "log.txt")
    assert not note.fatal and "first 20,000 paragraphs are read, the rest is skipped" in note.reason
    assert len(story.articles) == 2


def test_a_wrapped_text_past_the_line_limit_reads_its_first_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past `MAX_LINES` lines the rest of a text is skipped with a note naming the lines, even
    when its paragraphs (hard-wrapped, three lines each) stay under `MAX_PARAGRAPHS`."""
    monkeypatch.setattr(load_module, "MAX_LINES", 30)
    paragraph = (
        "The council met on Monday evening to discuss the new budget for the\n"
        "coming year, which includes money for roads, schools and the library\n"
        "on the high street, and voted to approve it by seven votes to two.\n"
    )
    (tmp_path / "wrapped.txt").write_text("\n".join([paragraph] * 40))
    story = load_story([tmp_path])
    (article,) = story.articles
    assert len(article.paragraphs) == 8  # 30 lines: 7 whole paragraphs and the start of one
    note = _problem(story, "wrapped.txt")
    assert "only its first 30 lines are read" in note.reason


def test_standard_input_that_never_ends_is_cut_at_the_size_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`-` reads no more than a file may hold: a pipe of endless bytes (`< /dev/urandom`) is
    one line, not a reader stuck reading."""

    class Endless(io.RawIOBase):  # (it ends after 40 MB, so that a regression fails, not hangs)
        left = 40 * 2**20

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            n = min(len(buffer), self.left)
            buffer[:n] = b"a." * (n // 2) + b"a" * (n % 2)
            self.left -= n
            return n

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BufferedReader(Endless())))
    story = load_story(["-"])
    assert story.articles == ()
    assert [str(p) for p in story.problems] == ["-: too large (more than 20 MB), skipped"]


def test_a_one_megabyte_markdown_line_loads(tmp_path: Path) -> None:
    """A megabyte of link brackets in Markdown does not stall the parser."""
    (tmp_path / "brackets.md").write_text("# Title\n\n" + "[" * 2**20 + "\n")
    result: list[Story] = []
    worker = threading.Thread(target=lambda: result.append(load_story([tmp_path])), daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert result, "loading a 1 MB Markdown line did not finish"
    head, *body = result[0].articles[0].paragraphs
    assert head.role == "headline" and sum(len(p.text) for p in body) == 2**20
    assert max(len(p.text) for p in body) == PIECE


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("latin1.txt", ACCENTED.replace("’", "'").replace("“", '"').replace("”", '"')
         .replace(" — for 5 €", "").encode("latin-1")),
        ("cp1252.txt", ACCENTED.encode("cp1252")),
        ("utf16-bom-le.txt", ACCENTED.encode("utf-16")),
        ("utf16-bom-be.txt", b"\xfe\xff" + ACCENTED.encode("utf-16-be")),
        ("utf16-no-bom.txt", ACCENTED.encode("utf-16-le")),
        ("utf16-no-bom-be.txt", ACCENTED.encode("utf-16-be")),
        ("utf8-bom.txt", b"\xef\xbb\xbf" + ACCENTED.encode("utf-8")),
    ],
)  # fmt: skip
def test_encodings_are_detected(tmp_path: Path, name: str, data: bytes) -> None:
    """Latin-1, Windows-1252 and UTF-16 (with or without BOM) read back as the same text."""
    (tmp_path / name).write_bytes(data)
    expected = data.decode("utf-16" if "utf16" in name and "no-bom" not in name else
                           "utf-16-le" if name == "utf16-no-bom.txt" else
                           "utf-16-be" if "utf16" in name else
                           "utf-8-sig" if "utf8" in name else
                           "cp1252")  # fmt: skip
    story = load_story([tmp_path / name])
    (article,) = story.articles
    assert [p.text for p in article.paragraphs] == expected.strip().split("\n")
    assert all(p.fatal is False for p in story.problems)


def test_guessed_encoding_is_noted(tmp_path: Path) -> None:
    """A file that is not UTF-8 loads, with a non-fatal note saying how it was read."""
    (tmp_path / "w.txt").write_bytes(ACCENTED.encode("cp1252"))
    story = load_story([tmp_path / "w.txt"])
    (note,) = story.problems
    assert not note.fatal and "not UTF-8" in note.reason


def test_windows_1252_text_with_a_terminal_escape_loads_clean(tmp_path: Path) -> None:
    """A short Windows-1252 file with a pasted colour escape is an article, not binary: it loads
    with the escape dropped and a note on how it was read."""
    data = "Café in München, said the “mayor”.\n\nThe \x1b[31mred\x1b[0m word.\n".encode("cp1252")
    (tmp_path / "w.txt").write_bytes(data)
    story = load_story([tmp_path / "w.txt"])
    (article,) = story.articles
    assert [p.text for p in article.paragraphs] == [
        "Café in München, said the “mayor”.", "The red word."
    ]
    (note,) = story.problems
    assert not note.fatal and "not UTF-8" in note.reason


def test_random_bytes_without_nul_are_refused(tmp_path: Path) -> None:
    """Short runs of random bytes (no NUL to give them away) are refused as binary, never read
    as a Western article of mojibake."""
    rng = random.Random(7)
    for k in range(200):
        size = rng.randrange(20, 320)
        data = bytes(rng.randrange(1, 256) for _ in range(size))
        (tmp_path / f"r{k}.bin").write_bytes(data)
    story = load_story([tmp_path / f"r{k}.bin" for k in range(200)])
    assert not story.articles
    assert len(story.problems) == 200
    assert all(p.fatal for p in story.problems)
    assert sum("binary" in p.reason for p in story.problems) >= 190


def test_invalid_utf8_bytes_are_replaced(tmp_path: Path) -> None:
    """A UTF-8 file with a stray bad byte keeps its good text and says what was replaced."""
    (tmp_path / "bad.txt").write_bytes(ACCENTED.encode("utf-8") + b"One bad \xff byte here.\n")
    story = load_story([tmp_path])
    (article,) = story.articles
    assert article.paragraphs[0].text == "Café in Zürich"
    assert article.paragraphs[-1].text == "One bad \ufffd byte here."
    assert "invalid UTF-8" in _problem(story, "bad.txt").reason


def test_crlf_reads_like_lf(tmp_path: Path) -> None:
    """CRLF and LF files give the same paragraphs."""
    (tmp_path / "a.txt").write_bytes(GOOD.encode())
    (tmp_path / "b.txt").write_bytes(GOOD.replace("\n", "\r\n").encode())
    a, b = load_story([tmp_path]).articles
    assert a.paragraphs == b.paragraphs


def test_escape_sequences_never_reach_the_article(tmp_path: Path) -> None:
    """Terminal escapes in a file are stripped at load; Rich markup stays literal text."""
    hostile = (
        "Title\x1b]0;pwned\x07 here\n"
        "Body \x1b[2J\x1b]52;c;ZXZpbA==\x07[bold]text[/bold].\u202e\n"
    )
    (tmp_path / "h.txt").write_text(hostile)
    (article,) = load_story([tmp_path]).articles
    assert [p.text for p in article.paragraphs] == ["Title here", "Body [bold]text[/bold]."]


def test_file_that_vanishes_between_listing_and_reading(tmp_path: Path) -> None:
    """A file deleted after the folder was listed is reported as vanished."""
    _good(tmp_path, "a.txt")
    _good(tmp_path, "b.txt")

    def delete_b(done: int, total: int, path: str) -> None:
        if done == 1:
            (tmp_path / "b.txt").unlink()

    story = load_story([tmp_path], progress=delete_b)
    assert [a.id for a in story.articles] == ["a"]
    assert "vanished" in _problem(story, "b.txt").reason


def test_unreadable_file_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that cannot be opened gives "permission denied" (simulated: works as root too)."""
    _good(tmp_path, "a.txt")
    locked = _good(tmp_path, "locked.txt")
    real_open = open

    def guarded_open(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(load_module, "open", guarded_open, raising=False)
    story = load_story([tmp_path])
    assert [a.id for a in story.articles] == ["a"]
    assert _problem(story, "locked.txt").reason == "permission denied"


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root can read a chmod 000 file"
)
def test_unreadable_file_for_real(tmp_path: Path) -> None:
    """chmod 000 gives "permission denied"."""
    locked = _good(tmp_path, "locked.txt")
    locked.chmod(0)
    try:
        story = load_story([tmp_path])
    finally:
        locked.chmod(0o644)
    assert _problem(story, "locked.txt").reason == "permission denied"


def test_symlink_loops(tmp_path: Path) -> None:
    """A file link loop is reported; a folder link loop is walked once."""
    _good(tmp_path)
    (tmp_path / "x.txt").symlink_to(tmp_path / "y.txt")
    (tmp_path / "y.txt").symlink_to(tmp_path / "x.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "back").symlink_to(tmp_path)
    story = load_story([tmp_path])
    assert [a.id for a in story.articles] == ["good"]
    assert "loop" in _problem(story, "x.txt").reason
    assert "loop" in _problem(story, "y.txt").reason
    assert any(not p.fatal and "link loop" in p.reason for p in story.problems)


def test_hidden_and_non_article_files_are_skipped_with_a_note(tmp_path: Path) -> None:
    """Hidden files and folders and non-article suffixes are counted in one note."""
    _good(tmp_path)
    _good(tmp_path, ".hidden.txt")
    (tmp_path / ".git").mkdir()
    _good(tmp_path / ".git", "x.txt")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "gold.json").write_text("{}")
    story = load_story([tmp_path])
    assert [a.id for a in story.articles] == ["good"]
    (note,) = story.problems
    assert not note.fatal
    assert all(word in note.reason for word in ("hidden file", "hidden folder", ".jpg", ".json"))


def test_folders_nested_a_thousand_deep_are_skipped_with_a_note(tmp_path: Path) -> None:
    """A folder tree deeper than the walk recurses (1,100 levels) gives a note, not a
    traceback; the files within `MAX_DEPTH` levels are read."""
    _good(tmp_path)
    levels = [str(tmp_path)]
    for _ in range(1_100):  # (one level at a time: makedirs and rmtree recurse too)
        levels.append(os.path.join(levels[-1], "d"))
        os.mkdir(levels[-1])
    _good(Path(levels[-1]), "deep.txt")
    _good(Path(levels[load_module.MAX_DEPTH]), "shallow.txt")
    try:
        story = load_story([tmp_path])
    finally:
        for name in ("deep.txt", "shallow.txt"):
            for folder in (levels[-1], levels[load_module.MAX_DEPTH]):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(os.path.join(folder, name))
        for folder in reversed(levels[1:]):
            os.rmdir(folder)
    assert sorted(Path(a.path).name for a in story.articles) == ["good.txt", "shallow.txt"]
    note = _problem(story, tmp_path.name)
    assert not note.fatal and "nested deeper than 32 levels" in note.reason


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    """A missing path and a folder with no article each give a fatal problem."""
    (tmp_path / "empty").mkdir()
    story = load_story([tmp_path / "nope", tmp_path / "empty"])
    assert story.articles == ()
    assert "no such file" in _problem(story, "nope").reason
    assert "no article files" in _problem(story, "empty").reason


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_never_opened(tmp_path: Path) -> None:
    """A FIFO named on the command line is refused instead of blocking the load."""
    os.mkfifo(tmp_path / "pipe.txt")
    story = load_story([tmp_path / "pipe.txt"])
    assert "not a regular file" in _problem(story, "pipe.txt").reason


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses non-UTF-8 file names")
def test_non_utf8_file_name(tmp_path: Path) -> None:
    """A file whose name is not UTF-8 loads, and its id and path print as UTF-8."""
    raw_name = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(raw_name, "wb") as handle:
        handle.write(GOOD.encode())
    (article,) = load_story([tmp_path]).articles
    assert article.id == "caf\ufffd"
    article.path.encode("utf-8")


def test_ten_thousand_files_with_progress(tmp_path: Path) -> None:
    """A folder of 10,000 files loads in order, and progress is reported for every file."""
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"{i:05d}.txt").write_text(f"Headline {i}\nBody text number {i} of the story.\n")
    calls: list[tuple[int, int]] = []
    story = load_story([folder], progress=lambda done, total, path: calls.append((done, total)))
    assert len(story.articles) == 10_000
    assert story.articles[0].id == "00000" and story.articles[-1].id == "09999"
    assert calls[0] == (1, 10_000) and calls[-1] == (10_000, 10_000)
    assert len(calls) == 10_000


def test_cli_reports_each_bad_file_and_keeps_the_rest(tmp_path: Path) -> None:
    """`samefact align` prints one line per bad file on stderr, no traceback, and the good
    articles on stdout; exit status 1 only when nothing could be read."""
    _good(tmp_path, "a.txt")
    _good(tmp_path, "b.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "noise.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "x.txt").symlink_to(tmp_path / "x.txt")
    run = [sys.executable, "-m", "tui", "align", "--json"]
    result = subprocess.run([*run, str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3
    for name in ("empty.txt", "noise.txt", "x.txt"):
        assert sum(name in line for line in lines) == 1
    assert [a["id"] for a in json.loads(result.stdout)["articles"]] == ["a", "b"]
    only_bad = subprocess.run(
        [*run, str(tmp_path / "empty.txt"), str(tmp_path / "noise.txt")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert only_bad.returncode == 1 and "Traceback" not in only_bad.stderr


def test_a_number_word_matched_only_by_ignoring_case_aligns(tmp_path: Path) -> None:
    """A letter that matches an ASCII one only when case is ignored ("sİx", a dotted capital I)
    is no figure to read: the story aligns, the plain "six" elsewhere is still a figure."""
    from tui.core import align_story
    from tui.core.numbers import find_quantities

    (tmp_path / "a.txt").write_text(
        "Flood in the valley\nThe flood killed sİx people in the town on Monday, officials said.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Valley flood\nThe flood killed six people in the town, officials said on Monday.\n",
        encoding="utf-8",
    )
    alignment = align_story(load_story([tmp_path]))
    assert len(alignment.story.articles) == 2
    assert find_quantities("sİx people") == []
    assert [q.value for q in find_quantities("six people")] == [6.0]
