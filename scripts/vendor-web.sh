#!/usr/bin/env bash
# Vendors the dashboard's browser libraries into src/Prescient.Host/wwwroot/lib/ (no CDN at run time).
# The pinned versions and npm tarball integrities (sha512, as npm reports them) live in lib/VERSIONS.
#   scripts/vendor-web.sh            npm pack each pinned version, check its integrity against VERSIONS,
#                                    copy the files and LICENSE into lib/<name>-<version>/, rewrite SHA256SUMS
#   scripts/vendor-web.sh --verify   no network: check the committed files against lib/SHA256SUMS
# Exits non-zero on any mismatch. Needs npm and node (and sha256sum) for vendoring; sha256sum only to verify.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lib="$root/src/Prescient.Host/wwwroot/lib"

if [ "${1:-}" = "--verify" ]; then
  cd "$lib"
  sha256sum --check --strict --quiet SHA256SUMS
  echo "vendor-web: $(grep -c . SHA256SUMS) files match lib/SHA256SUMS"
  exit 0
fi
if [ $# -gt 0 ]; then
  echo "usage: scripts/vendor-web.sh [--verify]" >&2
  exit 2
fi

# The files taken from each package (paths inside the tarball's package/ folder).
files_for() {
  case "$1" in
    uplot) echo "dist/uPlot.iife.min.js dist/uPlot.min.css" ;;
    @microsoft/signalr) echo "dist/browser/signalr.min.js" ;;
    *) echo "error: no file list for package $1 in scripts/vendor-web.sh" >&2; return 1 ;;
  esac
}

# @microsoft/signalr ships no LICENSE file (package.json says "MIT"); this is the MIT text of
# dotnet/aspnetcore's LICENSE.txt, the repository the package is built from.
signalr_license() {
  cat <<'LICENSE'
The MIT License (MIT)

Copyright (c) .NET Foundation and Contributors

All rights reserved.

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
LICENSE
}

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

while read -r name version integrity; do
  case "$name" in ''|'#'*) continue ;; esac
  short="${name##*/}"
  dest="$lib/$short-$version"
  echo "vendor-web: $name@$version"
  (cd "$tmp" && npm pack --silent "$name@$version" >/dev/null)
  tarball="$tmp/$(echo "$name" | sed 's/^@//; s/\//-/')-$version.tgz"
  actual="sha512-$(node -e 'const c=require("crypto"),f=require("fs");process.stdout.write(c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' "$tarball")"
  if [ "$actual" != "$integrity" ]; then
    echo "error: $name@$version tarball integrity is $actual, lib/VERSIONS says $integrity" >&2
    exit 1
  fi
  mkdir -p "$tmp/$short" "$dest"
  tar -xzf "$tarball" -C "$tmp/$short"
  for f in $(files_for "$name"); do
    cp "$tmp/$short/package/$f" "$dest/"
  done
  if [ -f "$tmp/$short/package/LICENSE" ]; then
    cp "$tmp/$short/package/LICENSE" "$dest/LICENSE"
  elif [ "$name" = "@microsoft/signalr" ]; then
    signalr_license >"$dest/LICENSE"
  else
    echo "error: $name@$version has no LICENSE file" >&2
    exit 1
  fi
done <"$lib/VERSIONS"

cd "$lib"
find . -type f ! -name SHA256SUMS ! -name VERSIONS | sed 's|^\./||' | LC_ALL=C sort | xargs sha256sum >SHA256SUMS
echo "vendor-web: wrote lib/SHA256SUMS ($(grep -c . SHA256SUMS) files)"
