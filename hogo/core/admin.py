from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from hogo.core.models import Agency, ClosureDay, CouncilReport, Department, Division, Municipality, TotpDevice, User


class ClosureDayInline(admin.TabularInline):
    model = ClosureDay
    extra = 1


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "ordinance_name", "privacy_office_name"]
    inlines = [ClosureDayInline]


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "agency", "order"]
    list_filter = ["agency"]
    search_fields = ["name"]


@admin.register(Division)
class DivisionAdmin(admin.ModelAdmin):
    list_display = ["full_name", "department", "phone", "order"]
    list_filter = ["department__agency", "department"]
    search_fields = ["name", "full_name"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "last_name", "first_name", "role", "division", "is_active"]
    list_filter = ["role", "is_active", "division__department__agency"]
    fieldsets = BaseUserAdmin.fieldsets + (("Hogo", {"fields": ["role", "division"]}),)
    add_fieldsets = BaseUserAdmin.add_fieldsets + (("Hogo", {"fields": ["role", "division"]}),)


@admin.register(CouncilReport)
class CouncilReportAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "reported_on", "record_type"]
    search_fields = ["title"]


@admin.register(TotpDevice)
class TotpDeviceAdmin(admin.ModelAdmin):
    """Administrators remove a lost authenticator here; the secret is never shown or edited."""

    list_display = ["user", "confirmed_at"]
    fields = ["user", "created_at", "confirmed_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False
