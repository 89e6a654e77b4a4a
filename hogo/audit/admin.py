from django.contrib import admin

from hogo.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: no path in the admin adds, changes or deletes an audit entry."""

    list_display = ["timestamp", "username", "action", "record_type", "record_label", "division", "ip_address"]
    list_filter = ["action", "record_type"]
    search_fields = ["username", "record_label", "note"]
    actions = None

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
