"""Settings for the test suite: production settings, but plain HTTP (test client and live_server)."""

import os

os.environ.setdefault("HOGO_HTTPS", "false")

from hogo.settings import *  # noqa: E402,F401,F403
