#!/usr/bin/env bash
# Time zones (Schedule:TimeZone, and the tests that cross daylight-saving changes) need the IANA
# zone database in /usr/share/zoneinfo. Debian's tzdata package provides it; install it when missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
if [ -e /usr/share/zoneinfo/America/Los_Angeles ]; then
  return 0 2>/dev/null || exit 0
fi
echo "Installing the time zone database (Debian package tzdata)..." >&2
apt_install tzdata || true
if [ ! -e /usr/share/zoneinfo/America/Los_Angeles ]; then
  echo "error: the time zone database is missing (/usr/share/zoneinfo) and could not be installed (apt-get install tzdata)" >&2
  exit 1
fi
