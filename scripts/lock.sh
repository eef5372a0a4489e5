#!/usr/bin/env bash
# Regenerate the lock files in requirements/ (docs/development.md, "Dependencies and lock files"):
#   test.lock          the app and its test tools (pyproject.toml with [test], and build.in)
#   app.lock           the app alone, at the same versions as test.lock
#   audit.lock         pip-audit, for scripts/audit.sh
#   schemathesis.lock  schemathesis, for scripts/api_conformance.sh
#   lock.lock          uv, which writes all of these
# Every package is pinned to one version with the hashes of all its published files, for every platform
# and Python from 3.11. Pins already in a lock file are kept while they still fit; extra arguments go to
# `uv pip compile`, e.g.  scripts/lock.sh --upgrade   or   scripts/lock.sh --upgrade-package starlette
set -euo pipefail
cd "$(dirname "$0")/.."

python="${PYTHON:-python3}"
tool=.venv-lock
stamp="$tool/.installed"
if [ ! -x "$tool/bin/python" ]; then
    "$python" -m venv "$tool"
fi
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$(sha256sum requirements/lock.lock | cut -d' ' -f1)" ]; then
    "$tool/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes \
        --only-binary :all: -r requirements/lock.lock
    sha256sum requirements/lock.lock | cut -d' ' -f1 > "$stamp"
fi

compile() {
    local out="$1"
    shift
    "$tool/bin/uv" pip compile --quiet --universal --python-version 3.11 --generate-hashes \
        --custom-compile-command scripts/lock.sh --output-file "requirements/$out" "$@"
}
compile test.lock pyproject.toml --extra test requirements/build.in "$@"
compile app.lock pyproject.toml requirements/build.in --constraint requirements/test.lock "$@"
compile audit.lock requirements/audit.in requirements/build.in "$@"
compile schemathesis.lock requirements/schemathesis.in requirements/build.in "$@"
compile lock.lock requirements/lock.in "$@"
echo "Lock files written in requirements/; run ./test, then commit them with pyproject.toml."
