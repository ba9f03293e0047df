#!/bin/sh
# release.sh builds the files a seller downloads into dist/: the Windows
# x86-64 zip (cgo through MinGW-w64, icon and version resource, GUI subsystem;
# the program attaches to a parent console for the command line), the Linux
# tarball of Fyne's packager and a plain Linux binary, and SHA256SUMS.
# The version is git describe's; -trimpath and an empty build ID keep two
# builds of one commit alike.
set -eu
GO=${GO:-go}
cd "$(dirname "$0")/.."
version=$(git describe --tags --always --dirty)
commit=$(git rev-parse --short=12 HEAD)
appver=$(sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
pkg=sellermail/cmd/internal/cli
ldflags="-s -w -buildid= -X $pkg.Version=$version -X $pkg.Commit=$commit"
flags="-tags migrated_fynedo -trimpath -buildvcs=false"
export SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)
mkdir -p dist
rm -f dist/Sellermail-* dist/sellermail-* dist/SHA256SUMS

echo "release: $version ($commit): windows-amd64"
syso=cmd/sellermail/rsrc_windows_amd64.syso
trap 'rm -f "$syso" cmd/sellermail/rsrc_windows_386.syso' EXIT
(cd cmd/sellermail && "$GO" run github.com/tc-hib/go-winres@v0.3.3 simply \
	--arch amd64 --icon ../../assets/icon.png --manifest gui \
	--product-name Sellermail --file-description Sellermail \
	--product-version "$appver.0" --file-version "$appver.0" \
	--original-filename Sellermail.exe --copyright "Sellermail")
w=$(mktemp -d)
CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
	"$GO" build $flags -ldflags "$ldflags -H windowsgui" -o "$w/Sellermail/Sellermail.exe" ./cmd/sellermail
rm -f "$syso"
cp LICENSE* "$w/Sellermail/" 2>/dev/null || true
(cd "$w" && find Sellermail -exec touch -d "@$SOURCE_DATE_EPOCH" {} + && zip -qrX - Sellermail) >"dist/Sellermail-$version-windows-amd64.zip"
rm -rf "$w"

echo "release: linux-amd64"
CGO_ENABLED=1 GOOS=linux GOARCH=amd64 "$GO" build $flags -ldflags "$ldflags" -o "dist/sellermail-$version-linux-amd64" ./cmd/sellermail
cp "dist/sellermail-$version-linux-amd64" sellermail
cp FyneApp.toml FyneApp.toml.keep
rc=0
"$GO" run fyne.io/tools/cmd/fyne@v1.7.4 package --target linux --executable sellermail --app-version "$appver" || rc=$?
mv FyneApp.toml.keep FyneApp.toml
rm -f sellermail
[ $rc = 0 ] || exit $rc
mv Sellermail.tar.xz "dist/Sellermail-$version-linux-amd64.tar.xz"

(cd dist && sha256sum Sellermail-* sellermail-* >SHA256SUMS)
ls -l dist
