#!/usr/bin/env bash
# Checks `argmap export --to argdown` against the real Argdown parser
# (@argdown/cli 1.7.5): every export must parse without error and, for maps
# that pass `argmap check`, read back as the same map: every claim a statement
# with the claim's text, every linked argument with its premises and
# conclusion, and every support, attack and undercut as a relation.
#
#   scripts/argdown-check.sh [MAP...]
#
# Without MAP it checks the chapter map and every map under tests/fixtures
# (maps with errors too: their export must still parse). Needs node and npm.
# @argdown/cli is installed once into $ARGDOWN_DIR (default
# target/argdown-cli); 2.0.0 does not run here, hence the pinned 1.7.5.
# ARGMAP_BIN names the argmap binary (default: `cargo build`, then
# target/debug/argmap). `cargo test --test export -- --ignored argdown_cli`
# runs it.
set -euo pipefail
cd "$(dirname "$0")/.."

dir=${ARGDOWN_DIR:-target/argdown-cli}
argdown="$dir/node_modules/.bin/argdown"
if [ ! -x "$argdown" ]; then
  echo "argdown-check: installing @argdown/cli@1.7.5 into $dir" >&2
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --loglevel=error @argdown/cli@1.7.5 >&2
fi
if [ -z "${ARGMAP_BIN:-}" ]; then
  cargo build --quiet
  ARGMAP_BIN=target/debug/argmap
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Compares Argdown's JSON with argmap's JSON of the same (clean) map.
cat > "$work/compare.js" <<'EOF'
const fs = require("fs");
const [expectedPath, actualPath, name] = process.argv.slice(2);
const map = JSON.parse(fs.readFileSync(expectedPath, "utf8"));
const ad = JSON.parse(fs.readFileSync(actualPath, "utf8"));
const problems = [];
// argmap's one_line: control characters and whitespace runs become one space.
const oneLine = (s) =>
  s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g, " ")
    .split(/\s+/u).filter((w) => w.length > 0).join(" ");
const taken = new Set([...map.claims, ...map.arguments, ...map.sources, ...map.actors, ...map.sections].map((x) => x.id));
const title = (id) => {
  if (!id.startsWith("-")) return id;
  let t = "_" + id;
  while (taken.has(t)) t = "_" + t;
  return t;
};
const claims = new Set(map.claims.map((c) => c.id));
const args = new Set(map.arguments.map((a) => a.id));
for (const c of map.claims) {
  const s = ad.statements[title(c.id)];
  if (!s) { problems.push(`no statement [${title(c.id)}]`); continue; }
  const text = (s.members.find((m) => m.text) || { text: "" }).text;
  const want = oneLine(c.text ?? c.id);
  if (text !== want) problems.push(`[${c.id}]: text ${JSON.stringify(text)}, expected ${JSON.stringify(want)}`);
}
const extra = Object.keys(ad.statements).filter((t) => !map.claims.some((c) => title(c.id) === t));
if (extra.length) problems.push(`statements that are no claim: ${extra.join(", ")}`);
for (const a of map.arguments) {
  const got = ad.arguments[title(a.id)];
  if (!got) { problems.push(`no argument <${a.id}>`); continue; }
  const premises = got.pcs.filter((m) => m.role === "premise").map((m) => m.title);
  const conclusion = got.pcs.filter((m) => m.role === "main-conclusion").map((m) => m.title);
  const want = [...new Set(a.premises)].map(title);
  if (JSON.stringify(premises) !== JSON.stringify(want)) problems.push(`<${a.id}>: premises ${premises}, expected ${want}`);
  if (JSON.stringify(conclusion) !== JSON.stringify([title(a.conclusion)])) problems.push(`<${a.id}>: conclusion ${conclusion}`);
}
if (Object.keys(ad.arguments).length !== map.arguments.length) problems.push(`${Object.keys(ad.arguments).length} arguments, expected ${map.arguments.length}`);
const expected = new Set();
for (const c of map.claims) {
  for (const t of c.supports) expected.add(`${title(c.id)} support ${title(t)}`);
  for (const t of c.attacks) {
    if (claims.has(t)) expected.add(`${title(c.id)} attack ${title(t)}`);
    else if (args.has(t)) expected.add(`${title(c.id)} undercut ${title(t)}`);
  }
}
const actual = new Set(ad.relations.map((r) => `${r.from} ${r.relationType} ${r.to}`));
for (const r of expected) if (!actual.has(r)) problems.push(`missing relation ${r}`);
for (const r of actual) if (!expected.has(r)) problems.push(`unexpected relation ${r}`);
if (problems.length) {
  console.log(`FAIL ${name}:\n  ` + problems.join("\n  "));
  process.exit(1);
}
console.log(`ok   ${name}: ${map.claims.length} statements, ${map.arguments.length} arguments, ${actual.size} relations read back`);
EOF

maps=("$@")
if [ ${#maps[@]} -eq 0 ]; then
  maps=(maps/*.toml)
  while IFS= read -r f; do maps+=("$f"); done < <(find tests/fixtures -name '*.toml' | sort)
fi

parsed=0 compared=0 skipped=0 failed=0
for map in "${maps[@]}"; do
  name=map-$(printf '%s' "${map%.toml}" | tr '/.' '__')
  set +e
  "$ARGMAP_BIN" export "$map" --to argdown -o "$work/$name.argdown" 2>/dev/null
  code=$?
  set -e
  if [ "$code" -eq 1 ]; then
    skipped=$((skipped + 1)) # not TOML: nothing to export
    continue
  elif [ "$code" -ne 0 ]; then
    echo "FAIL $map: argmap export exited $code"
    failed=$((failed + 1))
    continue
  fi
  if ! "$argdown" json "$work/$name.argdown" "$work/out" >"$work/$name.log" 2>&1 \
    || grep -qi "syntax error" "$work/$name.log" || [ ! -f "$work/out/$name.json" ]; then
    echo "FAIL $map: Argdown rejects the export"
    sed 's/^/  /' "$work/$name.log"
    failed=$((failed + 1))
    continue
  fi
  parsed=$((parsed + 1))
  if "$ARGMAP_BIN" check -q "$map" >/dev/null 2>&1; then
    "$ARGMAP_BIN" export "$map" --to json -o "$work/$name.expected.json" 2>/dev/null
    if node "$work/compare.js" "$work/$name.expected.json" "$work/out/$name.json" "$map"; then
      compared=$((compared + 1))
    else
      failed=$((failed + 1))
    fi
  else
    echo "ok   $map: parsed (the map has errors: not compared)"
  fi
done

echo "argdown-check: $parsed exports parsed by @argdown/cli 1.7.5, $compared read back as their map, $skipped not TOML, $failed failed"
[ "$failed" -eq 0 ]
