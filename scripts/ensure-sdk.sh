#!/usr/bin/env bash
# Checks that a .NET 10 SDK is on PATH (global.json asks for 10.0.x, rolling forward).
set -euo pipefail
if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK is required (dotnet not found on PATH); see https://dot.net/download" >&2
  exit 1
fi
if ! dotnet --list-sdks | grep -q '^10\.'; then
  echo "error: the .NET 10 SDK is required; found: $(dotnet --list-sdks | tr '\n' ' ')" >&2
  exit 1
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
