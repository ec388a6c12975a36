"""A short run of every fuzz target: the whole corpus in-process, then a few hundred atheris runs.

The long campaign is `make fuzz`. Without atheris, the second part replays seeded random
mutations of the corpus in-process instead, so it still exercises every target.
"""

from __future__ import annotations

import importlib.util
import random
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS_DIR, FUZZ_DIR, TARGETS, TARGETS_DIR, load_target

SMOKE_RUNS = 300
HAVE_ATHERIS = importlib.util.find_spec("atheris") is not None


def _corpus(target: str) -> list[Path]:
    return sorted(p for p in (CORPUS_DIR / target).iterdir() if p.is_file())


def test_every_parser_has_a_target_and_a_corpus() -> None:
    expected = {
        "bundle_file",
        "canonical_json",
        "clipboard_text",
        "credential",
        "p2p_frame",
        "reconcile_message",
        "sync_session",
    }
    assert expected <= set(TARGETS)
    for target in TARGETS:
        assert len(_corpus(target)) >= 3, target
    total = sum(p.stat().st_size for p in CORPUS_DIR.rglob("*") if p.is_file())
    assert total < 2 * 1024 * 1024


def test_the_seed_corpus_matches_the_code() -> None:
    """Every generated seed is in the corpus (rerun fuzz/seeds.py after a format change)."""
    sys.path.insert(0, str(FUZZ_DIR))
    try:
        seeds = importlib.import_module("seeds")
    finally:
        sys.path.remove(str(FUZZ_DIR))
    for target, make in seeds.SEEDS.items():
        kept = {p.read_bytes() for p in _corpus(target)}
        missing = [data[:40] for data in make() if data not in kept]
        assert not missing, (target, missing)


@pytest.mark.parametrize("target", TARGETS)
def test_corpus_inputs_are_accepted_or_refused_cleanly(target: str) -> None:
    run = load_target(target).test_one_input
    for path in _corpus(target):
        run(path.read_bytes())


def _mutate(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        choice = rng.randrange(5)
        pos = rng.randrange(len(buf) + 1)
        if choice == 0 and buf:
            buf[min(pos, len(buf) - 1)] = rng.randrange(256)
        elif choice == 1:
            del buf[pos : pos + rng.randint(1, 64)]
        elif choice == 2:
            buf[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif choice == 3:
            buf = buf[:pos]
        else:
            start = rng.randrange(len(buf) + 1)
            buf[pos:pos] = buf[start : start + rng.randint(1, 128)]
    return bytes(buf)


@pytest.mark.parametrize("target", TARGETS)
def test_smoke_fuzz(target: str, tmp_path: Path) -> None:
    if HAVE_ATHERIS:
        _atheris_smoke(target, tmp_path)
    else:
        _mutation_smoke(target)


def _atheris_smoke(target: str, tmp_path: Path) -> None:
    scratch, artifacts = tmp_path / "new", tmp_path / "crashes"
    scratch.mkdir()
    artifacts.mkdir()
    command = [
        sys.executable,
        str(TARGETS_DIR / f"{target}.py"),
        f"-runs={SMOKE_RUNS}",
        "-max_len=16384",
        "-timeout=10",
        "-rss_limit_mb=1536",
        "-seed=1",
        f"-artifact_prefix={artifacts}/",
        str(scratch),
        str(CORPUS_DIR / target),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    crashes = [p.name for p in artifacts.iterdir()]
    assert result.returncode == 0 and not crashes, result.stderr[-3000:]
    assert f"Done {SMOKE_RUNS} runs" in result.stderr


def _mutation_smoke(target: str) -> None:
    run = load_target(target).test_one_input
    rng = random.Random(f"smoke-{target}")
    corpus = [p.read_bytes() for p in _corpus(target)]
    for _ in range(SMOKE_RUNS):
        run(_mutate(rng.choice(corpus), rng))
