#!/usr/bin/env bash
# Install the Debian packages the test suite needs, only those missing, and say what was done.
#
#   python3-numpy python3-scipy            oracles of the printf and seed-contract tests
#   jupyter-nbconvert python3-nbclient     the notebook tests (scripts/run_notebook.py, run with
#   jupyter-client jupyter-core            /usr/bin/python3, drives the Deno Jupyter kernel)
#   unzip                                  unpacks archives in the archive tests
#   librsvg2-bin                           rsvg-convert: the plot tests open SVGs as pictures
#   casacore-data-jpl-de405                the DE405 oracle test: casacore's own reading of the
#   python3-casacore                       table data/ephemeris/de405_1960_2060.bin was made from
#   strace                                 watches a sweep's syncs and manifest writes (outputs are
#                                          durable before their entry)
#
# Idempotent: a package already installed is left alone and nothing runs when none is missing.
# As root it installs with apt-get (no recommends, quietly); otherwise it only lists what is
# missing (tests needing it are ignored locally and fail in CI). Exits non-zero only when an
# install was attempted and failed.
set -uo pipefail

PACKAGES=(python3 python3-numpy python3-scipy jupyter-nbconvert python3-nbclient jupyter-client
  jupyter-core unzip librsvg2-bin casacore-data-jpl-de405 python3-casacore strace)

installed() {
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}

missing=()
for pkg in "${PACKAGES[@]}"; do
  installed "$pkg" || missing+=("$pkg")
done

if [ "${#missing[@]}" = 0 ]; then
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  echo "install_test_deps: not root; missing Debian packages: ${missing[*]}"
  echo "install_test_deps: tests needing them are ignored locally and fail in CI (CI=true)"
  exit 0
fi

echo "install_test_deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# The package lists may be absent (fresh container) or stale: update, then install. Another apt
# run (a parallel setup step) may hold the dpkg lock: wait for it rather than fail.
lock=(-o DPkg::Lock::Timeout=300)
if ! { apt-get "${lock[@]}" update -qq &&
  apt-get "${lock[@]}" install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "install_test_deps: apt-get failed" >&2
  exit 1
fi
echo "install_test_deps: installed ${missing[*]}"
