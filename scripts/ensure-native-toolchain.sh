#!/usr/bin/env bash
# The native program (scripts/build-native.sh) is linked by clang and lld: install Debian's clang,
# lld and zlib1g-dev when clang or ld.lld is missing. Run by test.sh; run it once by hand to have
# ./prescient build the native program on a machine where the tests never ran.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
source "$(dirname "${BASH_SOURCE[0]}")/build-stamp.sh"
if ! native_toolchain; then
  echo "Installing clang and lld, which link the native program (Debian packages clang lld zlib1g-dev)..." >&2
  apt_install clang lld zlib1g-dev || true
fi
if ! native_toolchain; then
  echo "error: clang and lld are missing and could not be installed (apt-get install clang lld zlib1g-dev)" >&2
  exit 1
fi
