#!/bin/sh
# Install the test dependencies into .venv and run the whole test suite.
# The database is SQLite unless DATABASE_URL points at PostgreSQL.
# Browser tests drive Debian's chromium (/usr/bin/chromium); without it they are
# skipped, unless HOGO_REQUIRE_BROWSER=1 (as in CI) makes that a failure.
set -e
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements-test.txt -e .
exec .venv/bin/python -m pytest "$@"
