#!/usr/bin/env bash
# Regenerates rendered/ (the chapter map's diagrams and audit) and the audit
# block of README.md. DOT always; SVG when Graphviz is installed.
#
#   scripts/regenerate.sh [PATH-TO-CHAPTER-TEXT]
#
# The chapter text defaults to ../shared/chapter/cpc-and-sovereignty.txt.
# tests/chapter.rs fails when anything here is stale.
set -euo pipefail
cd "$(dirname "$0")/.."

text=${1:-../shared/chapter/cpc-and-sovereignty.txt}
map=maps/cpc-and-sovereignty.toml
out=rendered/cpc-and-sovereignty
cargo build --release --quiet
argmap=target/release/argmap

rm -f rendered/*.dot
"$argmap" render "$map" -o "$out.dot"
"$argmap" render "$map" --focus thesis --depth 2 -o "$out--thesis.dot"
"$argmap" render "$map" --color-by actor -o "$out--by-actor.dot"
for section in $(sed -n 's/^\[sections\.\([A-Za-z0-9_-]*\)\]$/\1/p' "$map"); do
  "$argmap" render "$map" --section "$section" -o "$out--$section.dot"
done
# The overview of the sections, as `--split` draws it.
rm -rf target/split
"$argmap" render "$map" --split -o target/split
cp target/split/overview.dot "$out--overview.dot"

if command -v dot >/dev/null 2>&1; then
  rm -f rendered/*.svg
  for f in rendered/*.dot; do
    dot -Tsvg "$f" -o "${f%.dot}.svg"
  done
  # For print: the chapter as an A4 booklet (the overview, then one page
  # or more per section), in colour and in black and white.
  rm -f rendered/*.pdf
  "$argmap" render "$map" --page a4 -o "$out-a4.pdf"
  "$argmap" render "$map" --page a4 --theme mono -o "$out-a4-mono.pdf"
  # The interactive viewer (tests/viewer.rs holds it to the current script).
  "$argmap" view "$map" -o "$out-viewer.html"
else
  echo "regenerate: Graphviz is not installed; SVGs and the viewer not regenerated" >&2
fi

"$argmap" report "$map" --text lee-chapter="$text" --diagram cpc-and-sovereignty.svg -o "$out-audit.md"
"$argmap" report "$map" --text lee-chapter="$text" --format html -o "$out-audit.html"

# The README shows the audit with its headings one level down.
"$argmap" report "$map" --text lee-chapter="$text" --heading-level 3 --diagram rendered/cpc-and-sovereignty.svg > target/readme-audit.md
awk -v block=target/readme-audit.md '
  /<!-- audit:start -->/ { print; while ((getline line < block) > 0) print line; skip = 1; next }
  /<!-- audit:end -->/ { skip = 0 }
  !skip { print }
' README.md > target/README.md.new
mv target/README.md.new README.md
echo "regenerated rendered/ and the README audit"
