from django import forms
from django.contrib.auth import get_user_model

from hogo.audit.choices import AuditAction
from hogo.audit.models import AuditEntry
from hogo.core.models import Division


class AuditFilterForm(forms.Form):
    user = forms.ModelChoiceField(get_user_model().objects.all(), required=False, label="利用者")
    division = forms.ModelChoiceField(Division.objects.all(), required=False, label="課")
    action = forms.ChoiceField(choices=[("", "---------")] + AuditAction.choices, required=False, label="操作")
    record_type = forms.ChoiceField(required=False, label="記録の種類")
    date_from = forms.DateField(required=False, label="開始日", widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(required=False, label="終了日", widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        types = AuditEntry.objects.order_by("record_type").values_list("record_type", flat=True).distinct()
        self.fields["record_type"].choices = [("", "---------")] + [(t, t) for t in types if t]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_from"] > cleaned["date_to"]:
            raise forms.ValidationError("開始日は終了日より前の日付を指定してください。")
        return cleaned

    def filter(self, queryset):
        data = self.cleaned_data
        if data.get("user"):
            queryset = queryset.filter(user=data["user"])
        if data.get("division"):
            queryset = queryset.filter(division=data["division"])
        if data.get("action"):
            queryset = queryset.filter(action=data["action"])
        if data.get("record_type"):
            queryset = queryset.filter(record_type=data["record_type"])
        if data.get("date_from"):
            queryset = queryset.filter(timestamp__date__gte=data["date_from"])
        if data.get("date_to"):
            queryset = queryset.filter(timestamp__date__lte=data["date_to"])
        return queryset
