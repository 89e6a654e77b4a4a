from django.contrib import admin

from hogo.registers.models import IssuedReport


@admin.register(IssuedReport)
class IssuedReportAdmin(admin.ModelAdmin):
    """Read-only: reports are issued from the reports page so that numbering and audit stay in one place."""

    list_display = ["__str__", "kind", "date_from", "date_to", "fiscal_year", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
