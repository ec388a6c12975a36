"""The wheel must carry every package and the resources the app loads at run time."""

from __future__ import annotations

import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_every_package_under_app_is_listed_in_pyproject() -> None:
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(ROOT / "app").parts)
        for init in (ROOT / "app").rglob("__init__.py")
    }
    assert found <= listed, f"add to pyproject.toml: {sorted(found - listed)}"
    assert "vouch.resources" in listed


@pytest.mark.slow
def test_the_built_wheel_holds_icons_desktop_entry_and_vocabulary(tmp_path: Path) -> None:
    import subprocess
    import sys

    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("vouch-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "vouch/resources/vouch.svg" in names
    assert "vouch/resources/vouch.desktop" in names
    assert "vouch/vocab/v1.jsonld" in names
    assert any(n.startswith("vouch/resources/icons/") and n.endswith(".svg") for n in names)
    assert "vouch/gui/app.py" in names and "vouch/core/store/db.py" in names
