#!/usr/bin/env bash
# Create .venv and install Orchardist into it (with the test tools when given "test").
# Every package comes from a lock file in requirements/ (app.lock, or test.lock with the test tools):
# one version each, checked against its published hashes, as wheels only, so nothing is built from a
# download; then Orchardist itself, editable, with the locked setuptools. scripts/lock.sh updates them.
# Safe to run again: it reinstalls only when the lock file or pyproject.toml changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/.."

extras="${1:-}"
python="${PYTHON:-python3}"
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "Orchardist needs Python 3.11 or newer; $python is $("$python" --version 2>&1)." >&2
    exit 1
fi
if [ ! -x .venv/bin/python ]; then
    echo "Setting up Orchardist in .venv (the first time takes a minute or two)..." >&2
    "$python" -m venv .venv
fi

inputs() { cat "requirements/$1.lock" pyproject.toml | sha256sum | cut -d' ' -f1; }
lock=app
[ "$extras" = "test" ] && lock=test
stamp=".venv/.orchardist-installed${extras:+-$extras}"
wanted="$(inputs "$lock")"
# An install with the test tools also holds everything the app needs (test.lock pins the same versions).
if [ -z "$extras" ] && [ -f .venv/.orchardist-installed-test ] \
    && [ "$(cat .venv/.orchardist-installed-test)" = "$(inputs test)" ]; then
    stamp=.venv/.orchardist-installed-test
    wanted="$(inputs test)"
fi
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
    rm -f "$stamp"
    echo "Installing what Orchardist needs${extras:+ and its $extras tools}, checked against requirements/$lock.lock..." >&2
    pip=(.venv/bin/python -m pip --disable-pip-version-check)
    "${pip[@]}" install --quiet --require-hashes --only-binary :all: -r "requirements/$lock.lock"
    "${pip[@]}" install --quiet --no-deps --no-build-isolation -e .
    echo "$wanted" > "$stamp"
    echo "Installed." >&2
fi
# Orchardist's own modules as bytecode, as a wheel's install would leave them: with
# PYTHONDONTWRITEBYTECODE set, Python would otherwise compile each one again on every command (about
# 70 ms of `orchardist --help`). Only what changed since is compiled again; a file edited later is read
# from its source until then.
.venv/bin/python -m compileall -q -j 0 src > /dev/null
