#!/usr/bin/env bash
# Debian packages the tests need. Installs only what is missing; needs root (CI runs as root).
set -euo pipefail
packages=()
for pkg in "$@"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || packages+=("$pkg")
done
if [ ${#packages[@]} -gt 0 ]; then
  echo "installing Debian packages: ${packages[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}"
fi
