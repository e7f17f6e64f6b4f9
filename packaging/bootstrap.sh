#!/usr/bin/env bash
# Set up everything Diptych needs on a fresh Debian/Ubuntu machine:
# the shared libraries Qt loads, a virtual environment, and the Python packages.
# Usage: bootstrap.sh app|test|bench   (PYTHON and VENV may be set in the environment)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-app}
PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}

# The Python first: with one Diptych cannot use, nothing is worth installing.
command -v "$PYTHON" >/dev/null || {
  echo "There is no $PYTHON here. Run make with PYTHON=/path/to/python3.11 (3.11 to 3.13)" >&2
  exit 1
}
"$PYTHON" - <<'PY'
import sys
if not (3, 11) <= sys.version_info[:2] <= (3, 13):
    sys.exit(f"Diptych needs Python 3.11 to 3.13; {sys.executable} is {sys.version.split()[0]}. "
             "Run make with PYTHON=/path/to/python3.11")
PY

# Shared libraries that the Qt wheels load (xcb for a real screen, EGL/GL, fonts).
declare -A LIB_PACKAGE=(
  [libEGL.so.1]=libegl1 [libGL.so.1]=libgl1 [libxkbcommon.so.0]=libxkbcommon0
  [libxkbcommon-x11.so.0]=libxkbcommon-x11-0 [libfontconfig.so.1]=libfontconfig1
  [libfreetype.so.6]=libfreetype6 [libglib-2.0.so.0]=libglib2.0-0 [libdbus-1.so.3]=libdbus-1-3
  [libX11-xcb.so.1]=libx11-xcb1 [libxcb-cursor.so.0]=libxcb-cursor0 [libxcb-icccm.so.4]=libxcb-icccm4
  [libxcb-keysyms.so.1]=libxcb-keysyms1 [libxcb-shape.so.0]=libxcb-shape0
  [libxcb-randr.so.0]=libxcb-randr0 [libxcb-render-util.so.0]=libxcb-render-util0
  [libxcb-image.so.0]=libxcb-image0 [libxcb-xkb.so.1]=libxcb-xkb1
)
# ldconfig is in /sbin, which is not on an ordinary user's PATH on Debian. The listings are
# read whole before they are searched: a search that stops at the first match would cut the
# listing short, and under pipefail that counts as not found.
libraries=$(PATH="$PATH:/sbin:/usr/sbin" ldconfig -p 2>/dev/null || true)
fonts=$(fc-list 2>/dev/null || true)
missing=()
for lib in "${!LIB_PACKAGE[@]}"; do
  [[ $libraries == *"$lib"* ]] || missing+=("${LIB_PACKAGE[$lib]}")
done
[ -n "$fonts" ] || missing+=(fontconfig fonts-dejavu-core)
"$PYTHON" -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
if ((${#missing[@]})); then
  echo "Installing system packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  if command -v apt-get >/dev/null; then
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
  else
    echo "Please install the equivalents of: ${missing[*]}" >&2
  fi
fi

case "$what" in
  app)   extras="" ;;
  test)  extras="[test]" ;;
  bench) extras="[test,bench]" ;;
  *) echo "unknown target: $what" >&2; exit 2 ;;
esac
log="$VENV/pip-install.log"
# pip's own output goes to the log: said here, so that a first run (PySide6 is a download of
# about 100 MB) is not a silent terminal.
echo "Installing Diptych's Python packages into $VENV with pip: the first time, this" \
  "downloads PySide6 (about 100 MB) and may take a few minutes. Progress: $log"
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null 2>&1 || true
if ! "$VENV/bin/python" -m pip install --disable-pip-version-check -e ".$extras" >"$log" 2>&1; then
  grep -v "is ignored: it is neither a file nor a directory" "$log" >&2
  echo "pip could not install Diptych into $VENV (log: $log)" >&2
  exit 1
fi
"$VENV/bin/python" -c "import diptych.storage, PySide6" \
  || { echo "Installation into $VENV failed" >&2; exit 1; }
