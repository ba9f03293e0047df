#!/bin/sh
# deps.sh installs what building and testing Sellermail needs on Debian or
# Ubuntu (a C compiler and the GL/X11 headers for Fyne, Xvfb for the window
# smoke test, gnome-keyring and D-Bus for the real-keyring tests). It does
# nothing when everything is there already. On other systems it prints what
# to install.
set -eu

pkgs="gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev libxkbcommon-dev xvfb xdotool imagemagick gnome-keyring dbus dbus-daemon"
# 'make release' and 'make release-check' also need MinGW-w64, zip and Wine.
[ "${RELEASE:-}" = 1 ] && pkgs="$pkgs gcc-mingw-w64-x86-64 zip unzip wine64"

if ! command -v go >/dev/null 2>&1; then
	echo "deps: Go 1.26 or newer is needed: https://go.dev/dl/" >&2
	exit 1
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
	case "$(uname -s)" in
	Darwin) echo "deps: macOS: install Xcode's command line tools (xcode-select --install); the keychain is built in." ;;
	*) echo "deps: install a C compiler, the OpenGL and X11 development headers, Xvfb, gnome-keyring and dbus with your package manager." ;;
	esac
	exit 0
fi

missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1; then
	sudo="sudo"
else
	echo "deps: missing Debian packages:$missing" >&2
	echo "deps: run as root: apt-get install -y$missing" >&2
	exit 1
fi
echo "deps: installing$missing"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
