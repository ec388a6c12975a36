"""The built one-folder bundle (`make package`, then `make package-test`).

It must run without the source tree or the virtualenv: the CLI creates a real SQLCipher wallet,
the GUI starts offscreen on it, reaches the unlock screen and quits cleanly; and the folder
carries SQLCipher, Qt's platform plugins, the icons and every resource the app loads.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from subprocess import DEVNULL

import pytest

pytestmark = pytest.mark.package

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "vouch"
INTERNAL = BUNDLE / "_internal"
PASSPHRASE = "quiet orange lamp river"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


@pytest.fixture(scope="module")
def bundle() -> Path:
    assert (BUNDLE / "vouch-gui").is_file(), "no bundle: run `make package` first"
    return BUNDLE


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A clean environment: nothing from the virtualenv, settings in tmp."""
    keep = {k: v for k, v in os.environ.items() if k in {"PATH", "LANG", "USER", "LOGNAME"}}
    path = ":".join(p for p in keep.get("PATH", "/usr/bin:/bin").split(":") if ".venv" not in p)
    return {
        **keep,
        "PATH": path,
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "QT_QPA_PLATFORM": "offscreen",
        "VOUCH_KDF_COST": "minimal",
        "VOUCH_PASSPHRASE": PASSPHRASE,
    }


def _run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, env=env, cwd=cwd, capture_output=True, text=True, timeout=120, stdin=DEVNULL
    )


def test_the_cli_creates_a_wallet_and_the_gui_reaches_the_unlock_screen(
    bundle: Path, env: dict[str, str], tmp_path: Path
) -> None:
    wallet = tmp_path / "wallet"
    made = _run([str(bundle / "vouch"), "--wallet", str(wallet), "init"], env, tmp_path)
    assert made.returncode == 0, made.stderr
    assert "did:key:z6Mk" in made.stdout
    who = _run([str(bundle / "vouch"), "--wallet", str(wallet), "whoami"], env, tmp_path)
    assert who.returncode == 0, who.stderr
    did = next(w for w in made.stdout.split() if w.startswith("did:key:"))
    assert did in who.stdout  # reopened: SQLCipher and the key derivation work in the bundle

    gui = _run([str(bundle / "vouch-gui"), "--wallet", str(wallet), "--smoke-test"], env, tmp_path)
    assert gui.returncode == 0, gui.stderr
    assert "unlock screen reached in" in gui.stdout
    assert "Traceback" not in gui.stderr


def test_the_bundled_cli_hands_out_recovery_shares(
    bundle: Path, env: dict[str, str], tmp_path: Path
) -> None:
    """SLIP-39 needs its word list at run time: a hand-out writes one share file per guardian."""
    owner, guardians = tmp_path / "owner", [tmp_path / "g1", tmp_path / "g2"]
    dids = []
    for wallet in (owner, *guardians):
        made = _run([str(bundle / "vouch"), "--wallet", str(wallet), "init"], env, tmp_path)
        assert made.returncode == 0, made.stderr
        dids.append(next(w for w in made.stdout.split() if w.startswith("did:key:")))
    handed = _run(
        [
            str(bundle / "vouch"),
            "--wallet",
            str(owner),
            "guardians",
            "set",
            "--threshold",
            "2",
            *dids[1:],
            "-o",
            str(tmp_path / "shares"),
        ],
        env,
        tmp_path,
    )
    assert handed.returncode == 0, handed.stderr
    assert len(list((tmp_path / "shares").glob("*.vouchshare"))) == 2


def test_the_gui_without_a_wallet_does_not_claim_the_unlock_screen(
    bundle: Path, env: dict[str, str], tmp_path: Path
) -> None:
    gui = _run(
        [str(bundle / "vouch-gui"), "--wallet", str(tmp_path / "none"), "--smoke-test"],
        env,
        tmp_path,
    )
    assert gui.returncode == 3
    assert "Traceback" not in gui.stderr


def test_the_folder_carries_sqlcipher_qt_plugins_and_resources(bundle: Path) -> None:
    assert list(INTERNAL.glob("sqlcipher3/_sqlite3*.so"))
    plugins = INTERNAL / "PySide6" / "Qt" / "plugins"
    for plugin in (
        "platforms/libqoffscreen.so",
        "platforms/libqxcb.so",
        "platforms/libqwayland.so",
        "imageformats/libqsvg.so",
        "iconengines/libqsvgicon.so",
    ):
        assert (plugins / plugin).is_file(), plugin
    package = INTERNAL / "vouch"
    wanted = [p.relative_to(ROOT / "resources") for p in (ROOT / "resources").rglob("*")]
    for name in wanted:
        if name.suffix not in (".py", ".pyc") and "__pycache__" not in name.parts:
            assert (package / "resources" / name).exists(), name
    assert (package / "vocab" / "v1.jsonld").is_file()
    for policy in (ROOT / "app" / "vouch" / "unlock").glob("*.policy"):
        assert (package / "unlock" / policy.name).is_file()


def test_the_folder_carries_the_desktop_integration(bundle: Path) -> None:
    share = bundle / "share"
    assert (share / "applications" / "vouch.desktop").is_file()
    assert (share / "metainfo" / "org.vouch.Vouch.metainfo.xml").is_file()
    assert (share / "mime" / "packages" / "vouch-mime.xml").is_file()
    for n in SIZES:
        assert (share / "icons" / "hicolor" / f"{n}x{n}" / "apps" / "vouch.png").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "vouch.svg").is_file()


def test_install_sh_installs_into_a_prefix_and_uninstalls(
    bundle: Path, env: dict[str, str], tmp_path: Path
) -> None:
    prefix = tmp_path / "prefix"
    done = _run(["bash", str(bundle / "install.sh"), "--prefix", str(prefix)], env, tmp_path)
    assert done.returncode == 0, done.stderr
    assert (prefix / "bin" / "vouch-gui").resolve() == prefix / "lib" / "vouch" / "vouch-gui"
    desktop = (prefix / "share" / "applications" / "vouch.desktop").read_text()
    assert f"Exec={prefix}/lib/vouch/vouch-gui %u" in desktop
    assert (prefix / "share" / "icons" / "hicolor" / "48x48" / "apps" / "vouch.png").is_file()
    version = _run([str(prefix / "bin" / "vouch"), "--help"], env, tmp_path)
    assert version.returncode == 0, version.stderr

    gone = _run(
        ["bash", str(bundle / "install.sh"), "--uninstall", "--prefix", str(prefix)], env, tmp_path
    )
    assert gone.returncode == 0, gone.stderr
    assert not (prefix / "lib" / "vouch").exists()
    assert not (prefix / "bin" / "vouch-gui").exists()
    assert not (prefix / "share" / "applications" / "vouch.desktop").exists()
