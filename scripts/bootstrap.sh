#!/usr/bin/env bash
# Create .venv and install Orchardist into it (with test tools when given "test").
# Safe to run again: it reinstalls only when pyproject.toml changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/.."

extras="${1:-}"
python="${PYTHON:-python3}"
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "Orchardist needs Python 3.11 or newer; $python is $("$python" --version 2>&1)." >&2
    exit 1
fi
if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
fi
spec="."
[ "$extras" = "test" ] && spec=".[test]"
stamp=".venv/.orchardist-installed${extras:+-$extras}"
wanted="$(sha256sum pyproject.toml | cut -d' ' -f1)"
# An install with the test tools also holds everything the app needs.
if [ -z "$extras" ] && [ -f .venv/.orchardist-installed-test ] \
    && [ "$(cat .venv/.orchardist-installed-test)" = "$wanted" ]; then
    stamp=.venv/.orchardist-installed-test
fi
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e "$spec"
    echo "$wanted" > "$stamp"
fi
