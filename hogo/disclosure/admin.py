from django.contrib import admin

from hogo.disclosure.models import NoticeTemplate, RequestSettings


@admin.register(RequestSettings)
class RequestSettingsAdmin(admin.ModelAdmin):
    """Ordinance choices. Requests themselves are kept out of the admin: they hold personal data
    and are read through the audited, division-scoped pages only."""

    list_display = ["municipality", "disclosure_days", "info_days", "info_counting", "office_deadline_moves"]
    filter_horizontal = ["information_only_agencies"]
    fieldsets = [
        ("個人情報保護法の請求", {"fields": ["municipality", "disclosure_days", "correction_days", "suspension_days",
                                         "extension_max_days", "office_deadline_moves", "body_type",
                                         "added_grounds"]}),
        ("通知書・開示の実施", {"fields": ["head_title", "head_name", "review_board_name", "disclosure_place",
                                      "disclosure_hours", "copy_fee_table", "postage_note"]}),
        ("行政情報開示請求（情報公開条例）", {"fields": ["info_ordinance", "info_days", "info_counting",
                                                    "info_extension_days", "info_period_source",
                                                    "info_extension_source", "info_grounds", "info_copy_fee_yen",
                                                    "information_only_agencies"]}),
        ("統計", {"fields": ["statistics_layout"]}),
    ]


@admin.register(NoticeTemplate)
class NoticeTemplateAdmin(admin.ModelAdmin):
    list_display = ["title", "outcome"]
