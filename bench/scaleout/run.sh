#!/usr/bin/env bash
# The scale-out benchmarks of bench/README.md ("Beyond one machine"), on the servers of scripts/services:
#   1. the cost per paper trade in PostgreSQL against the file store: `prescient execute` of the same
#      signals (one refresh and signal run on the sample market with 1,500 events) into each store;
#   2. signals → paper trades on Redis Streams with 1, 2 and 4 execution workers: the cycle's signals cut
#      into messages of CHUNK signals each, worked by N workers at once until the bus is idle.
# Each figure is the median of RUNS runs, every run on a fresh folder and database.
#   bench/scaleout/run.sh [RUNS=3] [CHUNK=25]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs=${1:-3} chunk=${2:-25}
"$root/scripts/services" up postgres redis >/dev/null
eval "$("$root/scripts/services" env)"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cat >"$work/settings.json" <<'JSON'
{ "Sample": { "Events": 1500 }, "Trading": { "MaxTotalExposure": 1000000, "CashReserve": 0, "InitialCash": 1000000 } }
JSON
cli() { "$root/prescient" "$@" --config "$work/settings.json"; }
now() { date +%s.%N; }
fresh_db() { # fresh_db NAME → exports PRESCIENT_PG
  "$pg_bin/psql" -h 127.0.0.1 -p 55432 -U prescient -d postgres -qc "drop database if exists $1 with (force)" -c "create database $1" >/dev/null 2>&1
  export PRESCIENT_PG="Host=127.0.0.1;Port=55432;Username=prescient;Database=$1"
  cli db migrate >/dev/null
}
trades() { cli trades --last 1 "$@" | grep -o '[0-9,]* of [0-9,]* records' | awk '{gsub(",","",$3); print $3}'; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

cli status --data "$work/warm" >/dev/null   # builds ./prescient once, before any timing
echo "1. execute: file store vs PostgreSQL (median of $runs)"
for store in files postgres; do
  for r in $(seq "$runs"); do
    dir="$work/$store-$r"; extra=(--data "$dir")
    [ "$store" = postgres ] && { fresh_db "bench_cost_$r"; extra+=(--store postgres); }
    cli refresh "${extra[@]}" >/dev/null && cli signals "${extra[@]}" >/dev/null
    t0=$(now); cli execute "${extra[@]}" >/dev/null; t1=$(now)
    n=$(trades "${extra[@]}")
    awk -v a="$t0" -v b="$t1" -v n="$n" 'BEGIN {print b - a, n}'
  done | sort -g | awk -v s="$store" '{t[NR]=$1; n[NR]=$2} END {m=int((NR+1)/2); printf "  %-8s execute %.2f s for %d trades: %.1f ms per trade\n", s, t[m], n[m], 1000*t[m]/n[m]}'
done

echo "2. signals → paper trades with N execution workers ($chunk signals per message, median of $runs)"
cat >"$work/parts.json" <<JSON
{ "Sample": { "Events": 1500 }, "Trading": { "MaxTotalExposure": 1000000, "CashReserve": 0, "InitialCash": 1000000 },
  "Bus": { "ExecutionBatch": $chunk } }
JSON
redis_db=9
for workers in 1 2 4; do
  for r in $(seq "$runs"); do
    fresh_db "bench_workers_${workers}_$r"; redis-cli -h 127.0.0.1 -p 56379 -n "$redis_db" flushdb >/dev/null
    S=(--store postgres --bus redis --redis "127.0.0.1:56379,defaultDatabase=$redis_db" --data "$work/w$workers-$r")
    "$root/prescient" cycle "${S[@]}" --config "$work/parts.json" >/dev/null
    "$root/prescient" worker --role quotes --until-idle "${S[@]}" --config "$work/parts.json" >/dev/null
    # The signals stage cuts the cycle's signals into messages of $chunk (Bus:ExecutionBatch).
    "$root/prescient" worker --role signals --until-idle "${S[@]}" --config "$work/parts.json" >/dev/null
    parts=$(redis-cli -h 127.0.0.1 -p 56379 -n "$redis_db" xlen prescient:signals-generated)
    t0=$(now)
    for w in $(seq "$workers"); do "$root/prescient" worker --role execution --name "e$w" --until-idle "${S[@]}" --config "$work/parts.json" >/dev/null & done
    wait
    t1=$(now)
    n=$(trades "${S[@]}")
    awk -v a="$t0" -v b="$t1" -v n="$n" -v p="$parts" 'BEGIN {print b - a, n, p}'
  done | sort -g | awk -v w="$workers" '{t[NR]=$1; n[NR]=$2; p[NR]=$3} END {m=int((NR+1)/2); printf "  %d worker(s): %d trades from %d messages in %.2f s: %.1f trades/s\n", w, n[m], p[m], t[m], n[m]/t[m]}'
done
