"""The admin site, audited: every list and record read through /admin/ and every add, change
and delete made there writes an audit entry, for every model registered now or later.

Django's own LogEntry records admin writes only, and is not the audit log (it can be
deleted and does not record reads). The site is installed by ``AuditedAdminConfig``
(``admin_app.py``) in place of ``django.contrib.admin`` in ``INSTALLED_APPS``.
"""

import json
from functools import wraps

from django.contrib.admin import AdminSite, ModelAdmin
from django.contrib.admin.models import LogEntry

from hogo.audit import log
from hogo.audit.choices import AuditAction


class AuditedModelAdmin:
    """Mixed into each ModelAdmin the site registers."""

    def changelist_view(self, request, extra_context=None):
        # A POST here runs an action (e.g. delete selected); the action logs what it does.
        if request.method == "GET":
            log.record(request, AuditAction.VIEW, record_type=self.model._meta.label,
                       note=f"管理画面の一覧 {request.GET.urlencode()}")
        return super().changelist_view(request, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and request.method == "GET":
            log.record(request, AuditAction.VIEW, obj, note="管理画面")
        return super().render_change_form(request, context, add, change, form_url, obj)

    def log_addition(self, request, obj, message):
        log.record(request, AuditAction.CREATE, obj, note=_admin_note("追加", message))
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        log.record(request, AuditAction.UPDATE, obj, note=_admin_note("変更", message))
        return super().log_change(request, obj, message)

    def log_deletions(self, request, queryset):
        # Called before the objects are deleted, inside the admin's transaction.
        for obj in queryset:
            log.record(request, AuditAction.DELETE, obj, note="管理画面で削除")
        return super().log_deletions(request, queryset)


def _admin_note(verb, message):
    """The admin's own description of a change ("役割 と 所属課 を変更しました。")."""
    if isinstance(message, list):
        message = json.dumps(message)
    description = LogEntry(change_message=message).get_change_message()
    return f"管理画面で{verb}: {description}" if description else f"管理画面で{verb}"


class AuditedAdminSite(AdminSite):
    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or ModelAdmin
        if not issubclass(admin_class, AuditedModelAdmin):
            # The same way Django builds a class from **options: a subclass named like the original.
            admin_class = type(admin_class.__name__, (AuditedModelAdmin, admin_class),
                               {"__module__": admin_class.__module__})
        super().register(model_or_iterable, admin_class, **options)

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        @wraps(inner)
        def view_with_acting_request(request, *args, **kwargs):
            # User changes are logged by model signals, which see no request: name the admin user.
            with log.acting_request(request):
                return inner(request, *args, **kwargs)

        return view_with_acting_request
