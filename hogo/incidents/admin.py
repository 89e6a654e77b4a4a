from django.contrib import admin

from hogo.incidents.models import Incident


@admin.register(Incident)
class IncidentAdmin(admin.ModelAdmin):
    """Read-only in the admin: incidents are changed through the app so that every change is audited."""

    list_display = ["title", "division", "learned_on", "ppc_required", "council_report"]
    list_filter = ["ppc_required", "kind"]
    search_fields = ["title"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
