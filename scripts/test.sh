#!/usr/bin/env bash
# Runs every test project and ends with one line: "tests: N passed, N failed" (counted from the
# TRX results, not typed in). Exits non-zero on any failure, or when no test ran. Starts the servers of
# scripts/services first (the integration tests need them) and stops them at the end.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/ensure-sdk.sh"
source "$root/scripts/ensure-tzdata.sh"
source "$root/scripts/ensure-chromium.sh"
# The native program of the short commands (Native AOT), which NativeProgramTests hold to the JIT
# build: clang and lld link it (installed when missing); built when a source changed (about two
# minutes from nothing on two cores). A failure here fails that test, not the others.
if "$root/scripts/ensure-native-toolchain.sh" && "$root/scripts/build-native.sh"; then
  export PRESCIENT_NATIVE_PROGRAM="$root/artifacts/cli-aot/prescient"
else
  echo "test.sh: no native program; NativeProgramTests will say so" >&2
fi
# The integration tests run against real servers (PostgreSQL, Prometheus, …), started here from
# Debian's packages (installed when missing) and stopped at the end, whatever happens.
"$root/scripts/services" up || echo "test.sh: a server did not start; the tests that need it will say so" >&2
trap '"$root/scripts/services" down >/dev/null 2>&1 || true' EXIT
eval "$("$root/scripts/services" env)"
# The sourced scripts set -e; a failing test run must still be counted and reported below.
set +e
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
dotnet test "$root/Prescient.slnx" -c Release --logger "trx" --results-directory "$results" -nologo "$@"
status=$?
passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
echo "tests: $passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
