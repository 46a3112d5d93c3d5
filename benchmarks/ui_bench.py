"""How immediate and how light on the wire the reader is, beside `less` and a bare Textual app.

    python -m benchmarks.ui_bench [--repeat 3] [--json] [--samefact PATH] [--programs ...]

Every program runs in a pseudo-terminal of 120×40 (`TERM=xterm-256color`) whose output feeds
a pyte screen (see `pty_harness.py`), on the same text, in the same run, interleaved, so that
the noise of a shared machine hits all three alike. Programs:

- `less` on the 200-paragraph article;
- `minimal`: `benchmarks/minimal_app.py`, one Textual `Static` showing that article, run with
  the same Python;
- `samefact`: the installed reader (`samefact` beside this Python, or `--samefact`) on a
  seeds-like story of five outlets whose first article is the 200-paragraph one. Its package
  is byte-compiled first, as installing a wheel does (an editable install does not, and with
  PYTHONDONTWRITEBYTECODE set every start would compile it again).

What is measured (medians over the repetitions; key latencies pooled over all of them):

- first paint: spawn → the first body paragraph's opening words are on the screen;
- frame bytes: the answer to ctrl-l (a full repaint), or the first paint when there is none;
- line step (`j`) and page step (space) bytes, after the screen is quiet. For a line step,
  "pane-only" takes the steps whose changed screen cells stay inside the narrowest column
  span any step changed: in the reader, the steps that leave the current paragraph (and so the
  panel) alone; in `less` and the bare app, every step;
- key → quiet: from writing a key until the last byte of its answer (quiet = 30 ms with no
  byte, not counted), over 50 single `j`; and the CPU time the program spent on them (Linux:
  /proc), which a busy machine inflates far less than the wall clock;
- holding `j`: 50 `j` written back to back: last key → quiet, and whether the final screen is
  the one 50 single steps gave (the latest paragraph, no backlog, nothing dropped);
- exit: `q` → the process has exited, and whether every terminal mode it set is reset;
- 500 articles: spawn → the first article readable, then one `j`/`k` every 150 ms for 3 s:
  how long until the article moved (the UI answers while the rest loads).
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from benchmarks.pty_harness import DEFAULT_SIZE, PtySession, terminal_restored
from benchmarks.stories import StoryFiles, write_big_story, write_long_story

HERE = Path(__file__).resolve().parent
QUIET = 0.03
SETTLE = 0.4
PROGRAMS = ("less", "minimal", "samefact")
CTRL_L = "\x0c"
FREEZE_MS = 250.0


@dataclass
class Run:
    """The figures of one program in one repetition (None: could not be measured)."""

    program: str
    first_paint_ms: float | None = None
    first_paint_bytes: int | None = None
    settle_ms: float | None = None
    frame_bytes: int | None = None
    frame_from: str = ""
    line_bytes: list[int] = field(default_factory=list)
    line_pane_bytes: list[int] = field(default_factory=list)
    line_ms: list[float] = field(default_factory=list)
    line_cpu_ms: float | None = None
    """CPU time of the program (all its threads) per single `j`, from /proc (Linux)."""
    page_bytes: list[int] = field(default_factory=list)
    page_ms: list[float] = field(default_factory=list)
    hold_ms: float | None = None
    hold_latest: bool | None = None
    exit_ms: float | None = None
    restored: bool | None = None
    left_on: list[str] = field(default_factory=list)
    big_first_ms: float | None = None
    big_probe_ms: list[float] = field(default_factory=list)
    big_unanswered: int = 0
    error: str = ""


@dataclass
class Target:
    """One target of the reader: its label, a test over the medians, and why."""

    label: str
    check: Callable[[dict[str, dict[str, float | None]]], bool | None]


# -- the programs ---------------------------------------------------------------------------


def _argv(program: str, story: StoryFiles, samefact: str, *, every_file: bool = False) -> list[str]:
    """How `program` opens `story`; `less` gets every file with `every_file`, else the first."""
    if program == "less":
        files = sorted(story.folder.glob("*.txt")) if every_file else [story.first_article]
        return ["less", *map(str, files)]
    if program == "minimal":
        return [sys.executable, str(HERE / "minimal_app.py"), str(story.first_article)]
    return [samefact, str(story.folder)]


def _env(home: Path) -> dict[str, str]:
    return {
        "LESSHISTFILE": "-",
        "LESS": "",
        "SAMEFACT_CONFIG": str(home / "config.toml"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
    }


# -- one run --------------------------------------------------------------------------------


def measure_long(program: str, argv: list[str], story: StoryFiles, env: dict[str, str], keys: int) -> Run:
    """Every figure except the 500-article ones, in one session of `program`."""
    run = Run(program)
    with PtySession(argv, size=DEFAULT_SIZE, env=env) as session:
        painted = session.wait_for_text(story.marker, timeout=30)
        if painted is None:
            run.error = "article text never appeared: " + session.text()[:200].replace("\n", " | ")
            return run
        run.first_paint_ms = (painted - session.started) * 1000
        run.first_paint_bytes = session.bytes_since(0)
        settled = session.wait_quiet(SETTLE, timeout=20)
        run.settle_ms = (settled - session.started) * 1000
        _frame(session, run)
        start_screen = session.text()
        _line_steps(session, run, keys)
        after_steps = session.text()
        _page_steps(session, run, 5)
        _hold(session, run, keys, start_screen, after_steps)
        _exit(session, run)
    return run


def _frame(session: PtySession, run: Run) -> None:
    latency, size = session.key_to_quiet(CTRL_L, QUIET, timeout=1.0)
    session.wait_quiet(SETTLE)
    if latency is not None and size > 0:
        run.frame_bytes, run.frame_from = size, "ctrl-l"
    else:
        run.frame_bytes, run.frame_from = run.first_paint_bytes, "first paint"


def _changed_columns(before: list[str], after: list[str]) -> tuple[int, int] | None:
    cols = [
        col
        for row_before, row_after in zip(before, after)
        for col, (a, b) in enumerate(zip(row_before, row_after))
        if a != b
    ]
    return (min(cols), max(cols)) if cols else None


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of process `pid` so far (Linux), or None."""
    import os

    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def _line_steps(session: PtySession, run: Run, keys: int) -> None:
    spans: list[tuple[int, int] | None] = []
    cpu_before = _cpu_seconds(session.process.pid)
    for _ in range(keys):
        before = list(session.screen.display)
        latency, size = session.key_to_quiet("j", QUIET)
        session.sync_screen()
        spans.append(_changed_columns(before, list(session.screen.display)))
        if latency is not None:
            run.line_ms.append(latency * 1000)
            run.line_bytes.append(size)
    cpu_after = _cpu_seconds(session.process.pid)
    if cpu_before is not None and cpu_after is not None and keys:
        run.line_cpu_ms = (cpu_after - cpu_before) * 1000 / keys
    known = [span for span in spans if span is not None]
    if not known:
        return
    narrowest = min(known, key=lambda span: span[1] - span[0])
    run.line_pane_bytes = [
        size
        for size, span in zip(run.line_bytes, spans)
        if span is not None and span[0] >= narrowest[0] - 2 and span[1] <= narrowest[1] + 2
    ]


def _page_steps(session: PtySession, run: Run, pages: int) -> None:
    for _ in range(pages):
        latency, size = session.key_to_quiet(" ", QUIET)
        if latency is not None:
            run.page_ms.append(latency * 1000)
            run.page_bytes.append(size)


def _hold(session: PtySession, run: Run, keys: int, start: str, expected: str) -> None:
    """Back to the top, then `keys` × `j` back to back, as a held key sends them."""
    session.key_to_quiet("gg", QUIET)
    session.wait_quiet(SETTLE)
    if session.text() != start:
        run.error = "gg did not return to the first screen; holding j not measured"
        return
    mark = session.mark()
    for _ in range(keys):
        last_key = session.press("j")
    session.wait_quiet(0.1, since=mark)
    quiet = session.last_output_at
    run.hold_ms = max(0.0, quiet - last_key) * 1000
    session.wait_quiet(SETTLE)
    run.hold_latest = session.text() == expected


def _exit(session: PtySession, run: Run) -> None:
    sent = session.press("q")
    exited = session.wait_exit(10)
    if exited is None:
        run.error = "did not exit within 10 s of q"
        return
    run.exit_ms = (exited - sent) * 1000
    session.wait_quiet(0.05, timeout=1)
    restore = terminal_restored(session.output())
    run.restored, run.left_on = restore.ok, restore.left_on


def measure_big(run: Run, argv: list[str], story: StoryFiles, env: dict[str, str]) -> None:
    """The 500-article story: first article readable, then probes while the rest loads."""
    with PtySession(argv, size=DEFAULT_SIZE, env=env) as session:
        painted = session.wait_for_text(story.marker, timeout=60)
        if painted is None:
            run.error += " 500 articles: first article never appeared"
            return
        run.big_first_ms = (painted - session.started) * 1000
        end = time.perf_counter() + 3.0
        key = "j"
        while time.perf_counter() < end:
            row = session.find_row(story.marker)
            sent = session.press(key)
            moved = session.wait_until(lambda row=row: session.find_row(story.marker) != row, timeout=2.0)
            if moved is None:
                run.big_unanswered += 1
            else:
                run.big_probe_ms.append(max(0.0, moved - sent) * 1000)
            key = "k" if key == "j" else "j"
            time.sleep(0.15)
        session.press("q")
        session.wait_exit(10)


# -- statistics and the table ---------------------------------------------------------------


def _median(values: Iterable[float | int | None]) -> float | None:
    known = [v for v in values if v is not None]
    return statistics.median(known) if known else None


def _p90(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]


def summarize(runs: list[Run]) -> dict[str, float | None]:
    """The medians of one program's runs (latencies pooled over every run)."""

    def per_run(get: Callable[[Run], float | int | None]) -> float | None:
        return _median(get(run) for run in runs)

    line_ms = [ms for run in runs for ms in run.line_ms]
    page_ms = [ms for run in runs for ms in run.page_ms]
    probes = [ms for run in runs for ms in run.big_probe_ms]
    summary: dict[str, float | None] = {
        "first_paint_ms": per_run(lambda r: r.first_paint_ms),
        "first_paint_bytes": per_run(lambda r: r.first_paint_bytes),
        "frame_bytes": per_run(lambda r: r.frame_bytes),
        "line_bytes": per_run(lambda r: _median(r.line_bytes)),
        "line_pane_bytes": per_run(lambda r: _median(r.line_pane_bytes)),
        "line_pane_share": per_run(lambda r: len(r.line_pane_bytes) / len(r.line_bytes) if r.line_bytes else None),
        "page_bytes": per_run(lambda r: _median(r.page_bytes)),
        "line_ms_median": _median(line_ms),
        "line_ms_p90": _p90(line_ms),
        "line_cpu_ms": per_run(lambda r: r.line_cpu_ms),
        "page_ms_median": _median(page_ms),
        "hold_ms": per_run(lambda r: r.hold_ms),
        "hold_latest": _all(r.hold_latest for r in runs),
        "exit_ms": per_run(lambda r: r.exit_ms),
        "restored": _all(r.restored for r in runs),
        "big_first_ms": per_run(lambda r: r.big_first_ms),
        "big_probe_ms_median": _median(probes),
        "big_probe_ms_max": max(probes) if probes else None,
        "big_unanswered": sum(r.big_unanswered for r in runs) if any(r.big_first_ms for r in runs) else None,
    }
    frame = summary["frame_bytes"]
    for key in ("line_bytes", "line_pane_bytes", "page_bytes"):
        value = summary[key]
        summary[key.replace("_bytes", "_frames")] = value / frame if value is not None and frame else None
    return summary


def _all(values: Iterable[bool | None]) -> float | None:
    known = [v for v in values if v is not None]
    return float(all(known)) if known else None


def targets(summary: dict[str, dict[str, float | None]]) -> list[tuple[str, bool | None, str]]:
    """The targets of the reader, each (label, met?, the figures it compares)."""
    me, minimal = summary.get("samefact", {}), summary.get("minimal", {})

    def ratio(a: float | None, b: float | None) -> float | None:
        return a / b if a is not None and b else None

    paint = ratio(me.get("first_paint_ms"), minimal.get("first_paint_ms"))
    checks = [
        ("first article text ≤ 1.3 × minimal Textual", paint, lambda v: v <= 1.3, f"{_fmt(paint, 2)}×"),
        ("line step, panel unchanged ≤ 50 % of a frame", me.get("line_pane_frames"), lambda v: v <= 0.5, _pct(me.get("line_pane_frames"))),
        ("page step ≤ 1 frame", me.get("page_frames"), lambda v: v <= 1.0, _pct(me.get("page_frames"))),
        ("key → quiet median ≤ 10 ms", me.get("line_ms_median"), lambda v: v <= 10, _fmt(me.get("line_ms_median"), 1) + " ms"),
        ("key → quiet p90 ≤ 16 ms", me.get("line_ms_p90"), lambda v: v <= 16, _fmt(me.get("line_ms_p90"), 1) + " ms"),
        ("holding j shows the latest paragraph", me.get("hold_latest"), lambda v: v == 1.0, _yes(me.get("hold_latest"))),
        ("exit ≤ 400 ms", me.get("exit_ms"), lambda v: v <= 400, _fmt(me.get("exit_ms"), 0) + " ms"),
        ("terminal restored on exit", me.get("restored"), lambda v: v == 1.0, _yes(me.get("restored"))),
        (f"500 articles: every key answered < {FREEZE_MS:.0f} ms while loading", me.get("big_probe_ms_max"),
         lambda v: v < FREEZE_MS and not me.get("big_unanswered"), _fmt(me.get("big_probe_ms_max"), 0) + " ms max"),
    ]
    return [(label, None if value is None else bool(test(value)), shown) for label, value, test, shown in checks]


def _fmt(value: float | None, digits: int = 0) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f} %"


def _yes(value: float | None) -> str:
    return "–" if value is None else ("yes" if value == 1.0 else "no")


ROWS: list[tuple[str, str, Callable[[float | None], str]]] = [
    ("first paint of the article text", "first_paint_ms", lambda v: _fmt(v, 0) + " ms"),
    ("first paint, bytes", "first_paint_bytes", _fmt),
    ("full frame (ctrl-l), bytes", "frame_bytes", _fmt),
    ("line step j, bytes (median)", "line_bytes", _fmt),
    ("line step, pane-only steps, bytes", "line_pane_bytes", _fmt),
    ("  … share of a frame", "line_pane_frames", _pct),
    ("  … share of steps that are pane-only", "line_pane_share", _pct),
    ("page step space, bytes", "page_bytes", _fmt),
    ("  … frames", "page_frames", lambda v: _fmt(v, 2)),
    ("key → quiet, j, median", "line_ms_median", lambda v: _fmt(v, 1) + " ms"),
    ("key → quiet, j, p90", "line_ms_p90", lambda v: _fmt(v, 1) + " ms"),
    ("CPU per j (all threads)", "line_cpu_ms", lambda v: _fmt(v, 1) + " ms"),
    ("key → quiet, space, median", "page_ms_median", lambda v: _fmt(v, 1) + " ms"),
    ("hold j ×50: last key → quiet", "hold_ms", lambda v: _fmt(v, 0) + " ms"),
    ("hold j ×50: shows the latest", "hold_latest", _yes),
    ("exit after q", "exit_ms", lambda v: _fmt(v, 0) + " ms"),
    ("terminal restored", "restored", _yes),
    ("500 articles: first article", "big_first_ms", lambda v: _fmt(v, 0) + " ms"),
    ("500 articles: key answered, median", "big_probe_ms_median", lambda v: _fmt(v, 0) + " ms"),
    ("500 articles: key answered, max", "big_probe_ms_max", lambda v: _fmt(v, 0) + " ms"),
    ("500 articles: keys unanswered (2 s)", "big_unanswered", _fmt),
]


def table(summary: dict[str, dict[str, float | None]], programs: list[str]) -> str:
    """The figures side by side, then the targets."""
    width = max(len(label) for label, _, _ in ROWS)
    lines = [f"{'':{width}}  " + "".join(f"{name:>12}" for name in programs)]
    for label, key, show in ROWS:
        cells = "".join(f"{show(summary[name].get(key)):>12}" for name in programs)
        lines.append(f"{label:{width}}  {cells}")
    if "samefact" in summary:
        lines.append("")
        lines.append("targets (samefact)")
        for label, met, shown in targets(summary):
            mark = "–" if met is None else ("met" if met else "MISSED")
            lines.append(f"  {mark:>6}  {label}  [{shown}]")
    return "\n".join(lines)


# -- main -----------------------------------------------------------------------------------


def byte_compile(samefact: str) -> str:
    """Byte-compile the reader's package, as installing a wheel does; a note if it failed.

    An editable install (`pip install -e`) compiles nothing: with PYTHONDONTWRITEBYTECODE
    set, as on some shared machines, every start would compile the reader's sources again
    (about 130 ms here), which no installed copy does. The interpreter is the script's own.
    """
    try:
        with open(shutil.which(samefact) or samefact, "rb") as script:
            first = script.readline()
    except OSError as error:
        return f"cannot read {samefact}: {error}"
    interpreter = first[2:].decode(errors="replace").strip() if first.startswith(b"#!") else ""
    if not interpreter:
        return f"{samefact} is not a Python script; its package is not byte-compiled"
    code = "import compileall, os, tui; "
    code += "compileall.compile_dir(os.path.dirname(tui.__file__), quiet=1)"
    try:
        done = subprocess.run([*interpreter.split(), "-c", code], capture_output=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"byte-compiling failed: {error}"
    return "" if done.returncode == 0 else "byte-compiling failed: " + done.stderr.decode()[-200:]


def _default_samefact() -> str:
    beside = Path(sys.executable).parent / "samefact"
    return str(beside) if beside.exists() else (shutil.which("samefact") or "samefact")


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.ui_bench", description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="repetitions (medians are reported)")
    parser.add_argument("--keys", type=int, default=50, help="j presses per run")
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    parser.add_argument("--save", metavar="FILE", help="also write the JSON to FILE")
    parser.add_argument("--samefact", default=_default_samefact(), help="the samefact executable")
    parser.add_argument("--programs", default=",".join(PROGRAMS), help="comma-separated subset of " + ",".join(PROGRAMS))
    parser.add_argument("--no-big", action="store_true", help="skip the 500-article story")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    programs = [name for name in args.programs.split(",") if name]
    if "less" in programs and shutil.which("less") is None:
        print("less is not installed (apt-get install less); skipping it", file=sys.stderr)
        programs.remove("less")
    runs: dict[str, list[Run]] = {name: [] for name in programs}
    compiled = byte_compile(args.samefact) if "samefact" in programs else ""
    if compiled:
        print("note:", compiled, file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="samefact-bench-") as tmp:
        root = Path(tmp)
        long_story = write_long_story(root / "long")
        big_story = write_big_story(root / "big")
        for rep in range(args.repeat):
            for name in programs:
                env = _env(root / f"home-{name}-{rep}")
                print(f"[{rep + 1}/{args.repeat}] {name}", file=sys.stderr, flush=True)
                run = measure_long(name, _argv(name, long_story, args.samefact), long_story, env, args.keys)
                if not args.no_big:
                    measure_big(run, _argv(name, big_story, args.samefact, every_file=True), big_story, env)
                runs[name].append(run)
    summary = {name: summarize(runs[name]) for name in programs}
    result = {
        "size": list(DEFAULT_SIZE),
        "repeat": args.repeat,
        "summary": summary,
        "targets": [{"target": t, "met": m, "value": v} for t, m, v in targets(summary)]
        if "samefact" in summary
        else [],
        "runs": {name: [asdict(run) for run in runs[name]] for name in programs},
    }
    if args.save:
        Path(args.save).write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.json:
        json.dump(result, sys.stdout, indent=1, ensure_ascii=False)
        print()
    else:
        print(table(summary, programs))
        errors = [f"{run.program}: {run.error}" for name in programs for run in runs[name] if run.error]
        for error in dict.fromkeys(errors):
            print("note:", error)
    return 0


if __name__ == "__main__":
    sys.exit(main())
