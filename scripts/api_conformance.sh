#!/usr/bin/env bash
# Check that the JSON API agrees with its OpenAPI document: schemathesis, from its own environment
# (.venv-schemathesis, installed from requirements/schemathesis.lock), sends generated requests, valid
# and invalid, to every operation of /api/v1/openapi.json, served by `orchardist serve` on a free local
# port over a temporary store holding the demo network, and checks every answer against the document.
#   scripts/api_conformance.sh                      the bounded run CI makes (tests/web/test_api_conformance.py)
#   ORCHARDIST_CONFORMANCE_EXAMPLES=500 scripts/api_conformance.sh   a longer search
# Extra arguments go to `schemathesis run`, e.g. --include-path /api/v1/people
set -euo pipefail
cd "$(dirname "$0")/.."

python="${PYTHON:-python3}"
tool=.venv-schemathesis
stamp="$tool/.installed"
wanted="$(sha256sum requirements/schemathesis.lock | cut -d' ' -f1)"
if [ ! -x "$tool/bin/python" ]; then
    "$python" -m venv "$tool"
fi
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
    "$tool/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes \
        --only-binary :all: -r requirements/schemathesis.lock
    echo "$wanted" > "$stamp"
fi
scripts/bootstrap.sh

work="$(mktemp -d)"
server=""
cleanup() {
    if [ -n "$server" ]; then
        kill "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# A store of its own, so the run never touches the user's network.
export ORCHARDIST_DB="$work/orchardist.sqlite3"
.venv/bin/orchardist demo --if-empty >/dev/null
port="$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
.venv/bin/orchardist serve --port "$port" >"$work/server.log" 2>&1 &
server=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
    if .venv/bin/python -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)" \
        "$base/api/v1/openapi.json" 2>/dev/null; then
        break
    fi
    if ! kill -0 "$server" 2>/dev/null; then
        echo "orchardist serve stopped before answering:" >&2
        cat "$work/server.log" >&2
        exit 1
    fi
    sleep 0.2
done

# Refusals that depend on more than the request (today's date, what is stored) are named there.
export PYTHONPATH="$PWD/scripts" SCHEMATHESIS_HOOKS=api_conformance_hooks
status=0
"$tool/bin/schemathesis" run "$base/api/v1/openapi.json" \
    --checks "${ORCHARDIST_CONFORMANCE_CHECKS:-all}" \
    --max-examples "${ORCHARDIST_CONFORMANCE_EXAMPLES:-10}" \
    --seed "${ORCHARDIST_CONFORMANCE_SEED:-20261207}" \
    --workers 1 --request-timeout 20 --generation-database none --generation-codec utf-8 --no-color \
    --header "X-Orchardist-Client: api-conformance" \
    "$@" || status=$?
if [ "$status" -ne 0 ]; then
    # The server's own log (tracebacks of any 500) is kept for the developer, never printed.
    mkdir -p test-artifacts
    cp "$work/server.log" test-artifacts/api-conformance-server.log
    echo "The API disagrees with its OpenAPI document (failures above); the server's log is in" \
        "test-artifacts/api-conformance-server.log." >&2
fi
exit "$status"
