"""Scoping of the safety records: core's rules, plus the audit officer (監査責任者), who sees every
division's checks, audits and findings, and the division doing a mutual audit, which sees that audit."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from hogo.audit import log
from hogo.audit.choices import AuditAction
from hogo.core.access import check_can_write, scope_for_user
from hogo.core.choices import Role
from hogo.safety.structure import is_audit_officer


def sees_all(user):
    return user.sees_all_divisions or is_audit_officer(user)


def scope(queryset, user, division_field="division"):
    if is_audit_officer(user):
        return queryset
    return scope_for_user(queryset, user, division_field)


def scope_audits(queryset, user):
    """Audits of the user's division, and those their division does as a mutual audit."""
    if sees_all(user):
        return queryset
    if user.role == Role.DIVISION_STAFF and user.division_id:
        return queryset.filter(Q(division=user.division_id) | Q(auditing_division=user.division_id))
    return queryset.none()


def get_scoped(request, queryset, scoped, pk, *, write=False):
    """The record ``pk`` of ``queryset`` if it is in ``scoped`` (the user's view of it), else 404, audited."""
    if write:
        check_can_write(request)
    try:
        obj = queryset.get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404("指定された記録はありません。")
    if not scoped.filter(pk=obj.pk).exists():
        log.record(request, AuditAction.DENIED, obj, note=f"所管外の記録へのアクセス: {request.path}")
        raise Http404("指定された記録はありません。")
    if not write:
        log.record(request, AuditAction.VIEW, obj)
    return obj


def get_for_user(request, queryset, pk, *, write=False, division_field="division"):
    return get_scoped(request, queryset, scope(queryset, request.user, division_field), pk, write=write)


def check_privacy_office(request, what):
    """Writes reserved to the privacy office (the item list, training, the structure)."""
    check_can_write(request)
    if not request.user.is_privacy_office:
        log.record(request, AuditAction.DENIED, note=f"{what}（個人情報保護担当のみ）: {request.path}")
        raise PermissionDenied(f"{what}は個人情報保護担当が行います。")


def check_auditor(request, audit=None):
    """Audits and their findings are recorded by the privacy office, the audit officer, or the mutual auditor."""
    check_can_write(request)
    user = request.user
    if sees_all(user):
        return
    if audit is not None and audit.auditing_division_id and audit.auditing_division_id == user.division_id:
        return
    log.record(request, AuditAction.DENIED, audit, note=f"監査の記録（監査を行う者のみ）: {request.path}")
    raise PermissionDenied("監査の記録は監査責任者・個人情報保護担当（相互監査では監査を行う課）が行います。")
