"""The command line.

    samefact [PATH ...]                 open the reader (the bundled sample story without a path)
    samefact align PATH ... [--json]    align headless and print a report or JSON
    samefact report PATH ... [--format md|json|html] [-o FILE]
                                        write the story overview for sharing

Nothing here imports Textual unless the reader is opened.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from tui import __version__

SUBCOMMANDS = ("align", "report")


def _reader_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="samefact",
        description="Read one news story as told by several outlets, fact by fact.",
        epilog="Commands: 'samefact align PATH... [--json]' aligns headless. "
        "Without a PATH the bundled sample story opens.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    parser.add_argument("--version", action="version", version=f"samefact {__version__}")
    parser.add_argument(
        "--low-bandwidth",
        action="store_true",
        help="no animation, no smooth scrolling (slow SSH links); also `low_bandwidth` in config",
    )
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="start at the top: forget the place, marks and jumps saved for this story",
    )
    return parser


def _align_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="samefact align", description="Align a story headless and print the result."
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    parser.add_argument("--json", action="store_true", help="print the stable JSON shape")
    return parser


def _report_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="samefact report",
        description="Write the story overview: facts by outlet, exclusives, omissions, "
        "conflicts and quotes.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    parser.add_argument(
        "--format", choices=("md", "json", "html"), help="default: from the -o suffix, else md"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (- or none: stdout)")
    return parser


def _default_paths(paths: Sequence[str]) -> list[str]:
    if paths:
        return list(paths)
    from tui.resources import seeds_dir

    return [str(seeds_dir())]


def _error(message: str) -> None:
    print(f"samefact: {message}", file=sys.stderr)


def run_align(argv: Sequence[str]) -> int:
    """`samefact align`: load, align, print; one line per bad file on stderr."""
    args = _align_parser().parse_args(argv)
    from tui.core import align_story, load_story
    from tui.core.export import to_json, to_text
    from tui.progress import StderrProgress

    progress = StderrProgress.if_terminal("loading")
    story = load_story(_default_paths(args.paths), progress=progress)
    if progress is not None:
        progress.close()
    for problem in story.problems:
        _error(str(problem))
    if not story.articles:
        _error("no article could be read")
        return 1
    alignment = align_story(story)
    if args.json:
        json.dump(to_json(alignment), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(to_text(alignment) + "\n")
    return 0


def run_report(argv: Sequence[str]) -> int:
    """`samefact report`: align headless and write the overview as Markdown, JSON or HTML."""
    args = _report_parser().parse_args(argv)
    from pathlib import Path

    from tui.core import align_story, load_story
    from tui.core.report import render

    fmt = args.format
    if fmt is None:
        suffix = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
        fmt = {"htm": "html", "html": "html", "json": "json"}.get(suffix, "md")
    story = load_story(_default_paths(args.paths))
    for problem in story.problems:
        _error(str(problem))
    if not story.articles:
        _error("no article could be read")
        return 1
    text = render(align_story(story), fmt)
    if not args.output or args.output == "-":
        sys.stdout.write(text)
        return 0
    try:
        Path(args.output).write_text(text, encoding="utf-8")
    except OSError as error:
        _error(f"{args.output}: {error.strerror or error}")
        return 1
    print(args.output)
    return 0


def run_reader(argv: Sequence[str]) -> int:
    """`samefact [PATH...]`: open the reader."""
    args = _reader_parser().parse_args(argv)
    try:
        from tui.app import run
    except ImportError:
        return run_align(list(args.paths))
    paths = _default_paths(args.paths)
    if "-" in paths:
        stdin_copy = _stdin_for_reader()
        if stdin_copy is None:
            return 2
        paths = [stdin_copy if p == "-" else p for p in paths]
    return run(paths, low_bandwidth=args.low_bandwidth, fresh=args.fresh)


def _stdin_for_reader() -> str | None:
    """`samefact -`: keep the piped text in a file, then read keys from the terminal.

    The reader needs standard input for the keyboard, so the pipe is read first, kept in a
    private temporary file (read again on reload), and the terminal is put in its place,
    as `less` does.
    """
    import atexit
    import os
    import shutil
    import tempfile

    if sys.stdin.isatty():
        _error("-: standard input is a terminal; pipe a text, a page or a feed into samefact")
        return None
    data = sys.stdin.buffer.read()
    try:
        tty = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        _error("-: no terminal to read keys from; use 'samefact align -' instead")
        return None
    os.dup2(tty, 0)
    os.close(tty)
    folder = tempfile.mkdtemp(prefix="samefact-")
    atexit.register(shutil.rmtree, folder, True)
    path = os.path.join(folder, "stdin")
    with open(path, "wb") as handle:
        handle.write(data)
    return path


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `samefact` script and of `python -m tui`."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] == "report":
            return run_report(argv[1:])
        if argv and argv[0] in SUBCOMMANDS:
            return run_align(argv[1:])
        return run_reader(argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
