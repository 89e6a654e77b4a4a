"""The ``hogo`` command: Django's management commands plus a few of Hogo's own.

``hogo import-organisation FILE`` is the management command
``import_organisation``; a hyphenated name maps to the underscored one.
``hogo scan`` runs the scanner without touching the database.
"""

import os
import sys


def main(argv=None):
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] == "scan":
        from hogo.scanner.cli import main as scan_main

        return scan_main(argv[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hogo.settings")
    from django.core.management import execute_from_command_line

    if argv and not argv[0].startswith("-"):
        argv[0] = argv[0].replace("-", "_")
    execute_from_command_line(["hogo", *argv])
    return 0
