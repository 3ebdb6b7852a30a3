#!/usr/bin/env bash
# Puts Newsdesk into the desktop's application list: the bundle (if built),
# the .desktop entry, AppStream metainfo and the icons, under PREFIX.
# Usage: bash packaging/linux/install.sh [PREFIX]   (default: ~/.local; /usr/local as root)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
default_prefix="$HOME/.local"; [ "$(id -u)" -eq 0 ] && default_prefix=/usr/local
prefix="${1:-$default_prefix}"
app_id=io.github.newsdesk.Newsdesk

bundle="$root/dist/newsdesk"
if [ -x "$bundle/newsdesk" ]; then
  mkdir -p "$prefix/lib" "$prefix/bin"
  rm -rf "$prefix/lib/newsdesk"
  cp -a "$bundle" "$prefix/lib/newsdesk"
  ln -sf "$prefix/lib/newsdesk/newsdesk" "$prefix/bin/newsdesk"
  echo "installed the bundle in $prefix/lib/newsdesk"
else
  echo "no bundle in dist/newsdesk (build it with: bash packaging/build-bundle.sh);"
  echo "the desktop entry will start whatever 'newsdesk' is on PATH"
fi

install -Dm644 "$here/$app_id.desktop" "$prefix/share/applications/$app_id.desktop"
install -Dm644 "$here/$app_id.metainfo.xml" "$prefix/share/metainfo/$app_id.metainfo.xml"
for dir in "$here"/icons/*x*; do
  size=$(basename "$dir")
  install -Dm644 "$dir/$app_id.png" "$prefix/share/icons/hicolor/$size/apps/$app_id.png"
done
install -Dm644 "$root/resources/newsdesk.svg" "$prefix/share/icons/hicolor/scalable/apps/$app_id.svg"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$prefix/share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -qtf "$prefix/share/icons/hicolor" || true
echo "installed the desktop entry, metainfo and icons under $prefix/share"
