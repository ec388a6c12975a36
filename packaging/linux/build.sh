#!/usr/bin/env bash
# Build the Linux one-folder bundle: dist/vouch/ with the `vouch` and `vouch-gui` executables,
# their libraries in _internal/, and share/ (desktop entry, AppStream metainfo, MIME type,
# hicolor icons) ready for packaging/linux/install.sh.
#
#   bash packaging/linux/build.sh            (uses .venv/bin/python, or $PYTHON)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
DIST="$ROOT/dist"
WORK="$ROOT/build/pyinstaller"
OUT="$DIST/vouch"

"$PY" -m PyInstaller --version >/dev/null 2>&1 || {
    echo "PyInstaller is missing: pip install -e '.[package]'" >&2
    exit 1
}

"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" packaging/vouch.spec

SHARE="$OUT/share"
install -d "$SHARE/applications" "$SHARE/metainfo" "$SHARE/mime/packages"
install -m 644 resources/vouch.desktop "$SHARE/applications/vouch.desktop"
install -m 644 resources/vouch.metainfo.xml "$SHARE/metainfo/org.vouch.Vouch.metainfo.xml"
install -m 644 resources/vouch-mime.xml "$SHARE/mime/packages/vouch-mime.xml"
QT_QPA_PLATFORM=offscreen "$PY" packaging/linux/render_icons.py \
    resources/vouch.svg "$SHARE/icons/hicolor" >/dev/null
install -m 755 packaging/linux/install.sh "$OUT/install.sh"

if command -v appstreamcli >/dev/null 2>&1; then
    appstreamcli validate --no-net "$SHARE/metainfo/org.vouch.Vouch.metainfo.xml"
fi
if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate "$SHARE/applications/vouch.desktop"
fi

echo "built $OUT ($(du -sh "$OUT" | cut -f1))"
