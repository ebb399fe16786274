#!/usr/bin/env bash
# Draws the add-in icons (envelope with a check mark on a Fluent blue rounded square) with ImageMagick.
set -euo pipefail
cd "$(dirname "$0")"
blue='#0F6CBD'
# One 512 px master keeps every size the same drawing.
convert -size 512x512 xc:none \
  -fill "$blue" -draw "roundrectangle 0,0 511,511 96,96" \
  -fill white -draw "roundrectangle 88,136 424,376 28,28" \
  -fill none -stroke "$blue" -strokewidth 22 -draw "polyline 104,156 256,276 408,156" \
  -stroke none -fill '#107C10' -draw "circle 388,372 388,292" \
  -fill none -stroke white -strokewidth 22 -draw "polyline 350,372 378,400 428,344" \
  master.png
for s in 16 32 64 80 128 192; do
  convert master.png -resize ${s}x${s} -depth 8 -define png:exclude-chunks=date,time -strip "icon-$s.png"
done
# Teams-style outline icon: white strokes on transparency.
convert -size 512x512 xc:none \
  -fill none -stroke white -strokewidth 40 -draw "roundrectangle 72,120 440,392 36,36" \
  -draw "polyline 96,150 256,280 416,150" \
  -resize 32x32 -depth 8 -define png:exclude-chunks=date,time -strip icon-outline-32.png
rm master.png
