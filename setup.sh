#!/usr/bin/env bash
# Install congvan on a fresh Debian machine with Python 3.11: system packages, a virtual
# environment in .venv, the package and its dependencies. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")"

# libreoffice-writer-nogui: soffice --headless turns a .doc, .rtf or .odt into the .docx that is read
# nodejs and npm: the tests expand the calendar with Mozilla's ical.js (tests/js) to check it
APT_PACKAGES=(python3-venv python3-dev build-essential tesseract-ocr tesseract-ocr-vie ocrmypdf ghostscript poppler-utils fonts-dejavu-core libreoffice-writer-nogui)
command -v node >/dev/null && command -v npm >/dev/null || APT_PACKAGES+=(nodejs npm)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" -eq 0 ]; then
    echo "==> apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "congvan needs these system packages; run as root:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null || PYTHON=python3
if [ ! -x .venv/bin/python ]; then
  echo "==> $PYTHON -m venv .venv"
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
echo "==> pip install -e .[dev]"
.venv/bin/python -m pip install -q -e ".[dev]"
echo "==> npm ci (tests/js: ical.js, to check the calendar)"
(cd tests/js && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
echo "congvan is installed: .venv/bin/congvan --help"
