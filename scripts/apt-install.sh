#!/usr/bin/env bash
# Sourced by the ensure-*.sh scripts. apt_install PACKAGE…: installs Debian packages (through sudo
# when not root), quietly; when that fails, refreshes the package lists and tries once more, showing
# apt's errors. Returns apt's status: the caller checks for what it needed and says what is missing.
apt_install() {
  local sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd="sudo"
  fi
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q "$@" >/dev/null 2>&1 \
    || { $sudo_cmd apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q "$@" >/dev/null; }
}
