#!/usr/bin/env bash
# Make packaging/macos/vouch.icns from resources/vouch.svg (run on macOS, before pyinstaller).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
QT_QPA_PLATFORM=offscreen "$PY" "$ROOT/packaging/linux/render_icons.py" \
    "$ROOT/resources/vouch.svg" "$WORK/hicolor" >/dev/null
SET="$WORK/vouch.iconset"
mkdir "$SET"
for n in 16 32 128 256 512; do
    cp "$WORK/hicolor/${n}x${n}/apps/vouch.png" "$SET/icon_${n}x${n}.png"
done
for n in 16 128 256; do
    d=$((n * 2))
    cp "$WORK/hicolor/${d}x${d}/apps/vouch.png" "$SET/icon_${n}x${n}@2x.png"
done
cp "$WORK/hicolor/64x64/apps/vouch.png" "$SET/icon_32x32@2x.png"
iconutil -c icns "$SET" -o "$ROOT/packaging/macos/vouch.icns"
echo "wrote packaging/macos/vouch.icns"
