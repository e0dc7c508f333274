#!/usr/bin/env bash
# A long fuzzing campaign: jobs READER:EXECUTIONS[:MAX_LEN] run through fuzz/run.sh on LANES processes at once (one per
# core), each lane taking the next job from the list when its last one ends; the figures go to a ledger.
#
#   fuzz/campaign.sh LANES JOB...     e.g. fuzz/campaign.sh 2 catalog:4000000 xml:2500000:4096 json:2500000:4096
#
# Each job is `FUZZ_RUNS=EXECUTIONS [FUZZ_MAX_LEN=MAX_LEN] fuzz/run.sh READER 86400` with the environment
# passed on (FUZZ_CONFIG, FUZZ_ARGS; the harnesses are built once, first). Jobs of the same reader and
# MAX_LEN share a corpus.
# Every finished job appends `date reader executions seconds crashes config max_len revision` to
# .build-fuzz/ledger.tsv; at the end the ledger's totals per reader are printed (docs/fuzzing.md). Exits 1
# when any job found something (its input is in .build-fuzz/findings/READER/). To stop a campaign early,
# kill this script's processes, then send SIGINT to the running Fuzz* processes: libFuzzer prints its
# final statistics into the job's log (.build-fuzz/logs/) before it exits.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
scratch="$root/.build-fuzz"
ledger="$scratch/ledger.tsv"

usage() {
  echo "usage: fuzz/campaign.sh LANES READER:EXECUTIONS[:MAX_LEN]..." >&2
  exit 64
}
[[ $# -ge 2 && "$1" =~ ^[1-9][0-9]*$ ]] || usage
lanes=$1
shift
for job in "$@"; do
  [[ "$job" =~ ^(xml|json|csv|catalog|xml-streaming|itsm):[1-9][0-9]*(:[1-9][0-9]*)?$ ]] || {
    echo "fuzz: campaign: bad job '$job'; expected READER:EXECUTIONS[:MAX_LEN] with READER one of xml, json, csv, catalog, xml-streaming, itsm" >&2
    usage
  }
done

# Build once (run.sh's own build, checked by replaying the regressions), then every job reuses it; with
# FUZZ_SKIP_BUILD=1 the binaries already built are used as they are (e.g. to go on with a campaign while
# the sources have changed).
if [[ "${FUZZ_SKIP_BUILD:-0}" != 1 ]]; then bash "$root/fuzz/run.sh" --replay >/dev/null; fi
export FUZZ_SKIP_BUILD=1

mkdir -p "$scratch"
queue=$(mktemp "$scratch/campaign-queue.XXXXXX")
trap 'rm -f "$queue" "$queue.lock"' EXIT
echo 0 >"$queue"
jobs_list=("$@")
revision=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
[[ -z "$(git -C "$root" status --porcelain -- Sources fuzz/Sources 2>/dev/null)" ]] || revision="$revision+changes"

# Prints the index of the next job to run, or nothing when the list is done.
next_job() {
  (
    flock 9
    local index
    index=$(<"$queue")
    ((index < ${#jobs_list[@]})) || exit 0
    echo $((index + 1)) >"$queue"
    echo "$index"
  ) 9>"$queue.lock"
}

lane() {
  local number=$1 failed=0 index reader runs limit line
  while index=$(next_job) && [[ -n "$index" ]]; do
    IFS=: read -r reader runs limit <<<"${jobs_list[$index]}"
    echo "fuzz: campaign: lane $number: $reader, $runs executions, max_len ${limit:-default}" >&2
    line=$(FUZZ_RUNS=$runs FUZZ_MAX_LEN=$limit bash "$root/fuzz/run.sh" "$reader" 86400) || failed=1
    echo "$line"
    # fuzz: READER executions=N seconds=S crashes=K
    if [[ "$line" =~ executions=([0-9]+)\ seconds=([0-9]+)\ crashes=([0-9]+) ]]; then
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$reader" "${BASH_REMATCH[1]}" \
        "${BASH_REMATCH[2]}" "${BASH_REMATCH[3]}" "${FUZZ_CONFIG:-debug}" "${limit:-default}" "$revision" >>"$ledger"
    fi
  done
  return $failed
}

pids=()
for ((number = 1; number <= lanes; number++)); do
  lane "$number" &
  pids+=($!)
done
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=1; done

echo "fuzz: campaign done; totals in ${ledger#"$root/"}:"
awk -F'\t' '{ runs[$2] += $3; secs[$2] += $4; found[$2] += $5 }
  END { for (r in runs) printf "fuzz: total %s executions=%d seconds=%d crashes=%d\n", r, runs[r], secs[r], found[r] }' "$ledger" | sort
exit $status
