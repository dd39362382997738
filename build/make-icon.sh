#!/bin/sh
# Rasterize build/icon.svg to build/icon.png (1024x1024, transparent corners).
# electron-builder derives the .icns/.ico/Linux icon sizes from this PNG.
#
# Needs rsvg-convert (Debian/Ubuntu: apt-get install -y librsvg2-bin). Falls back
# to headless Chromium when rsvg-convert is missing. The glyph in icon.svg is
# drawn as paths, so no font is required either way.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
svg="$here/icon.svg"
png="$here/icon.png"
size=1024

if command -v rsvg-convert >/dev/null 2>&1; then
  rsvg-convert --width "$size" --height "$size" --format png --output "$png" "$svg"
else
  chromium=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
  if [ -z "$chromium" ]; then
    echo "make-icon.sh: need rsvg-convert (apt-get install -y librsvg2-bin) or chromium" >&2
    exit 1
  fi
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  # A zero-margin HTML wrapper avoids scrollbars and the default page background.
  {
    echo '<!doctype html><html><head><style>'
    echo 'html,body{margin:0;padding:0;overflow:hidden;background:transparent}'
    echo "img{display:block;width:${size}px;height:${size}px}"
    echo '</style></head><body>'
    echo "<img src=\"file://$svg\">"
    echo '</body></html>'
  } >"$tmp/icon.html"
  "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --default-background-color=00000000 --window-size="$size,$size" \
    --screenshot="$png" "file://$tmp/icon.html"
fi

echo "wrote $png"
