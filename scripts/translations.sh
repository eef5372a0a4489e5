#!/usr/bin/env bash
# Refresh the translation catalogues after changing visible strings:
#   scripts/translations.sh          extract, then merge new strings into fr_CA/orchardist.po
#   scripts/translations.sh compile  compile the .po files into the .mo files the app loads
# Translate the new entries in src/orchardist/web/locale/fr_CA/LC_MESSAGES/orchardist.po in between.
set -euo pipefail
cd "$(dirname "$0")/.."
locale=src/orchardist/web/locale
if [ "${1:-}" = "compile" ]; then
    .venv/bin/pybabel compile -d "$locale" -D orchardist --statistics
    exit 0
fi
.venv/bin/pybabel extract -F babel.cfg --no-location --sort-output --project Orchardist \
    --copyright-holder "Orchardist" -o "$locale/orchardist.pot" src
if [ -f "$locale/fr_CA/LC_MESSAGES/orchardist.po" ]; then
    .venv/bin/pybabel update --no-fuzzy-matching -i "$locale/orchardist.pot" -d "$locale" -D orchardist -l fr_CA
else
    .venv/bin/pybabel init -i "$locale/orchardist.pot" -d "$locale" -D orchardist -l fr_CA
fi
