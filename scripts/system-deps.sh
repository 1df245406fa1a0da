#!/usr/bin/env bash
# Checks (and, as root on Debian, installs) the system packages the project needs:
#   python3 venv support, npm and Chromium (it draws the link-preview images) for `make book`;
#   the same for `make test` (Chromium also runs the browser tests), and with --test Firefox ESR,
#   the browser tests' second engine (tests/test_firefox.py).
# Usage: scripts/system-deps.sh [--test]
set -euo pipefail
missing=()

python_ok() { "${PYTHON:-python3.11}" -c "import venv, ensurepip" >/dev/null 2>&1; }
python_ok || missing+=("python3.11-venv")
command -v npm >/dev/null 2>&1 || missing+=("npm")
# $CHROMIUM may name another Chromium or Chrome binary (e.g. a CI image's own).
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing+=("chromium")
# $FIREFOX may name another Firefox binary (tests/test_firefox.py reads it too).
if [ "${1:-}" = "--test" ]; then
  [ -x "${FIREFOX:-/usr/bin/firefox-esr}" ] || missing+=("firefox-esr")
fi

[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Missing system packages: ${missing[*]}" >&2
  echo "Install them first, e.g.: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
