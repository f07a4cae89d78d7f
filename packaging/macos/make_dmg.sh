#!/usr/bin/env bash
# Wrap "CDSS Desk.app" (built by PyInstaller from packaging/cdss.spec) in a compressed .dmg with an Applications link,
# so a user opens the image and drags the app across.
#
#   bash packaging/macos/make_dmg.sh "dist/CDSS Desk.app" dist/installer/CDSS-Desk-0.1.0.dmg
#
# The app gets an ad-hoc signature only (no Apple Developer ID, not notarized): macOS asks the user to confirm the
# first start (README "Install"). With a Developer ID, sign here with `codesign --sign "Developer ID Application: …"`
# and notarize the .dmg with `xcrun notarytool` instead.
set -euo pipefail

app=${1:?usage: make_dmg.sh APP_BUNDLE OUT.dmg}
dmg=${2:?usage: make_dmg.sh APP_BUNDLE OUT.dmg}
[[ -d $app ]] || { echo "make_dmg: no app bundle at $app" >&2; exit 1; }

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
# ditto keeps the bundle's symlinks, permissions and extended attributes intact (cp -R can break frameworks).
ditto "$app" "$staging/$(basename "$app")"
codesign --force --deep --sign - "$staging/$(basename "$app")"
ln -s /Applications "$staging/Applications"

mkdir -p "$(dirname "$dmg")"
rm -f "$dmg"
hdiutil create -volname "CDSS Desk" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg"
hdiutil verify "$dmg"
echo "$dmg"
