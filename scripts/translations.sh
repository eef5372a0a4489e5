#!/usr/bin/env bash
# Refresh the translation catalogues after changing visible strings:
#   scripts/translations.sh          extract the strings, then add the new ones to each language's .po
#   scripts/translations.sh compile  compile the .po files into the .mo files the app loads
# In between, translate the new (empty) entries of src/orchardist/web/locale/fr_CA/LC_MESSAGES/orchardist.po;
# tests/web/test_translations.py lists any that are missing.
#
# Safe to run again: translations already made are kept, nothing is guessed from similar strings
# (no fuzzy matching), strings no longer used are kept at the end of the .po as obsolete (#~), and a
# file changes only when its strings do.
set -euo pipefail
cd "$(dirname "$0")/.."

locale=src/orchardist/web/locale
domain=orchardist
pot="$locale/$domain.pot"
languages=(fr_CA)

[ -x .venv/bin/pybabel ] || scripts/bootstrap.sh
pybabel=.venv/bin/pybabel

case "${1:-}" in
    compile)
        for language in "${languages[@]}"; do
            "$pybabel" compile -d "$locale" -D "$domain" -l "$language" --statistics
        done
        exit 0
        ;;
    "") ;;
    *)
        echo "usage: scripts/translations.sh [compile]" >&2
        exit 2
        ;;
esac

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# babel.cfg's paths start at the project's root, so extraction starts there too.
"$pybabel" --quiet extract -F babel.cfg --no-location --sort-output --project Orchardist \
    --copyright-holder "Orchardist" -o "$scratch/$domain.pot" .
# The template is replaced only when a string changed, not just its creation date.
mkdir -p "$locale"
if [ ! -f "$pot" ] || ! cmp -s <(grep -v '^"POT-Creation-Date:' "$pot") \
    <(grep -v '^"POT-Creation-Date:' "$scratch/$domain.pot"); then
    cp "$scratch/$domain.pot" "$pot"
fi

for language in "${languages[@]}"; do
    po="$locale/$language/LC_MESSAGES/$domain.po"
    if [ ! -f "$po" ]; then
        "$pybabel" init -i "$pot" -d "$locale" -D "$domain" -l "$language"
        # A new catalogue is marked fuzzy as a whole, and a fuzzy catalogue is never compiled.
        .venv/bin/python - "$po" <<'PYTHON'
import sys

from babel.messages.pofile import read_po, write_po

path = sys.argv[1]
with open(path, "rb") as handle:
    catalog = read_po(handle)
catalog.fuzzy = False
with open(path, "wb") as handle:
    write_po(handle, catalog)
PYTHON
    fi
    "$pybabel" --quiet update --no-fuzzy-matching --ignore-pot-creation-date -i "$pot" -d "$locale" \
        -D "$domain" -l "$language"
    .venv/bin/python - "$po" <<'PYTHON'
import sys

from babel.messages.pofile import read_po

with open(sys.argv[1], "rb") as handle:
    catalog = read_po(handle)
entries = [message for message in catalog if message.id]
forms = [message.string if isinstance(message.string, tuple) else (message.string,) for message in entries]
missing = sum(1 for message, strings in zip(entries, forms) if message.fuzzy or not all(strings))
print(f"{sys.argv[1]}: {missing} of {len(entries)} entries still to translate")
PYTHON
done
echo "Translate the empty entries, then run: scripts/translations.sh compile"
