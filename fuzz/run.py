"""Run every atheris fuzz target in turn, each in its own process, and report what happened.

    python fuzz/run.py --seconds 600            # share 600 s between all targets
    python fuzz/run.py --runs 300 --no-merge    # a short smoke run (what `make test` does)
    python fuzz/run.py --targets p2p_frame,sync_session --seconds 120

New inputs go to a scratch folder; afterwards the ones that add coverage are merged
(libFuzzer `-merge=1`) into fuzz/corpus/<target>/. A crashing input is kept in
fuzz/crashes/<target>/ and the run exits with status 1 after the remaining targets ran.
Bugs already reported (KNOWN_BUGS in targets/_support.py) are stepped over unless --strict.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGETS_DIR = HERE / "targets"
CORPUS = HERE / "corpus"
CRASHES = HERE / "crashes"
CORPUS_BUDGET_BYTES = 2 * 1024 * 1024

# Largest input per target: big enough for the seed documents, small enough to stay fast.
MAX_LEN = {
    "canonical_json": 16384,
    "credential": 8192,
    "bundle_file": 16384,
    "clipboard_text": 16384,
    "p2p_frame": 8192,
    "reconcile_message": 8192,
    "sync_session": 8192,
}
RSS_LIMIT_MB = 1536
INPUT_TIMEOUT_S = 10


@dataclass
class Outcome:
    target: str
    executions: int
    seconds: float
    new_units: int
    peak_rss_mb: int
    crashed: bool
    artifacts: list[Path]
    corpus_files: int


def all_targets() -> list[str]:
    return sorted(p.stem for p in TARGETS_DIR.glob("*.py") if not p.stem.startswith("_"))


def _stat(output: str, name: str) -> int:
    found = re.findall(rf"stat::{name}:\s*(\d+)", output)
    return int(found[-1]) if found else 0


def _executions(output: str) -> int:
    """Executions from the final stats, or from the last progress line after a crash."""
    stat = _stat(output, "number_of_executed_units")
    if stat:
        return stat
    progress = re.findall(r"^#(\d+)\s", output, flags=re.MULTILINE)
    return int(progress[-1]) if progress else 0


def _libfuzzer_flags(target: str) -> list[str]:
    return [
        f"-max_len={MAX_LEN.get(target, 8192)}",
        f"-rss_limit_mb={RSS_LIMIT_MB}",
        f"-timeout={INPUT_TIMEOUT_S}",
        "-print_final_stats=1",
    ]


def run_target(
    target: str, *, seconds: float, runs: int | None, merge: bool, tolerate: bool = False
) -> Outcome:
    corpus = CORPUS / target
    corpus.mkdir(parents=True, exist_ok=True)
    crashes = CRASHES / target
    crashes.mkdir(parents=True, exist_ok=True)
    before = set(crashes.iterdir())
    script = str(TARGETS_DIR / f"{target}.py")
    with tempfile.TemporaryDirectory(prefix=f"fuzz-{target}-") as scratch:
        command = [sys.executable, script, *_libfuzzer_flags(target)]
        command.append(f"-artifact_prefix={crashes}/")
        command.append(f"-runs={runs}" if runs is not None else f"-max_total_time={int(seconds)}")
        command += [scratch, str(corpus)]  # new inputs go to the first folder only
        started = time.monotonic()
        env = dict(os.environ, VOUCH_FUZZ_TOLERATE_KNOWN="1" if tolerate else "0")
        result = subprocess.run(
            command,
            env=env,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=max(seconds, 60) + 300,
            check=False,
        )
        elapsed = time.monotonic() - started
        output = result.stdout + result.stderr
        crashed = result.returncode != 0
        if crashed:
            sys.stderr.write(output[-6000:])
        elif merge and any(Path(scratch).iterdir()):
            _merge(script, target, corpus, Path(scratch))
    return Outcome(
        target=target,
        executions=_executions(output),
        seconds=elapsed,
        new_units=_stat(output, "new_units_added"),
        peak_rss_mb=_stat(output, "peak_rss_mb"),
        crashed=crashed,
        artifacts=sorted(set(crashes.iterdir()) - before),
        corpus_files=sum(1 for _ in corpus.iterdir()),
    )


def _merge(script: str, target: str, corpus: Path, found: Path) -> None:
    """Add to the kept corpus only the found inputs that reach new coverage (libFuzzer merge)."""
    with tempfile.TemporaryDirectory(prefix=f"merge-{target}-") as control:
        subprocess.run(
            [
                sys.executable,
                script,
                "-merge=1",
                f"-merge_control_file={control}/control",
                f"-max_len={MAX_LEN.get(target, 8192)}",
                f"-rss_limit_mb={RSS_LIMIT_MB}",
                str(corpus),
                str(found),
            ],
            capture_output=True,
            timeout=600,
            check=False,
        )


def corpus_size() -> tuple[int, int]:
    files = [p for p in CORPUS.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=600.0, help="total, shared by targets")
    parser.add_argument("--runs", type=int, default=None, help="executions per target instead")
    parser.add_argument("--targets", default="", help="comma-separated (default: all)")
    parser.add_argument("--no-merge", action="store_true", help="do not grow fuzz/corpus")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="stop on every bug, even those in fuzz/targets/_support.py:KNOWN_BUGS",
    )
    args = parser.parse_args(argv)
    try:
        import atheris  # noqa: F401
    except ImportError:
        print("atheris is not installed: pip install -e '.[fuzz]'", file=sys.stderr)
        return 2
    targets = [t for t in args.targets.split(",") if t] or all_targets()
    unknown = sorted(set(targets) - set(all_targets()))
    if unknown:
        print(f"unknown targets: {', '.join(unknown)}", file=sys.stderr)
        return 2
    share = args.seconds / len(targets)
    outcomes = []
    for target in targets:
        outcome = run_target(
            target,
            seconds=share,
            runs=args.runs,
            merge=not args.no_merge,
            tolerate=not args.strict,
        )
        outcomes.append(outcome)
        print(_line(outcome), flush=True)
    files, size = corpus_size()
    print(f"corpus: {files} files, {size / 1024:.0f} KiB")
    if size > CORPUS_BUDGET_BYTES:
        print("warning: the corpus is above its 2 MiB budget; prune large files", file=sys.stderr)
    crashed = [o for o in outcomes if o.crashed]
    for outcome in crashed:
        kept = ", ".join(str(p) for p in outcome.artifacts) or "(no artifact written)"
        print(f"CRASH in {outcome.target}: {kept}", file=sys.stderr)
    return 1 if crashed else 0


def _line(o: Outcome) -> str:
    status = "CRASH" if o.crashed else "ok"
    rate = o.executions / o.seconds if o.seconds else 0.0
    return (
        f"{o.target:18} {status:5} {o.executions:>10} execs {o.seconds:8.1f} s "
        f"({rate:,.0f}/s)  new {o.new_units:<5} corpus {o.corpus_files:<5} rss {o.peak_rss_mb} MB"
    )


if __name__ == "__main__":
    sys.exit(main())
