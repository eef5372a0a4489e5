#!/usr/bin/env bash
# Audit every locked package (requirements/*.lock) for known vulnerabilities with pip-audit --strict,
# from its own environment (.venv-audit, itself installed from requirements/audit.lock).
# A vulnerability, or a package the service cannot vouch for, fails (exit 1). When no vulnerability
# service answers (this machine may reach the package index but not its vulnerability data), it says
# so in one line and exits 0, so that ./test still runs: "pip-audit skipped: ... not reachable".
# ORCHARDIST_AUDIT=require turns that skip into a failure; ORCHARDIST_AUDIT=off skips on purpose.
set -euo pipefail
cd "$(dirname "$0")/.."

case "${ORCHARDIST_AUDIT:-auto}" in
    off) echo "pip-audit skipped: ORCHARDIST_AUDIT=off"; exit 0 ;;
    auto | require) ;;
    *) echo "ORCHARDIST_AUDIT must be auto, require or off" >&2; exit 2 ;;
esac

python="${PYTHON:-python3}"
tool=.venv-audit
stamp="$tool/.installed"
wanted="$(sha256sum requirements/audit.lock | cut -d' ' -f1)"
if [ ! -x "$tool/bin/python" ]; then
    "$python" -m venv "$tool"
fi
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
    # The lock names every package pip-audit needs, each pinned with its hashes: installed as listed
    # (--no-deps), since pip's resolver would ask again for a dependency named with an extra
    # ("CacheControl[filecache]"), which the lock pins without it, and refuse the whole install.
    "$tool/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
        --only-binary :all: -r requirements/audit.lock
    "$tool/bin/python" -m pip check --disable-pip-version-check >/dev/null
    echo "$wanted" > "$stamp"
fi

# Ask each service pip-audit knows about a release with published vulnerabilities (Jinja2 3.1.4),
# with a short timeout; the first that answers with them is the one the audit uses.
service="$("$tool/bin/python" - <<'PY'
import sys

from packaging.version import Version
from pip_audit._service import EcosystemsService, OsvService, PyPIService, ResolvedDependency

known = ResolvedDependency(name="jinja2", version=Version("3.1.4"))
failed = []
for name, service in (("pypi", PyPIService), ("osv", OsvService), ("esms", EcosystemsService)):
    try:
        _, found = service(timeout=5).query(known)
    except Exception:  # any failure (no route, a timeout, an error page) means not here
        failed.append(name)
        continue
    if found:
        print(name)
        sys.exit(0)
    failed.append(name)
print(", ".join(failed))
sys.exit(1)
PY
)" && reachable=1 || reachable=0

if [ "$reachable" = 0 ]; then
    message="pip-audit skipped: vulnerability services not reachable (${service:-pypi, osv, esms})"
    if [ "${ORCHARDIST_AUDIT:-auto}" = require ]; then
        echo "$message; ORCHARDIST_AUDIT=require" >&2
        exit 1
    fi
    echo "$message"
    exit 0
fi

locks=()
for lock in requirements/*.lock; do
    locks+=(-r "$lock")
done
echo "pip-audit: checking requirements/*.lock against the $service vulnerability service"
exec "$tool/bin/pip-audit" --strict --disable-pip --require-hashes --progress-spinner off \
    --vulnerability-service "$service" --timeout 30 "${locks[@]}"
