#!/bin/sh
# Regenerates the exported images the README shows, with the command line alone (no display:
# the export renders off screen, on Mesa's software rasteriser when there is no GPU).
#
# usage: scripts/export_screenshots.sh
set -eu
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/chronolane
samples=assets/samples

"$bin" export "$samples" -o screenshots/export-sample-light.png \
    --width 1600 --height 900 --scale 1 --theme light \
    --title "Syria diplomacy, October 2015" --subtitle "The bundled sample briefing, lanes by actor" \
    --banner "UNCLASSIFIED // SAMPLE DATA"

# People nest under their country here: 39 lanes, which need a full-HD page to fit on one.
"$bin" export "$samples" -o screenshots/export-sample-dark.png \
    --width 1920 --height 1080 --scale 1 --theme dark --group-by affiliation \
    --title "Syria diplomacy, October 2015" --subtitle "Lanes by affiliation: people under their country" \
    --from 2015-09-25 --to 2015-11-05

# The one-page briefing as SVG: text stays text, and the file stays small at 300 dpi.
"$bin" export "$samples" --briefing -o screenshots/export-briefing.svg \
    --title "Syria diplomacy, autumn 2015"

slides=$(mktemp -d)
"$bin" export "$samples" --slides "$slides" --width 1280 --height 720 >/dev/null
# Slide numbers are zero-padded to the deck's size: take the third, whatever its width.
cp "$(ls "$slides"/slide-*.png | sed -n 3p)" screenshots/present-slide.png
rm -r "$slides"

# Each page must fit its one file: an export that went onto pages (name-p1.png, ...) would leave
# the README showing an old image.
for image in export-sample-light.png export-sample-dark.png export-briefing.svg present-slide.png; do
    test -f "screenshots/$image" && ! test -e "screenshots/${image%.*}-p2.${image##*.}" || {
        echo "screenshots/$image was not written as one page" >&2
        exit 1
    }
done
