#!/usr/bin/env bash
# Sourced by ./prescient, scripts/build-native.sh and scripts/ensure-native-toolchain.sh: whether a build is stale.
# stale STAMP FILE: true when the build that touched STAMP (at its start) and made FILE is missing,
# or a file under src/, a build setting or one of the build scripts is newer than STAMP.
stale() {
  [ ! -f "$1" ] || [ ! -f "$2" ] && return 0
  [ -n "$(find "$root/src" \( -name bin -o -name obj \) -prune -o -type f -newer "$1" -print -quit)" ] && return 0
  [ -n "$(find "$root/global.json" "$root/Directory.Build.props" "$root/Directory.Packages.props" "$root/prescient" \
    "$root/scripts/build-native.sh" "$root/scripts/build-stamp.sh" -newer "$1" -print -quit)" ]
}

# The runtime identifier of this machine, for the publishes.
case "$(uname -m)" in
  aarch64 | arm64) rid=linux-arm64 ;;
  *) rid=linux-x64 ;;
esac

# Whether clang and lld, which link the native program, are here (scripts/ensure-native-toolchain.sh installs them).
native_toolchain() {
  command -v clang >/dev/null 2>&1 && command -v ld.lld >/dev/null 2>&1
}

# Whether the last native build (into $aot) failed and no source changed since: not tried again until one does.
native_failed() {
  [ -f "$aot/.failed" ] && ! stale "$aot/.failed" "$aot/.failed"
}
