#!/usr/bin/env bash
# `npm run proto:breaking [-- REF]`: buf breaking (FILE rules, buf.yaml) of the work tree's proto/
# against REF, by default the previous commit (HEAD~1). Use HEAD to check uncommitted changes.
# Passes with a note when REF has no schema yet (the commit that added it) or is not in the clone.
set -euo pipefail
cd "$(dirname "$0")/.."
ref=${1:-HEAD~1}
if ! git cat-file -e "$ref:proto/kapita/v1/kapita.proto" 2>/dev/null; then
  echo "proto:breaking: $ref has no proto/kapita/v1/kapita.proto (or is not in this clone); nothing to compare"
  exit 0
fi
exec node_modules/.bin/buf breaking --against ".git#ref=$ref"
