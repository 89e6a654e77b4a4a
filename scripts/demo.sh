#!/bin/sh
# Set up Hogo in .venv with an SQLite database, load the demo municipality and serve it.
set -e
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt -e .
export HOGO_DEMO=1
mkdir -p var/static
.venv/bin/hogo demo "$@"
# Scans and imports run in the background worker; it stops when the server does.
.venv/bin/hogo run-jobs &
WORKER=$!
trap 'kill "$WORKER" 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM
echo ""
echo "Hogo を http://127.0.0.1:8000 で起動します（終了は Ctrl+C）。"
.venv/bin/hogo runserver 127.0.0.1:8000
