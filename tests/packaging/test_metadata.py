"""The desktop metadata and the packaging recipes: well-formed and consistent with each other.

Runs in `make test` (no build needed). `appstreamcli` and `desktop-file-validate` are extra
checks where installed; the structure is always checked here.
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import plistlib
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

import vouch

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
PACKAGING = ROOT / "packaging"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
MIME_TYPE = "application/x-vouch"
URL_HANDLER = "x-scheme-handler/vouch"

_RENDER = PACKAGING / "linux" / "render_icons.py"
_spec = importlib.util.spec_from_file_location("render_icons", _RENDER)
assert _spec is not None and _spec.loader is not None
render_icons = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(render_icons)


def _desktop() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string((RESOURCES / "vouch.desktop").read_text("utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return parser["Desktop Entry"]


def _list(value: str) -> list[str]:
    assert value.endswith(";"), value
    return value[:-1].split(";")


def test_desktop_entry_starts_vouch_for_files_and_links() -> None:
    entry = _desktop()
    assert entry["Type"] == "Application" and entry["Name"] == "Vouch"
    assert entry["Exec"].split() == ["vouch-gui", "%u"]
    assert entry["TryExec"] == "vouch-gui"
    assert entry["Icon"] == "vouch" and entry["Terminal"] == "false"
    assert entry["StartupWMClass"] == "vouch"
    assert set(_list(entry["MimeType"])) == {MIME_TYPE, URL_HANDLER}
    assert "Office" in _list(entry["Categories"])
    known = {
        "Type", "Name", "GenericName", "Comment", "Exec", "TryExec", "Icon", "Terminal",
        "Categories", "MimeType", "Keywords", "StartupNotify", "StartupWMClass",
    }  # fmt: skip
    assert set(entry) <= known
    validator = shutil.which("desktop-file-validate")
    if validator:
        done = subprocess.run([validator, str(RESOURCES / "vouch.desktop")], capture_output=True)
        assert done.returncode == 0, done.stdout + done.stderr


def test_mime_type_matches_the_desktop_entry() -> None:
    root = ET.parse(RESOURCES / "vouch-mime.xml").getroot()
    assert root.tag == f"{MIME_NS}mime-info"
    types = root.findall(f"{MIME_NS}mime-type")
    assert [t.get("type") for t in types] == [MIME_TYPE]
    (kind,) = types
    assert [g.get("pattern") for g in kind.findall(f"{MIME_NS}glob")] == ["*.vouch"]
    assert kind.findtext(f"{MIME_NS}comment")
    assert kind.find(f"{MIME_NS}generic-icon").get("name") == _desktop()["Icon"]  # type: ignore[union-attr]
    assert MIME_TYPE in _list(_desktop()["MimeType"])


def test_metainfo_has_what_appstream_requires() -> None:
    path = RESOURCES / "vouch.metainfo.xml"
    root = ET.parse(path).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == "org.vouch.Vouch"
    for tag in ("name", "summary", "metadata_license", "project_license"):
        assert (root.findtext(tag) or "").strip(), tag
    assert root.findtext("metadata_license") in {"CC0-1.0", "FSFAP", "MIT"}
    assert root.find("description/p") is not None
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == "vouch.desktop"
    assert root.findtext("provides/mediatype") == MIME_TYPE
    assert {b.text for b in root.findall("provides/binary")} == {"vouch", "vouch-gui"}
    releases = [r.get("version") for r in root.findall("releases/release")]
    assert releases and releases[0] == vouch.__version__
    summary = root.findtext("summary") or ""
    assert len(summary) < 80 and not summary.endswith(".")
    tool = shutil.which("appstreamcli")
    if tool:
        done = subprocess.run([tool, "validate", "--no-net", str(path)], capture_output=True)
        assert done.returncode == 0, done.stdout + done.stderr


def test_icons_render_at_every_hicolor_size(qapp: QApplication, tmp_path: Path) -> None:
    written = render_icons.render(RESOURCES / "vouch.svg", tmp_path / "hicolor")
    for size in render_icons.SIZES:
        image = QImage(str(tmp_path / "hicolor" / f"{size}x{size}" / "apps" / "vouch.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel() and image.pixelColor(size // 2, size // 2).alpha() > 0
    assert (tmp_path / "hicolor" / "scalable" / "apps" / "vouch.svg").read_bytes() == (
        RESOURCES / "vouch.svg"
    ).read_bytes()
    assert len(written) == len(render_icons.SIZES) + 1


def _spec_calls() -> dict[str, list[ast.Call]]:
    tree = ast.parse((PACKAGING / "vouch.spec").read_text("utf-8"))
    calls: dict[str, list[ast.Call]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            calls.setdefault(node.func.id, []).append(node)
    return calls


def _keywords(call: ast.Call) -> dict[str, object]:
    return {
        k.arg: k.value.value for k in call.keywords if k.arg and isinstance(k.value, ast.Constant)
    }


def test_spec_builds_both_commands_into_one_folder() -> None:
    calls = _spec_calls()
    names = {
        str(c.args[1].value): _keywords(c)["console"]  # type: ignore[attr-defined]
        for c in calls["executable"]
    }
    assert names == {"vouch-gui": False, "vouch": True}  # name -> console
    (collect,) = calls["COLLECT"]
    assert _keywords(collect)["name"] == "vouch"
    assert len(collect.args) == 6  # both executables with their binaries and data
    scripts = {c.args[0].value for c in calls["analysis"]}  # type: ignore[attr-defined]
    assert scripts == {"vouch_gui.py", "vouch_cli.py"}
    for script in scripts:
        assert (PACKAGING / "entry" / script).is_file()
    (bundle,) = calls["BUNDLE"]
    assert "bundle_identifier" in {k.arg for k in bundle.keywords}


def test_entry_scripts_start_the_right_mains() -> None:
    assert "from vouch.cli import main" in (PACKAGING / "entry" / "vouch_cli.py").read_text()
    assert "from vouch.gui.app import main" in (PACKAGING / "entry" / "vouch_gui.py").read_text()


def test_macos_info_plist_declares_the_document_type_link_scheme_and_touch_id() -> None:
    info = plistlib.loads((PACKAGING / "macos" / "Info.plist").read_bytes())
    assert info["CFBundleExecutable"] == "vouch-gui"
    assert info["CFBundleIdentifier"] == "org.vouch.Vouch"
    assert info["CFBundleShortVersionString"] == vouch.__version__
    (exported,) = info["UTExportedTypeDeclarations"]
    tags = exported["UTTypeTagSpecification"]
    assert tags["public.filename-extension"] == ["vouch"]
    assert tags["public.mime-type"] == [MIME_TYPE]
    (document,) = info["CFBundleDocumentTypes"]
    assert document["LSItemContentTypes"] == [exported["UTTypeIdentifier"]]
    (url,) = info["CFBundleURLTypes"]
    assert url["CFBundleURLSchemes"] == ["vouch"]
    assert "Touch ID" in info["NSFaceIDUsageDescription"]


def test_windows_installer_registers_the_file_type_and_the_link_protocol() -> None:
    iss = (PACKAGING / "windows" / "vouch.iss").read_text("utf-8")
    assert f'#define AppVersion "{vouch.__version__}"' in iss
    assert 'Subkey: "Software\\Classes\\.vouch"' in iss
    assert 'Subkey: "Software\\Classes\\vouch"; ValueType: string; ValueName: "URL Protocol"' in iss
    assert iss.count('""{app}\\{#AppExe}"" ""%1""') == 2  # file and link both passed as %1
    assert 'Source: "..\\..\\dist\\vouch\\*"' in iss and "ChangesAssociations=yes" in iss
    version = (PACKAGING / "windows" / "version_info.txt").read_text("utf-8")
    assert f"StringStruct('ProductVersion', '{vouch.__version__}')" in version
    ico = (PACKAGING / "windows" / "vouch.ico").read_bytes()
    assert ico[:4] == b"\0\0\1\0" and int.from_bytes(ico[4:6], "little") >= 5


@pytest.mark.parametrize("script", ["linux/build.sh", "linux/install.sh", "macos/make_icns.sh"])
def test_shell_recipes_parse(script: str) -> None:
    done = subprocess.run(["bash", "-n", str(PACKAGING / script)], capture_output=True)
    assert done.returncode == 0, done.stderr


def test_readme_documents_every_platform_and_the_link_grammar() -> None:
    text = (PACKAGING / "README.md").read_text("utf-8")
    for words in ("make package", "install.sh", "iscc", "BUNDLE", "vouch://did/", "vouch://bundle"):
        assert words in text, words
