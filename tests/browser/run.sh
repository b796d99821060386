#!/usr/bin/env bash
# The browser test suite, on the site already built into public/ (or into $SITE_DIR).
# Installs what it needs on a fresh Debian machine, as root: Debian's Chromium with fonts,
# and playwright-core, axe-core and yaml at the versions in package-lock.json.
set -euo pipefail
cd "$(dirname "$0")"

apt_install() {
  if [ -z "${apt_updated:-}" ]; then apt-get update; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "Installing Node.js and npm..."
  apt_install nodejs npm
fi
if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  echo "error: the browser tests need Node.js 20 or later (playwright-core); this is $(node --version)" >&2
  exit 1
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium (about 80 seconds)..."
  # Fonts are only recommended; without them pages render, and reflow, with no real text.
  apt_install chromium fonts-liberation fonts-dejavu-core
fi
if [ ! -d /usr/share/fonts/truetype/noto ]; then
  # Urdu's letters (ہ, ے) are not in DejaVu: without Noto Naskh Arabic they draw as boxes,
  # and the right-to-left page cannot be judged by its screenshots.
  apt_install fonts-noto-core
fi
if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] || [ ! -d node_modules/yaml ]; then
  echo "Installing playwright-core, axe-core and yaml..."
  npm ci --no-audit --no-fund
fi

site_dir="${SITE_DIR:-../../public}"
if [ ! -f "$site_dir/sitemap.xml" ]; then
  echo "error: no built site in $site_dir: run 'cargo run --release -p site-builder -- build' first" >&2
  exit 1
fi

# One test file at a time: each starts its own server and Chromium, and tests inside a file
# already overlap their waits.
node --test --test-concurrency=1 --test-reporter=spec tests/
echo "Screenshots: $(pwd)/screenshots"
