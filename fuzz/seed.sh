#!/usr/bin/env bash
# Seed corpora for the fuzz targets, made from the site's own content and the
# test fixtures (nothing is copied into the repository). Usage:
#   fuzz/seed.sh [OUT]     (OUT defaults to fuzz/corpus; existing files stay)
set -euo pipefail
cd "$(dirname "$0")"
out="${1:-corpus}"
mkdir -p "$out/front_matter" "$out/markdown" "$out/query"

# front_matter: the first byte picks the file's place (see
# fuzz_targets/front_matter.rs), the rest is the file as written.
n=0
while IFS= read -r -d '' f; do
  case "$f" in
    */profiles/*.vi.md) k=0 ;;
    */profiles/*.en.md) k=1 ;;
    */congresses/*.vi.md) k=2 ;;
    */congresses/*.en.md) k=3 ;;
    */movements/*.vi.md) k=4 ;;
    */movements/*.en.md) k=5 ;;
    */pages/*.vi.md) k=6 ;;
    */pages/*.en.md) k=7 ;;
    *) continue ;;
  esac
  n=$((n + 1))
  { printf "\\x$(printf %02x "$k")"; cat "$f"; } >"$out/front_matter/seed-$n"
  cp "$f" "$out/markdown/seed-$n"
done < <(find ../content ../tests/fixtures -name '*.md' -print0 | sort -z)

# query: the written queries, and every name and title of the content.
n=0
while IFS= read -r q; do
  [ -n "$q" ] || continue
  n=$((n + 1))
  printf %s "$q" >"$out/query/seed-$n"
done < <(cat queries.txt; grep -rhE '^(name|title): ' ../content | sed -E 's/^(name|title): *//; s/^"//; s/"$//')
echo "seeded $out: $(ls "$out/front_matter" | wc -l) front_matter, $(ls "$out/markdown" | wc -l) markdown, $(ls "$out/query" | wc -l) query"
