#!/usr/bin/env bash
# Refresh the vendored Apache ECharts the web app's charts use (served from /static/vendor/, never
# from a CDN). The version is pinned here; the license ships beside the file.
#   tools/vendor_echarts.sh [VERSION]
set -euo pipefail
VERSION="${1:-6.1.0}"
DEST="$(cd "$(dirname "$0")/.." && pwd)/src/govreport/web/static/vendor"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent "echarts@${VERSION}" >/dev/null && tar -xzf "echarts-${VERSION}.tgz")
mkdir -p "$DEST"
cp "$WORK/package/dist/echarts.min.js" "$DEST/echarts.min.js"
cp "$WORK/package/LICENSE" "$DEST/echarts.LICENSE.txt"
[ -f "$WORK/package/NOTICE" ] && cp "$WORK/package/NOTICE" "$DEST/echarts.NOTICE.txt"
echo "echarts ${VERSION}" > "$DEST/echarts.VERSION"
echo "vendored echarts ${VERSION} -> $DEST"
