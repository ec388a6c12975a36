#!/usr/bin/env bash
# Installs the system libraries Vouch and its tests need, only where they are missing.
# Debian/Ubuntu only; elsewhere it prints what to install and carries on.
set -euo pipefail

need=()
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_cmd() { command -v "$1" >/dev/null 2>&1; }

have_lib libEGL.so.1        || need+=(libegl1)
have_lib libxkbcommon.so.0  || need+=(libxkbcommon0)
have_lib libfontconfig.so.1 || need+=(libfontconfig1)
have_lib libdbus-1.so.3     || need+=(libdbus-1-3)
have_lib libGL.so.1         || need+=(libgl1)
# Qt's X11 platform plugin (for `make run` on an X11 desktop, and carried by `make package`).
have_lib libxcb-icccm.so.4   || need+=(libxcb-icccm4)
have_lib libxcb-keysyms.so.1 || need+=(libxcb-keysyms1)
have_lib libxcb-cursor.so.0  || need+=(libxcb-cursor0)
have_cmd dbus-run-session   || need+=(dbus)
have_cmd gnome-keyring-daemon || need+=(gnome-keyring)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if ! have_cmd apt-get; then
  echo "system-deps: please install: ${need[*]}" >&2
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "system-deps: installing ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
