"""The kinds of background job, registered by their apps in ``AppConfig.ready()``.

A kind is three functions, so that the database is touched only by the
worker process and never by the child that does the heavy work:

- ``prepare(job) -> inputs``: in the worker; reads the upload and whatever the
  work needs from the database.
- ``compute(inputs, progress) -> result``: in the child, under the time and
  memory limits; no database. ``progress(done, total, message="")`` reports.
- ``finish(job, result)``: in the worker; writes the result (one transaction,
  with its audit row) and sets ``job.result`` / ``job.result_url``.
"""

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Kind:
    label: str
    prepare: Callable
    compute: Callable
    finish: Callable


_kinds = {}


def register(name, kind):
    _kinds[name] = kind


def unregister(name):
    _kinds.pop(name, None)


def get(name):
    return _kinds[name]


def label(name):
    kind = _kinds.get(name)
    return kind.label if kind else name
