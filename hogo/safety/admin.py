from django.contrib import admin

from hogo.safety.models import (
    Attendance, Audit, AuditPlan, CheckItem, CorrectiveAction, Destination, DestinationCheck, Finding, PostAssignment,
    SelfCheck, Send, TrainingSession,
)


@admin.register(PostAssignment)
class PostAssignmentAdmin(admin.ModelAdmin):
    list_display = ["post", "job_title", "person_name", "user", "agency", "division", "starts_on", "ends_on"]
    list_filter = ["post"]


@admin.register(CheckItem)
class CheckItemAdmin(admin.ModelAdmin):
    list_display = ["order", "category", "text", "active"]


@admin.register(SelfCheck)
class SelfCheckAdmin(admin.ModelAdmin):
    list_display = ["fiscal_year", "division", "status", "submitted_on"]


@admin.register(AuditPlan)
class AuditPlanAdmin(admin.ModelAdmin):
    list_display = ["fiscal_year", "title", "council_report"]


@admin.register(Audit)
class AuditAdmin(admin.ModelAdmin):
    list_display = ["plan", "division", "kind", "auditing_division", "conducted_on"]


class CorrectiveActionInline(admin.TabularInline):
    model = CorrectiveAction
    extra = 0


@admin.register(Finding)
class FindingAdmin(admin.ModelAdmin):
    list_display = ["division", "source", "category", "severity", "closed_on"]
    inlines = [CorrectiveActionInline]


@admin.register(TrainingSession)
class TrainingSessionAdmin(admin.ModelAdmin):
    list_display = ["held_on", "title", "audience"]


admin.site.register(Attendance)
admin.site.register(Destination)
admin.site.register(DestinationCheck)


@admin.register(Send)
class SendAdmin(admin.ModelAdmin):
    list_display = ["sent_on", "division", "channel", "recipient", "method", "misdirected_on"]
