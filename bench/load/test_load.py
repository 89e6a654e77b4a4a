"""The load benchmark at smoke size: concurrent writes through gunicorn, none failing, each audited once.

CI runs it on SQLite and, with DATABASE_URL set, on PostgreSQL (there it writes into
the test database, which pytest-django empties afterwards).
"""

import importlib.util
from pathlib import Path

import pytest
from django.db import connection

# bench/load/run.py is a script, not a package module (bench/pii has a run.py too): load it by path.
_spec = importlib.util.spec_from_file_location("bench_load_run", Path(__file__).with_name("run.py"))
run = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(run)


def _database_url():
    """PostgreSQL: the test database pytest-django made; SQLite: None, the benchmark makes its own file."""
    settings = connection.settings_dict
    if connection.vendor != "postgresql":
        return None
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    return (f"postgres://{settings['USER']}{password}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}"
            f"/{settings['NAME']}")


@pytest.mark.django_db(transaction=True)
def test_it_writes_under_concurrent_clients_without_errors_and_audits_every_write():
    figures = run.run(clients=4, seconds=5, database_url=_database_url(), log=lambda line: None)
    assert figures["writes"] > 0
    assert figures["errors"] == 0, figures["error_kinds"]
    assert figures["counts_agree"], figures
