"""Writing audit entries. Every action that reads or writes personal data calls ``record``."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import models

from hogo.audit.choices import AuditAction
from hogo.audit.models import AuditEntry
from hogo.lib.client_ip import client_ip


def client_address(request):
    """The client's address: X-Forwarded-For as far as HOGO_TRUSTED_PROXIES vouch for it, else the peer.

    Also django-axes' AXES_CLIENT_IP_CALLABLE, so that throttling counts the same address.
    """
    if request is None:
        return None
    return client_ip(request.META.get("REMOTE_ADDR"), request.META.get("HTTP_X_FORWARDED_FOR"),
                     settings.HOGO_TRUSTED_PROXIES)


def record(request, action, obj=None, *, user=None, changes=None, note="", record_type="", division=None):
    """Append one audit entry for ``action`` on ``obj`` by the request's user.

    ``request`` may be None for command-line actions; then pass ``user``.
    ``division`` defaults to ``obj.division`` when the record has one.
    """
    if user is None and request is not None and request.user.is_authenticated:
        user = request.user
    if obj is not None:
        record_type = record_type or obj._meta.label
        if division is None:
            division = getattr(obj, "division", None)
    return AuditEntry.objects.create(
        user=user,
        username=user.get_username() if user else "",
        ip_address=client_address(request),
        action=action,
        record_type=record_type,
        record_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        record_label=str(obj)[:300] if obj is not None else "",
        division=division if isinstance(division, models.Model) else None,
        changes=changes or {},
        note=note[:300],
    )


# The request being served by a view that may change users (the admin), so that model
# signals, which receive no request, can still say who made the change.
_acting_request = ContextVar("hogo_audit_acting_request", default=None)


@contextmanager
def acting_request(request):
    """Within the block, ``current_request()`` is ``request``."""
    token = _acting_request.set(request)
    try:
        yield
    finally:
        _acting_request.reset(token)


def current_request():
    """The request set by ``acting_request``, or None (command line, shell, other views)."""
    return _acting_request.get()


def snapshot(obj, fields=None):
    """The field values of ``obj`` as display strings, for ``changed_fields``."""
    values = {}
    for field in obj._meta.concrete_fields:
        if fields is not None and field.name not in fields:
            continue
        value = field.value_from_object(obj)
        values[field.name] = "" if value is None else str(value)
    return values


def changed_fields(before, after):
    """``{field: [old, new]}`` for each field whose value differs between two snapshots."""
    return {
        name: [before.get(name, ""), value]
        for name, value in after.items()
        if before.get(name, "") != value
    }


__all__ = ["AuditAction", "record", "snapshot", "changed_fields", "client_address", "acting_request",
           "current_request"]
