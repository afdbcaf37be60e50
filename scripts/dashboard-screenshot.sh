#!/usr/bin/env bash
# Takes docs/dashboard.png: a 30-day simulation on the sample market into a fresh folder, then
# `prescient serve` on it (schedule off, so nothing trades while the picture is taken) and Debian's
# Chromium, headless, at a laptop's width. Usage: scripts/dashboard-screenshot.sh [OUTPUT.png]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/ensure-chromium.sh"
out="${1:-$root/docs/dashboard.png}"
data="$(mktemp -d)"
port=5187
cleanup() {
  if [ -n "${server:-}" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT
"$root/prescient" simulate --days 30 --data "$data" >/dev/null
PRESCIENT_Schedule__Enabled=false "$root/prescient" serve --data "$data" --urls "http://127.0.0.1:$port" >"$data/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 1
done
"$PRESCIENT_CHROMIUM" --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size=1366,1500 \
  --virtual-time-budget=8000 --screenshot="$out" "http://127.0.0.1:$port/" >/dev/null 2>&1
echo "Screenshot: $out"
