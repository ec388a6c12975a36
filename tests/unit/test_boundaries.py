"""The checked boundary: only vouch.gui may import PySide6."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from support.imports import APP, PACKAGE, imports_in

GUI = PACKAGE / "gui"


def _qt_imports(path: Path, root: Path = APP) -> list[str]:
    """Qt imports of the module at `path` under `root`, at module level or in functions."""
    return [
        f"{imp.file}:{imp.line} {imp.target}"
        for imp in imports_in(path, root)
        if _is_qt(imp.target)
    ]


def _is_qt(name: str) -> bool:
    return name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def test_the_walk_sees_the_package() -> None:
    files = [p for p in PACKAGE.rglob("*.py") if GUI not in p.parents]
    assert len(files) > 20
    assert PACKAGE / "wallet" / "facade.py" in files and PACKAGE / "core" / "identity.py" in files


def test_the_checker_catches_qt_imports(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import os\nfrom PySide6.QtCore import QObject\nimport json, PySide6.QtGui as g\n"
        "def f():\n    import shiboken6\n"
    )
    assert _qt_imports(probe, tmp_path) == [
        "probe.py:2 PySide6.QtCore",
        "probe.py:3 PySide6.QtGui",
        "probe.py:5 shiboken6",
    ]


def test_no_module_outside_gui_imports_pyside6() -> None:
    offenders: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if GUI in path.parents:
            continue
        offenders += _qt_imports(path)
    assert offenders == []


def test_importing_the_facade_and_cli_loads_no_qt() -> None:
    code = (
        "import sys, vouch.wallet, vouch.cli, vouch.exchange.bundle, vouch.core.store.db\n"
        "vouch.cli.build_parser()\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(bad))\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PySide6" not in result.stdout
