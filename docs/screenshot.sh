#!/usr/bin/env bash
# Regenerates docs/report.png, the picture on the README's first screen: the demo project's report
# page, photographed in headless Chromium (Debian package chromium) and cut to its top 1200 × 1800
# pixels with ImageMagick's convert (Debian package imagemagick), where that is installed.
#
#   docs/screenshot.sh                  build and install the plugin and run the demo (the README's
#                                       first command, about a minute), then photograph its page
#   docs/screenshot.sh PAGE [OUT]       photograph an existing report page (any target/site/speedup/
#                                       index.html) into OUT, by default docs/report.png
#
# Run it on a quiet machine: the demo measures, and a busy one makes its numbers noisy.
set -euo pipefail
cd "$(dirname "$0")/.."

width=1200
height=1800
page=${1:-}
out=${2:-docs/report.png}

if [ -z "$page" ]; then
  mvn -B -q install -DskipTests -Dinvoker.skip
  mvn -B -f demo/pom.xml verify
  page=demo/target/site/speedup/index.html
fi
if [ ! -f "$page" ]; then
  echo "screenshot.sh: no report page at $page" >&2
  exit 1
fi
if ! command -v chromium >/dev/null 2>&1; then
  echo "screenshot.sh: needs chromium (apt-get install -y chromium)" >&2
  exit 1
fi

profile=$(mktemp -d)
shot=$(mktemp --suffix=.png)
trap 'rm -rf "$profile" "$shot"' EXIT

# A window taller than the picture, so the page lays out as on a screen; the flags keep a headless
# Chromium from reaching the network or writing a profile outside the throw-away folder.
chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
  --hide-scrollbars --window-size="$width,$((height + 400))" \
  --screenshot="$shot" "file://$(realpath "$page")" >/dev/null 2>&1

# The ImageMagick binary itself: a convert earlier on the PATH may be a stand-in.
if [ -x /usr/bin/convert ] && /usr/bin/convert -version 2>/dev/null | grep -q ImageMagick; then
  /usr/bin/convert "$shot" -crop "${width}x${height}+0+0" +repage -strip "$out"
else
  echo "screenshot.sh: ImageMagick not found (apt-get install -y imagemagick); keeping the whole window" >&2
  cp "$shot" "$out"
fi
echo "screenshot.sh: $page -> $out"
