# Shared by scripts/up and scripts/test: a project virtualenv kept in step with pyproject.toml.
# shellcheck shell=bash

find_python() {
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
      command -v "$candidate"
      return 0
    fi
  done
  echo "Doorstep needs Python 3.11 (python3.11 or python3 on PATH)" >&2
  return 1
}

# ensure_venv EXTRAS: create .venv if needed and install the project (with EXTRAS, e.g. "test")
# whenever pyproject.toml changed since the last install.
ensure_venv() {
  local extras=${1:-}
  local spec="."
  [ -n "$extras" ] && spec=".[$extras]"
  if [ ! -x .venv/bin/python ]; then
    "$(find_python)" -m venv .venv
    .venv/bin/python -m pip install --quiet --upgrade pip
  fi
  local stamp=".venv/.installed-${extras:-base}"
  local want
  want=$(sha256sum pyproject.toml | cut -c1-16)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "installing Doorstep${extras:+ with $extras extras} into .venv ..."
    .venv/bin/python -m pip install --quiet --editable "$spec"
    echo "$want" > "$stamp"
  fi
}

# ensure_apt PACKAGE...: install Debian packages that are missing (as root, or with sudo).
ensure_apt() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "installing Debian packages: ${missing[*]} ..."
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
