#!/usr/bin/env bash
# The native program (scripts/build-native.sh) is linked by clang and lld: install Debian's clang,
# lld and zlib1g-dev when clang or ld.lld is missing. Run by test.sh; run it once by hand to have
# ./prescient build the native program on a machine where the tests never ran.
set -euo pipefail
if ! command -v clang >/dev/null 2>&1 || ! command -v ld.lld >/dev/null 2>&1; then
  echo "Installing clang and lld, which link the native program (Debian packages clang lld zlib1g-dev)..." >&2
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd="sudo"
  fi
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q clang lld zlib1g-dev >/dev/null 2>&1 \
    || { $sudo_cmd apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q clang lld zlib1g-dev >/dev/null; }
fi
if ! command -v clang >/dev/null 2>&1 || ! command -v ld.lld >/dev/null 2>&1; then
  echo "error: clang and lld are missing and could not be installed (apt-get install clang lld zlib1g-dev)" >&2
  exit 1
fi
