#!/usr/bin/env bash
# Installs the OS packages Keyhold's tests need on a Debian machine (when run as root), and says
# what it did. Node 24 itself comes from npm (the pinned `node` devDependency), not from here.
#   chromium: the real browser the E2E tests and window benchmarks drive (never a downloaded one)
#   fonts-dejavu-core: text in screenshots and layout measurements
#   xvfb, xclip: a real X server and an outside reader for the clipboard tests
#   gnome-keyring, dbus-x11: a real Secret Service (in a dbus-run-session) for the keychain unlock tests
#   keepassxc: keepassxc-cli writes the real KeePass (KDBX 4) database the import tests read
set -euo pipefail

PACKAGES=(ca-certificates chromium fonts-dejavu-core xvfb xclip gnome-keyring dbus-x11 keepassxc)

if ! command -v dpkg-query >/dev/null; then
  echo "setup: not a Debian machine; install Chromium yourself and set KEYHOLD_CHROMIUM to its path if it is not /usr/bin/chromium"
  exit 0
fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: OS packages already present (${PACKAGES[*]})"
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "setup: installing ${missing[*]} with apt-get"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "setup: installed ${missing[*]}"
else
  echo "setup: missing OS packages ${missing[*]}; install them (as root: apt-get install ${missing[*]})" >&2
  exit 1
fi
