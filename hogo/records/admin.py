from django.contrib import admin

from hogo.audit import log
from hogo.audit.choices import AuditAction
from hogo.records.models import ProtectionManager


@admin.register(ProtectionManager)
class ProtectionManagerAdmin(admin.ModelAdmin):
    """Administrators designate each division's 保護管理者 here; every change is audited."""

    list_display = ["division", "user"]
    autocomplete_fields = []

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        log.record(request, AuditAction.UPDATE if change else AuditAction.CREATE, obj,
                   changes={"保護管理者": ["", str(obj)]})

    def delete_model(self, request, obj):
        log.record(request, AuditAction.DELETE, obj)
        super().delete_model(request, obj)
