#!/usr/bin/env bash
# Install the Vouch bundle (the folder this script sits in, or dist/vouch) for one user or
# for everyone:
#
#   ./install.sh                      into ~/.local  (no root needed)
#   sudo ./install.sh --prefix /usr/local
#   ./install.sh --uninstall [--prefix DIR]
#
# The bundle is copied to PREFIX/lib/vouch, the commands linked from PREFIX/bin, and the
# desktop entry, metainfo, MIME type and icons go under PREFIX/share. Opening a .vouch file
# or a vouch:// link then starts Vouch on the right page.
set -euo pipefail

PREFIX="$HOME/.local"
ACTION=install
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) PREFIX="$2"; shift 2 ;;
        --prefix=*) PREFIX="${1#--prefix=}"; shift ;;
        --uninstall) ACTION=uninstall; shift ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ -x "$HERE/vouch-gui" ]; then SRC="$HERE"; else SRC="$HERE/../../dist/vouch"; fi
LIB="$PREFIX/lib/vouch"
BIN="$PREFIX/bin"
SHARE="$PREFIX/share"
SIZES="16 22 24 32 48 64 128 256 512"

refresh() {
    command -v update-mime-database >/dev/null && update-mime-database "$SHARE/mime" || true
    command -v update-desktop-database >/dev/null && update-desktop-database "$SHARE/applications" || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true
}

if [ "$ACTION" = uninstall ]; then
    rm -rf "$LIB"
    rm -f "$BIN/vouch" "$BIN/vouch-gui" "$SHARE/applications/vouch.desktop" \
        "$SHARE/metainfo/org.vouch.Vouch.metainfo.xml" "$SHARE/mime/packages/vouch-mime.xml" \
        "$SHARE/icons/hicolor/scalable/apps/vouch.svg"
    for n in $SIZES; do rm -f "$SHARE/icons/hicolor/${n}x${n}/apps/vouch.png"; done
    refresh
    echo "Vouch removed from $PREFIX"
    exit 0
fi

[ -x "$SRC/vouch-gui" ] || { echo "no built bundle at $SRC (run make package)" >&2; exit 1; }
SRC="$(cd "$SRC" && pwd)"
if [ "$SRC" != "$LIB" ]; then
    rm -rf "$LIB"
    install -d "$LIB"
    cp -a "$SRC/." "$LIB/"
fi
install -d "$BIN" "$SHARE/applications" "$SHARE/metainfo" "$SHARE/mime/packages"
ln -sf "$LIB/vouch" "$BIN/vouch"
ln -sf "$LIB/vouch-gui" "$BIN/vouch-gui"
# The absolute path keeps file and link opening working when PREFIX/bin is not on PATH.
sed -e "s|^Exec=vouch-gui|Exec=$LIB/vouch-gui|" -e "s|^TryExec=vouch-gui|TryExec=$LIB/vouch-gui|" \
    "$SRC/share/applications/vouch.desktop" > "$SHARE/applications/vouch.desktop"
chmod 644 "$SHARE/applications/vouch.desktop"
install -m 644 "$SRC/share/metainfo/org.vouch.Vouch.metainfo.xml" "$SHARE/metainfo/"
install -m 644 "$SRC/share/mime/packages/vouch-mime.xml" "$SHARE/mime/packages/"
cp -r "$SRC/share/icons" "$SHARE/"
refresh
command -v xdg-mime >/dev/null && xdg-mime default vouch.desktop x-scheme-handler/vouch application/x-vouch || true
echo "Vouch installed in $PREFIX (run vouch-gui, or open a .vouch file)"
