#!/usr/bin/env bash
# The whole test suite: static checks (fmt, lint, type check) and every test under tests/.
# Installs what it needs (the pinned Deno from npm; Debian packages later issues add).
# Prints a final line "N passed, N failed" and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
# Deno must not read package.json (it only pins the Deno toolchain for npm): otherwise `deno task`
# resolves `deno` to the npm wrapper in its own cache, which lacks the platform binary.
export DENO_NO_PACKAGE_JSON=1
export NO_COLOR=1
mkdir -p .out
# Every temporary directory the tests make (Deno.makeTempDir honours TMPDIR) lives under one
# directory removed when the suite ends, whatever a test forgot or a killed child left behind.
TMPDIR="$(mktemp -d "${TMPDIR:-/tmp}/gmat-sweep-tests.XXXXXX")"
export TMPDIR
trap 'rm -rf "$TMPDIR"' EXIT

if [ ! -x node_modules/.bin/deno ]; then
  echo "== installing the pinned Deno from npm"
  npm ci --no-audit --no-fund || npm install --no-audit --no-fund
fi
deno --version | head -1

# Debian packages the tests use as oracles or drivers: python3-numpy/scipy (printf and seed
# contract), Jupyter's nbclient (the notebook tests with the Deno kernel).
bash scripts/install_test_deps.sh || echo "== installing test dependencies failed (tests needing them fail in CI)"

static_failed=0
echo "== deno fmt --check"; deno fmt --check || static_failed=$((static_failed + 1))
echo "== deno lint"; deno lint || static_failed=$((static_failed + 1))
echo "== deno check"; deno check mod.ts cli.ts hook.ts src/ tests/ scripts/ examples/ || static_failed=$((static_failed + 1))
echo "== deno doc --lint"; deno doc --lint mod.ts hook.ts cli.ts || static_failed=$((static_failed + 1))
echo "== deno publish --dry-run"
deno publish --dry-run --allow-dirty >.out/publish.log 2>&1 || { cat .out/publish.log; static_failed=$((static_failed + 1)); }

echo "== deno test"
deno test -A --parallel tests/ 2>&1 | tee .out/test.log
test_status=${PIPESTATUS[0]}

summary=$(grep -E '^(ok|FAILED) \| [0-9]+ passed' .out/test.log | tail -1)
passed=$(sed -E 's/.*\| ([0-9]+) passed.*/\1/' <<<"$summary")
failed=$(sed -E 's/.*\| ([0-9]+) failed.*/\1/' <<<"$summary")
passed=${passed:-0}
failed=${failed:-0}
if [ -z "$summary" ] && [ "$test_status" != 0 ]; then failed=$((failed + 1)); fi
failed=$((failed + static_failed))
if [ "$static_failed" != 0 ]; then echo "static checks failed: $static_failed"; fi
echo "$passed passed, $failed failed"
if [ "$failed" != 0 ] || [ "$test_status" != 0 ]; then exit 1; fi
