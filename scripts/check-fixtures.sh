#!/usr/bin/env bash
# Regenerates the generated fixtures into a temporary folder and diffs them with the committed ones,
# so a hand edit of a generated file (or a generator change without regeneration) fails CI.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
python3 scripts/generate-fixtures.py "$out"
status=0
while IFS= read -r -d '' file; do
  relative=${file#"$out"/}
  if ! cmp -s "$file" "fixtures/$relative"; then
    echo "check-fixtures: fixtures/$relative differs from scripts/generate-fixtures.py's output" >&2
    diff -u "fixtures/$relative" "$file" | head -20 >&2 || true
    status=1
  fi
done < <(find "$out" -type f -print0)
[ "$status" -eq 0 ] && echo "check-fixtures: $(find "$out" -type f | wc -l) generated fixtures match"
# The CMMI V3.0 structure catalog is generated too (scripts/generate-cmmi3-structure.py).
python3 scripts/generate-cmmi3-structure.py --check || status=1
# So are the CMMI V3.0 evidence fixtures, one description in three syntaxes (scripts/generate-cmmi3-fixtures.py).
python3 scripts/generate-cmmi3-fixtures.py --check || status=1
exit "$status"
