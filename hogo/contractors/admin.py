from django.contrib import admin

from hogo.contractors.models import Contract, Contractor, Inspection, SpecialClauses


@admin.register(Contractor)
class ContractorAdmin(admin.ModelAdmin):
    list_display = ["name", "address", "representative"]
    search_fields = ["name"]


@admin.register(Contract)
class ContractAdmin(admin.ModelAdmin):
    list_display = ["title", "division", "contractor", "starts_on", "ends_on", "signed_on"]
    list_filter = ["designated_manager"]


@admin.register(Inspection)
class InspectionAdmin(admin.ModelAdmin):
    list_display = ["contract", "kind", "fiscal_year", "inspected_on"]


@admin.register(SpecialClauses)
class SpecialClausesAdmin(admin.ModelAdmin):
    list_display = ["number", "adopted_on"]
