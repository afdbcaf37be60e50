#!/usr/bin/env bash
# Builds the native program of the short commands (Native AOT: the program and the framework compiled
# ahead of time as a whole, PublishAot) into artifacts/cli-aot/, when a source changed since its last
# build. About a minute on two cores after a change, two the first time; it needs clang and lld
# (scripts/ensure-native-toolchain.sh). One build at a time (artifacts/.native.lock): a second waits
# for the first, then finds it up to date. Log: artifacts/.build-native.log.
#   --background  as ./prescient starts it: at the lowest CPU priority, and not at all when another
#                 build is running, the toolchain is missing, or the last build of the same sources failed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/ensure-sdk.sh"
source "$root/scripts/build-stamp.sh"
aot="$root/artifacts/cli-aot"
log="$root/artifacts/.build-native.log"
background=0
[ "${1:-}" = --background ] && background=1
mkdir -p "$aot"
if ! native_toolchain; then
  [ "$background" = 1 ] && exit 0
  echo "error: the native program needs clang and lld to link it: scripts/ensure-native-toolchain.sh installs them" >&2
  exit 1
fi
exec 9>"$root/artifacts/.native.lock"
if [ "$background" = 1 ]; then
  flock -n 9 || exit 0
  if native_failed; then
    exit 0
  fi
  renice -n 19 $$ >/dev/null 2>&1 || true
else
  flock 9
fi
stale "$aot/.built" "$aot/prescient" || exit 0
[ "$background" = 1 ] || echo "prescient: building the native program (about a minute on two cores after a change, two the first time)…" >&2
# Stamped with the time the build starts: a file saved while it runs is newer, and builds next time.
touch "$aot/.built.next"
rm -f "$aot/.failed"
# Its own artifacts path: PublishAot turns the trimming analysis on in every project, which would
# otherwise rebuild the projects of the ReadyToRun build each time one or the other runs. Warnings
# are not errors here alone: the trimming warnings left are those of code only the commands left out
# of the native program reach (ASP.NET Core's and Serilog's, the Redis bus, the PostgreSQL store,
# strategy assemblies).
if ! dotnet publish "$root/src/Prescient.Cli/Prescient.Cli.csproj" -c Release -r "$rid" -p:PublishAot=true -p:TreatWarningsAsErrors=false \
    -nodeReuse:false --artifacts-path "$root/artifacts/aot-build" -o "$aot" -nologo -v q -clp:ErrorsOnly >"$log" 2>&1; then
  touch "$aot/.failed"
  if [ "$background" = 0 ]; then
    cat "$log" >&2
    echo "error: the native build failed (log: artifacts/.build-native.log)" >&2
  fi
  exit 1
fi
mv "$aot/.built.next" "$aot/.built"
