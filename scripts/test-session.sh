#!/bin/sh
# test-session.sh runs a command inside a private test session: its own
# D-Bus session bus with a throw-away gnome-keyring (so tests use a real
# Secret Service and never touch the developer's own keyring) and its own
# Xvfb display for the real-window smoke test.
#
#   scripts/test-session.sh go test ./...
set -eu

if [ -z "${SELLERMAIL_TEST_SESSION:-}" ]; then
	export SELLERMAIL_TEST_SESSION=1
	exec dbus-run-session -- "$0" "$@"
fi

tmp=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$tmp"' EXIT INT TERM

# The keyring lives in the throw-away data dir; HOME stays as it is so the
# Go build and module caches are reused.
export XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
eval "$(printf 'sellermail-test' | gnome-keyring-daemon --unlock --components=secrets)"
export SELLERMAIL_KEYRING_TEST=1

d=99
while [ -e /tmp/.X11-unix/X$d ] || [ -e /tmp/.X$d-lock ]; do d=$((d + 1)); done
Xvfb :$d -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
i=0
while [ ! -e /tmp/.X11-unix/X$d ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
export DISPLAY=:$d

"$@"
