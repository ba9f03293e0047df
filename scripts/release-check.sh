#!/bin/sh
# release-check.sh smoke-tests the Windows build of dist/ under Wine: the
# command line (--version, lint --rules, a German message with findings and
# its exit code, templates, sync --demo into a temporary data directory) and,
# under Xvfb, the window in demo mode with a screenshot that must not be
# blank (dist/window-wine.png). Not part of 'make test'.
set -eu
cd "$(dirname "$0")/.."
zip=$(ls -t dist/Sellermail-*-windows-amd64.zip 2>/dev/null | head -n1)
[ -n "$zip" ] || { echo "release-check: no Windows zip in dist/; run 'make release'" >&2; exit 1; }
(cd dist && sha256sum -c --quiet SHA256SUMS)
wine=/usr/lib/wine/wine64
command -v wine64 >/dev/null 2>&1 && wine=$(command -v wine64)

t=$(mktemp -d)
export WINEPREFIX="$t/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
unzip -q "$zip" -d "$t"
exe="$t/Sellermail/Sellermail.exe"
fail=0
check() { # name, expected exit code, command…
	name=$1 want=$2; shift 2
	set +e; "$@" >"$t/out" 2>"$t/err" </dev/null; got=$?; set -e
	if [ "$got" = "$want" ]; then echo "ok   $name (exit $got)"; else
		echo "FAIL $name: exit $got, want $want"; sed 's/^/     /' "$t/out" "$t/err" | head -20; fail=1; fi
}
has() { # name, pattern in the last output
	if grep -q "$2" "$t/out"; then echo "ok   $1"; else echo "FAIL $1: no '$2' in output"; head -20 "$t/out"; fail=1; fi
}
"$wine" wineboot -i >/dev/null 2>&1 || true
# Go's Windows runtime needs bcryptprimitives.dll (Windows 10 and later have
# it); Wine 8.0 lacks it, so the test prefix gets a stand-in built here.
if ! find "$(dirname "$wine")/.." /usr/lib/x86_64-linux-gnu/wine -iname 'bcryptprimitives.dll' 2>/dev/null | grep -q .; then
	x86_64-w64-mingw32-gcc -O2 -shared -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
		scripts/wine/bcryptprimitives.c scripts/wine/bcryptprimitives.def -ladvapi32
	echo "note Wine has no bcryptprimitives.dll; the test prefix uses scripts/wine/bcryptprimitives.c"
fi

check "--version" 0 "$wine" "$exe" --version
has "--version names version and commit" "^sellermail .* (commit [0-9a-f]*)"
check "lint --rules" 0 "$wine" "$exe" lint --rules
has "lint --rules lists rules" "block"
printf 'Hallo, bitte geben Sie uns 5 Sterne, dann erhalten Sie einen Gutschein. Schreiben Sie an info@example.de\n' >"$t/msg.txt"
check "lint of a German message" 1 "$wine" "$exe" lint --lang de-DE --ui-lang de "$t/msg.txt"
has "lint prints findings" "risk\|block"
check "templates" 0 "$wine" "$exe" templates --lang de
has "templates lists German templates" "delivery-delay"
check "sync --demo" 0 "$wine" "$exe" sync --demo --data-dir 'C:\smdata'
if [ -f "$WINEPREFIX/drive_c/smdata/demo/sellermail.db" ] || find "$WINEPREFIX/drive_c/smdata" -name '*.db' | grep -q .; then
	echo "ok   sync --demo wrote its database into the data directory"; else echo "FAIL sync --demo: no database"; fail=1; fi
check "orders --demo after sync" 0 "$wine" "$exe" orders --demo --data-dir 'C:\smdata' --limit 3
has "orders lists orders" "[0-9]\{3\}-[0-9]\{7\}-[0-9]\{7\}"

# The window: demo mode under Xvfb, then a screenshot.
if command -v Xvfb >/dev/null && command -v import >/dev/null; then
	Xvfb :97 -screen 0 1280x900x24 >/dev/null 2>&1 & xpid=$!
	sleep 2
	DISPLAY=:97 "$wine" "$exe" --demo --data-dir 'C:\smwin' >"$t/win.log" 2>&1 & wpid=$!
	sleep "${WINDOW_WAIT:-40}"
	DISPLAY=:97 import -window root dist/window-wine.png 2>/dev/null || true
	kill "$wpid" 2>/dev/null || true
	"$(dirname "$wine")/wineserver" -k 2>/dev/null || true
	kill "$xpid" 2>/dev/null || true
	colors=$(convert dist/window-wine.png -format '%k' info: 2>/dev/null || echo 0)
	if [ "$colors" -gt 16 ]; then echo "ok   window drawn under Wine: dist/window-wine.png ($colors colours)"
	else echo "note window not drawn under Wine/Mesa here ($colors colours); log:"; tail -5 "$t/win.log"; fi
fi
echo "not checked: the Windows Credential Manager (Wine's is not Windows'), SmartScreen, a real Windows display driver"
"$(dirname "$wine")/wineserver" -k 2>/dev/null || true
rm -rf "$t"
exit $fail
