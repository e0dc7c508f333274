#!/usr/bin/env bash
# Benchmark: release build, then bench/run.py (generate inputs, time appraise against xmllint --stream,
# Python ElementTree/lxml/json references in the same run, peak RSS, rate + reports growth).
#   bash bench/run.sh                       # full run (~1 GB of XML; takes a while)
#   bash bench/run.sh --sizes 25 --growth 100 --runs 1   # the tiny size CI runs
# Needs: make, xmllint (apt-get install libxml2-utils), /usr/bin/time (apt-get install time), and optionally
# Python lxml and pysimdjson (pip install lxml pysimdjson); a missing reference is reported as n/a.
# The parse floors (bench/floors) build bench/floors/sax2_floor.c with cc and libxml2-dev (pkg-config).
set -euo pipefail
cd "$(dirname "$0")/.."
# The same build as `make all` (static Swift runtime and the Makefile's link flags, as installed), so CI
# builds release once.
make --no-print-directory build >&2
exec python3 bench/run.py "$@"
