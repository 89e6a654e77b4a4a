"""Division scoping, in one place.

Every module that stores records owned by a division goes through these two
functions: lists through ``scope_for_user`` and single records through
``get_for_user`` (wrapped once per type, e.g. ``get_incident_for_user``).
A division user who types another division's URL gets a 404, and the attempt
is written to the audit log.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from hogo.audit import log
from hogo.audit.choices import AuditAction
from hogo.core.choices import Role


def scope_for_user(queryset, user, division_field="division"):
    """The records of ``queryset`` that ``user`` may see.

    The privacy office and administrators see everything; division staff see
    their own division's records; anyone else (council viewers) sees none —
    they read published reports and statistics, not records.
    """
    if user.sees_all_divisions:
        return queryset
    if user.role == Role.DIVISION_STAFF and user.division_id:
        return queryset.filter(**{division_field: user.division_id})
    return queryset.none()


def check_can_write(request):
    """Refuse writes by read-only users (council viewers)."""
    if request.user.is_read_only:
        log.record(request, AuditAction.DENIED, note=f"書込み拒否: {request.path}")
        raise PermissionDenied("閲覧のみの利用者は変更できません。")


def get_for_user(request, queryset, pk, *, write=False, division_field="division", audit_view=True):
    """The record ``pk`` of ``queryset`` if the request's user may see it, else 404.

    A record outside the user's scope answers 404 (not 403) so that its
    existence is not revealed; the attempt is logged either way. ``write=True``
    also refuses read-only users. A successful read is logged as 閲覧 unless
    ``audit_view`` is False (the caller logs the write instead).
    """
    if write:
        check_can_write(request)
    try:
        obj = queryset.get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404("指定された記録はありません。")
    if not scope_for_user(queryset.filter(pk=obj.pk), request.user, division_field).exists():
        log.record(
            request, AuditAction.DENIED, obj,
            note=f"所管外の記録へのアクセス: {request.path}",
        )
        raise Http404("指定された記録はありません。")
    if audit_view and not write:
        log.record(request, AuditAction.VIEW, obj)
    return obj
