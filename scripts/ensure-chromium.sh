#!/usr/bin/env bash
# The dashboard's browser tests drive Debian's Chromium (never a downloaded browser build). Install
# the Debian package chromium when /usr/bin/chromium is missing. Sourced by test.sh; exports
# PRESCIENT_CHROMIUM with the browser's path for the tests.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium for the browser tests (Debian package chromium)..." >&2
  apt_install chromium || true
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "error: Chromium is missing (/usr/bin/chromium) and could not be installed (apt-get install chromium)" >&2
  exit 1
fi
export PRESCIENT_CHROMIUM=/usr/bin/chromium
