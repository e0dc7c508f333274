#!/usr/bin/env bash
# Builds the libFuzzer harnesses of fuzz/ and runs one of them (docs/fuzzing.md).
#
#   fuzz/run.sh READER SECONDS   fuzz READER for SECONDS (all: each reader in turn), one process
#                                READER: xml | json | csv | xlsx | catalog | xml-streaming | itsm | render | all
#   fuzz/run.sh --replay         run every file of fuzz/regressions/*/ and every fixture seed once (CI)
#
# Builds into .build-fuzz/ at the repository root; the working corpus is .build-fuzz/corpus/READER (seeded
# from the fixtures, which are never written to) and crash/timeout/OOM inputs go to
# .build-fuzz/findings/READER/. Prints `fuzz: READER executions=N seconds=S crashes=K` and exits non-zero
# when libFuzzer found anything. Environment: FUZZ_SKIP_BUILD=1 reuses the last build; FUZZ_CONFIG=release
# builds with -O (about 3x the executions per second; Swift's bounds and overflow checks stay on);
# FUZZ_ARGS adds libFuzzer flags (e.g. FUZZ_ARGS=-seed=1); FUZZ_RUNS=N stops after N executions (or
# SECONDS, whichever comes first); FUZZ_MAX_LEN=N fuzzes inputs of at most N bytes in a corpus of its own,
# .build-fuzz/corpus/READER-lenN, seeded only with the seeds that fit (about 10x the executions per second
# of the default limit, whose corpus fills with 30-120 KB inputs). fuzz/campaign.sh runs long campaigns.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
scratch="$root/.build-fuzz"
readers=(xml json csv xlsx catalog xml-streaming itsm render)

usage() {
  echo "usage: fuzz/run.sh xml|json|csv|xlsx|catalog|xml-streaming|itsm|render|all SECONDS" >&2
  echo "       fuzz/run.sh --replay" >&2
  exit 64
}

# Measured with SwiftPM 6.3.1 (docs/fuzzing.md): SwiftPM's --sanitize=fuzzer is needed so the
# executable's own main() is renamed and libFuzzer's runs; but SwiftPM passes each --sanitize to swiftc as
# a separate -sanitize= flag, in an order that changes from build to build, and swiftc keeps only the LAST
# one: `--sanitize=fuzzer --sanitize=address` alone gives either ASan without coverage (no "inline 8-bit
# counters" in the banner: blind mutation) or coverage without ASan. The trailing
# -Xswiftc -sanitize=fuzzer,address comes after SwiftPM's flags and wins.
for setting in FUZZ_RUNS FUZZ_MAX_LEN; do
  value=${!setting:-}
  [[ -z "$value" || "$value" =~ ^[1-9][0-9]*$ ]] || { echo "fuzz: $setting must be a positive whole number, not '$value'" >&2; exit 64; }
done
config=${FUZZ_CONFIG:-debug}
[[ $config == debug || $config == release ]] || { echo "fuzz: FUZZ_CONFIG must be debug or release" >&2; exit 64; }
build_flags=(-c "$config" --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
  --package-path "$root/fuzz" --scratch-path "$scratch")

build() {
  if [[ "${FUZZ_SKIP_BUILD:-0}" == 1 ]]; then return; fi
  local flags=("${build_flags[@]}")
  local log="$scratch/build.log"
  mkdir -p "$scratch"
  echo "fuzz: building harnesses (log: ${log#"$root/"})" >&2
  if ! swift build "${flags[@]}" >"$log" 2>&1; then
    grep -E "error:" "$log" | sort -u | head -20 >&2 || true
    echo "fuzz: build failed; see $log" >&2
    exit 2
  fi
  bin_dir=$(swift build "${flags[@]}" --show-bin-path)
}

binary() {
  local dir=${bin_dir:-$scratch/$config}
  case $1 in
    xml) echo "$dir/FuzzXML" ;;
    json) echo "$dir/FuzzJSON" ;;
    csv) echo "$dir/FuzzCSV" ;;
    xlsx) echo "$dir/FuzzXLSX" ;;
    catalog) echo "$dir/FuzzCatalog" ;;
    xml-streaming) echo "$dir/FuzzXMLStreaming" ;;
    itsm) echo "$dir/FuzzITSM" ;;
    render) echo "$dir/FuzzRender" ;;
  esac
}

# Seed files of a reader, by folder and extension.
seeds() {
  local ext
  case $1 in
    xml | xml-streaming | json | csv)
      ext=${1%-streaming}
      for dir in fixtures/evidence fixtures/company-a fixtures/invalid/evidence fixtures/hostile; do
        compgen -G "$root/$dir/*.$ext" || true
      done
      ;;
    catalog)
      for dir in practice-catalogs fixtures/catalogs fixtures/invalid/catalogs; do
        compgen -G "$root/$dir/*.json" || true
      done
      ;;
    xlsx) compgen -G "$root/fixtures/xlsx/*.xlsx" || true; compgen -G "$root/fixtures/invalid/evidence/*.xlsx" || true ;;
    itsm) itsm_seeds ;;
    render) render_seeds ;;
  esac
}

# The render harness reads its first byte as the syntax, detail and view (RenderPipeline.selector); its
# seeds are the evidence seeds with that byte in front, made in .build-fuzz/seeds/render/: every file as
# is, and the sample files also summarised and with each ITIL view.
render_seeds() {
  local dir="$scratch/seeds/render" file ext base syntax selector
  mkdir -p "$dir"
  for ext in xml json csv; do
    syntax=$(case $ext in xml) echo 0 ;; json) echo 1 ;; csv) echo 2 ;; esac)
    while IFS= read -r file; do
      [[ -n "$file" ]] || continue
      base=$(basename "$(dirname "$file")")-$(basename "$file")
      for selector in $syntax $((syntax + 3)) $((syntax + 30)) $((syntax + 36)) $((syntax + 42)); do
        # Only the small sample files in every shape; the others as they are.
        [[ $selector == "$syntax" || $base == evidence-sample.* ]] || continue
        { printf "\\$(printf %03o "$selector")"; cat "$file"; } >"$dir/$selector-$base"
        echo "$dir/$selector-$base"
      done
    done < <(seeds "$ext")
  done
}

# The ITSM harness reads its first byte as the export shape (ITSMPipeline.shapes: tool and file type);
# its seeds are the exports of fixtures/itsm/TOOL/ with that byte in front, made in .build-fuzz/seeds/itsm/.
itsm_seeds() {
  local dir="$scratch/seeds/itsm" file tool ext index
  local shapes=(servicenow.xml servicenow.json jira-sm.xml jira-sm.json bmc-helix.csv bmc-helix.json manageengine.json
    freshservice.json)
  mkdir -p "$dir"
  for file in "$root"/fixtures/itsm/*/*.*; do
    tool=$(basename "$(dirname "$file")")
    ext=${file##*.}
    for index in "${!shapes[@]}"; do
      if [[ ${shapes[$index]} == "$tool.$ext" ]]; then
        { printf "\\$(printf %03o "$index")"; cat "$file"; } >"$dir/$tool-$(basename "$file")"
        echo "$dir/$tool-$(basename "$file")"
      fi
    done
  done
  # Imports of two files whose records refer to each other (ITSMPipeline.separator between them).
  itsm_pair 0 servicenow/incident.xml servicenow/task_sla.xml
  itsm_pair 7 freshservice/groups.json freshservice/tickets.json
  itsm_pair 7 freshservice/groups.json freshservice/problems.json
}

itsm_pair() {
  local out="$scratch/seeds/itsm/pair-${2//\//-}+${3##*/}"
  { printf "\\$(printf %03o "$1")"; cat "$root/fixtures/itsm/$2"; printf '\n=== appraise-fuzz next file ===\n'; cat "$root/fixtures/itsm/$3"; } >"$out"
  echo "$out"
}

# Regression inputs of a reader (everything but .gitkeep).
regressions() {
  find "$root/fuzz/regressions/$1" -maxdepth 1 -type f ! -name .gitkeep | sort
}

dictionary() {
  case $1 in
    xml | xml-streaming) echo "$root/fuzz/dict/xml.dict" ;;
    json) echo "$root/fuzz/dict/json.dict" ;;
    csv) echo "$root/fuzz/dict/csv.dict" ;;
    xlsx) echo "$root/fuzz/dict/xlsx.dict" ;;
    catalog) echo "$root/fuzz/dict/catalog.dict" ;;
    itsm) echo "$root/fuzz/dict/itsm.dict" ;;
    render)
      # Rendering escapes what the evidence carries: its own tokens and those of the three syntaxes.
      mkdir -p "$scratch/dict"
      cat "$root"/fuzz/dict/{render,xml,json,csv}.dict >"$scratch/dict/render.dict"
      echo "$scratch/dict/render.dict"
      ;;
  esac
}

# Fails loudly unless the binary is libFuzzer's and its code is instrumented for both coverage and ASan:
# a binary whose own main() won exits 0 without fuzzing anything, and one built without the trailing
# -Xswiftc -sanitize=fuzzer,address lacks one of the two at random.
check_coverage() {
  local reader=$1 bin=$2 banner counters
  [[ -x "$bin" ]] || { echo "fuzz: $bin is missing; build first" >&2; exit 2; }
  banner=$(SWIFT_BACKTRACE=enable=no "$bin" -runs=0 2>&1 || true)
  counters=$(sed -nE 's/.*INFO: Loaded [0-9]+ modules? +\(([0-9]+) inline 8-bit counters\).*/\1/p' <<<"$banner" | head -1)
  if [[ -z "$counters" || "$counters" -lt 1000 ]]; then
    echo "fuzz: $reader: NO COVERAGE: the libFuzzer banner has no 'inline 8-bit counters' (or too few: '${counters:-none}')." >&2
    echo "fuzz: this binary would run and fuzz nothing. Banner was:" >&2
    head -5 <<<"$banner" >&2
    exit 3
  fi
  # The other half: SwiftPM's sanitizer order can also leave coverage without AddressSanitizer.
  local asan_calls=1
  if command -v nm >/dev/null; then asan_calls=$(nm "$bin" 2>/dev/null | grep -c '__asan_report_load' || true); fi
  if [[ "$asan_calls" == 0 ]]; then
    echo "fuzz: $reader: NO ADDRESSSANITIZER in $bin: memory errors would go unseen" >&2
    exit 3
  fi
  echo "fuzz: $reader: instrumented, $counters inline 8-bit counters, ASan" >&2
}

max_len() {
  if [[ -n "${FUZZ_MAX_LEN:-}" ]]; then
    echo "$FUZZ_MAX_LEN"
    return
  fi
  # The largest evidence fixture (company-a/after.json) is 120 KB; longer seeds would be truncated.
  case $1 in
    catalog) echo 200000 ;;
    itsm) echo 65536 ;; # the largest export fixture is 26 KB
    render) echo 131073 ;; # the evidence limit and the selector byte
    *) echo 131072 ;;
  esac
}

common_flags() {
  local reader=$1
  echo "-rss_limit_mb=2048 -timeout=10 -dict=$(dictionary "$reader") -artifact_prefix=$scratch/findings/$reader/"
}

fuzz_one() {
  local reader=$1 seconds=$2 bin corpus log
  bin=$(binary "$reader")
  check_coverage "$reader" "$bin"
  local limit
  limit=$(max_len "$reader")
  corpus="$scratch/corpus/$reader${FUZZ_MAX_LEN:+-len$FUZZ_MAX_LEN}"
  mkdir -p "$corpus" "$scratch/findings/$reader" "$scratch/logs"
  # Copies of the seeds, prefixed with their folder; libFuzzer only ever writes into the first corpus
  # directory, so fuzz/regressions/READER (second) is read but never written.
  while IFS= read -r seed; do
    [[ -n "$seed" ]] || continue
    # libFuzzer would truncate a longer seed into a malformed file: only the seeds that fit.
    (($(stat -c %s "$seed") <= limit)) || continue
    local rel=${seed#"$root/"}
    cp "$seed" "$corpus/seed-${rel//\//-}"
  done < <(seeds "$reader")
  log="$scratch/logs/$reader-$(date +%Y%m%d-%H%M%S)-$$.log"
  local before after status=0
  before=$(find "$scratch/findings/$reader" -type f 2>/dev/null | wc -l || true)
  # malloc_context_size=0: no allocation stacks (a quarter of the time went to collecting them); replay
  # an artifact directly for a report with full stacks.
  # shellcheck disable=SC2046
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=0} "$bin" -max_total_time="$seconds" -max_len="$limit" \
    $(common_flags "$reader") -print_final_stats=1 ${FUZZ_RUNS:+-runs=$FUZZ_RUNS} ${FUZZ_ARGS:-} \
    "$corpus" "$root/fuzz/regressions/$reader" >"$log" 2>&1 || status=$?
  after=$(find "$scratch/findings/$reader" -type f 2>/dev/null | wc -l || true)
  local runs secs rate crashes=$((after - before))
  runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+).*/\1/p' "$log" | tail -1)
  rate=$(sed -nE 's/^stat::average_exec_per_sec: *([0-9]+).*/\1/p' "$log" | tail -1)
  secs=$(sed -nE 's/^Done [0-9]+ runs in ([0-9]+) second.*/\1/p' "$log" | tail -1)
  if [[ -z "$runs" ]]; then runs=$(sed -nE 's/^Done ([0-9]+) runs in.*/\1/p' "$log" | tail -1); fi
  if [[ -z "$secs" && -n "$runs" && -n "$rate" && "$rate" -gt 0 ]]; then secs=$((runs / rate)); fi
  # libFuzzer exits with 72 after an interrupt (SIGINT/SIGTERM), having printed its final statistics: not a
  # finding (a campaign stopped early).
  if ((status == 72)) && grep -q "libFuzzer: run interrupted" "$log"; then
    echo "fuzz: $reader: interrupted" >&2
    status=0
  fi
  if ((status != 0 && crashes == 0)); then crashes=1; fi
  echo "fuzz: $reader executions=${runs:-0} seconds=${secs:-0} crashes=$crashes"
  echo "fuzz: $reader exec_per_sec=${rate:-0} corpus=$(find "$corpus" -type f | wc -l) log=${log#"$root/"}" >&2
  if [[ -z "$runs" ]]; then
    echo "fuzz: $reader: no final statistics in the log; libFuzzer did not run as expected" >&2
    tail -20 "$log" >&2
    return 4
  fi
  if ((crashes > 0)); then
    grep -E "^==[0-9]+==|ERROR: libFuzzer|SUMMARY|Fatal error|artifact_prefix|Test unit written" "$log" | head -20 >&2 || true
    echo "fuzz: $reader: FOUND $crashes problem input(s) in ${scratch#"$root/"}/findings/$reader/ (log: ${log#"$root/"})" >&2
    return 1
  fi
}

replay() {
  local failed=0 reader bin files
  for reader in "${readers[@]}"; do
    bin=$(binary "$reader")
    check_coverage "$reader" "$bin"
    mapfile -t files < <(regressions "$reader"; seeds "$reader")
    local count=${#files[@]} regression_count
    regression_count=$(regressions "$reader" | wc -l)
    local log="$scratch/logs/replay-$reader.log"
    mkdir -p "$scratch/logs" "$scratch/findings/replay-$reader"
    # shellcheck disable=SC2046
    if SWIFT_BACKTRACE=enable=no "$bin" $(common_flags "$reader") \
      -artifact_prefix="$scratch/findings/replay-$reader/" "${files[@]}" >"$log" 2>&1; then
      echo "fuzz: replay $reader ok: $count inputs ($regression_count regressions)"
    else
      failed=1
      echo "fuzz: replay $reader FAILED (log: ${log#"$root/"}):" >&2
      grep -E "^Running:|^==[0-9]+==|SUMMARY|Fatal error|ERROR:" "$log" | tail -12 >&2 || true
    fi
  done
  return $failed
}

case ${1:-} in
  --replay)
    [[ $# -eq 1 ]] || usage
    build
    replay
    ;;
  xml | json | csv | xlsx | catalog | xml-streaming | itsm | render | all)
    [[ $# -eq 2 && "$2" =~ ^[0-9]+$ ]] || usage
    build
    if [[ $1 == all ]]; then
      status=0
      for reader in "${readers[@]}"; do fuzz_one "$reader" "$2" || status=1; done
      exit $status
    fi
    fuzz_one "$1" "$2"
    ;;
  *) usage ;;
esac
