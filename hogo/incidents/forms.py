from django import forms
from django.forms import inlineformset_factory

from hogo.core.concurrency import VersionedFormMixin
from hogo.core.forms import NoControlCharactersMixin
from hogo.core.models import Division, Municipality
from hogo.incidents import rules
from hogo.incidents.choices import HeldStatus, Notification, ReportKind, Sensitivity
from hogo.incidents.models import Incident, PersonalInfoItem

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _ymd(day):
    return f"{day.year}年{day.month}月{day.day}日"


class IncidentForm(VersionedFormMixin, NoControlCharactersMixin, forms.ModelForm):
    class Meta:
        model = Incident
        fields = [
            "title", "division", "related_divisions", "kind", "possibly",
            "occurred_on", "occurred_time", "learned_on", "learned_time",
            "document_name", "summary", "discovered_by", "discovered_how", "medium",
            "individuals", "individuals_estimated", "count_text",
            "held_status", "held_reason",
            "financial_damage_risk", "unlawful_purpose", "strongly_encrypted",
            "my_number", "my_number_system", "my_number_exposed", "my_number_individuals",
            "cause_party", "cause", "secondary_damage", "initial_response", "response_to_individuals", "publication",
            "contractor", "other_reports", "other", "contact",
            "notification", "notified_on", "notification_method", "notification_reason",
        ]
        widgets = {
            "occurred_on": DATE, "learned_on": DATE, "notified_on": DATE,
            "occurred_time": TIME, "learned_time": TIME,
            "related_divisions": forms.SelectMultiple(attrs={"size": 4}),
            **{name: forms.Textarea(attrs={"rows": 3}) for name in (
                "summary", "discovered_how", "cause", "secondary_damage", "initial_response",
                "response_to_individuals", "publication", "other", "notification_reason",
                "held_reason", "other_reports")},
        }
        error_messages = {
            "individuals": {"min_value": "本人の数は0以上の数で入力してください。",
                            "invalid": "本人の数は数字で入力してください。"},
            "learned_on": {"required": "覚知日（漏えい等を知った日）を入力してください。"},
            "title": {"required": "事案の件名を入力してください。"},
            "summary": {"required": "概要を入力してください。"},
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        divisions = Division.objects.select_related("department__agency")
        if not user.sees_all_divisions:
            divisions = divisions.filter(pk=user.division_id)
            self.fields["division"].initial = user.division_id
        self.fields["division"].queryset = divisions
        self.fields["related_divisions"].queryset = Division.objects.select_related("department__agency")
        self.fields["individuals"].widget.attrs["min"] = 0
        self.fields["my_number_individuals"].widget.attrs["min"] = 0

    def clean(self):
        data = super().clean()
        self._check_dates(data)
        self._check_notification(data)
        self._check_held(data)
        self._check_my_number(data)
        return data

    def _check_held(self, data):
        # 法第60条第1項: not 保有個人情報 means no 法第68条 report; the reason must be on record.
        if data.get("held_status") == HeldStatus.NOT_HELD and not (data.get("held_reason") or "").strip():
            self.add_error("held_reason", "保有個人情報に当たらないとした理由を入力してください。")
        if data.get("held_status") == HeldStatus.HELD and (data.get("held_reason") or "").strip():
            self.add_error("held_status", "保有個人情報に当たらない理由が入力されています。該当の有無を確認してください。")

    def _check_my_number(self, data):
        details = [name for name in ("my_number_system", "my_number_exposed", "my_number_individuals")
                   if data.get(name) not in (None, "", False)]
        if details and not data.get("my_number"):
            self.add_error("my_number", "特定個人情報の管理場所等が入力されています。特定個人情報を含む場合はチェックしてください。")
        if data.get("my_number") and not data.get("my_number_system"):
            self.add_error("my_number_system", "特定個人情報の管理場所を選んでください（番号法の報告の要否の判定に使います）。")
        total, my_number = data.get("individuals"), data.get("my_number_individuals")
        if total is not None and my_number is not None and my_number > total:
            self.add_error("my_number_individuals", f"特定個人情報に係る本人の数（{my_number}人）が本人の数（{total}人）を超えています。")

    def _check_dates(self, data):
        occurred, learned = data.get("occurred_on"), data.get("learned_on")
        if occurred and learned:
            if learned < occurred:
                self.add_error("learned_on", f"覚知日（{_ymd(learned)}）が発生日（{_ymd(occurred)}）より前になっています。")
            elif learned == occurred and data.get("learned_time") and data.get("occurred_time") \
                    and data["learned_time"] < data["occurred_time"]:
                self.add_error("learned_time", "覚知時刻が発生時刻より前になっています。")
        if learned and self.instance.pk:
            earliest = self.instance.reports.order_by("sent_on").first()
            if earliest and earliest.sent_on < learned:
                self.add_error("learned_on", f"記録済みの{earliest.get_kind_display()}の報告日（{_ymd(earliest.sent_on)}）"
                                             "より後の日を覚知日にはできません。")

    def _check_notification(self, data):
        status = data.get("notification")
        if status == Notification.DONE:
            if not data.get("notified_on"):
                self.add_error("notified_on", "通知済みの場合は通知日を入力してください。")
            if not data.get("notification_method"):
                self.add_error("notification_method", "通知済みの場合は通知の方法を入力してください。")
        if status in (Notification.SUBSTITUTE, Notification.NON_DISCLOSABLE) and not data.get("notification_reason"):
            self.add_error("notification_reason", "本人に通知しない理由（代替措置の場合はその内容）を入力してください。")
        if status == Notification.PENDING and data.get("notified_on"):
            self.add_error("notification", "通知日が入力されています。通知済みの場合は「通知済み」を選んでください。")
        notified, learned = data.get("notified_on"), data.get("learned_on")
        if notified and learned and notified < learned:
            self.add_error("notified_on", f"通知日（{_ymd(notified)}）が覚知日（{_ymd(learned)}）より前です。")


def category_choices():
    """Both kinds of category in one select, grouped: Art.2(3) and the ordinance's own."""
    ordinance = Municipality.current().sensitive_category_list()
    groups = [("", "（通常の項目）"),
              ("要配慮個人情報（法第2条第3項）", [(name, name) for name in rules.SENSITIVE_CATEGORIES])]
    if ordinance:
        groups.append(("条例要配慮個人情報", [(name, name) for name in ordinance]))
    return groups


class ItemForm(NoControlCharactersMixin, forms.ModelForm):
    class Meta:
        model = PersonalInfoItem
        fields = ["name", "sensitivity", "category"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"] = forms.ChoiceField(label="該当する類型", required=False, choices=category_choices())

    def clean(self):
        data = super().clean()
        sensitivity, category = data.get("sensitivity"), data.get("category") or ""
        if not data.get("name"):
            return data
        if sensitivity == Sensitivity.SENSITIVE and category not in rules.SENSITIVE_CATEGORIES:
            self.add_error("category", "要配慮個人情報の場合は、法第2条第3項の類型を選んでください。")
        if sensitivity == Sensitivity.ORDINANCE and category not in Municipality.current().sensitive_category_list():
            self.add_error("category", "条例要配慮個人情報の場合は、条例の項目を選んでください。")
        if sensitivity == Sensitivity.ORDINARY and category:
            self.add_error("sensitivity", "類型を選んだ項目は「要配慮個人情報」又は「条例要配慮個人情報」にしてください。")
        return data


class BaseItemFormSet(forms.BaseInlineFormSet):
    def save(self, commit=True):
        # Keep the order the items appear in on the form (existing rows first, then new ones).
        for position, form in enumerate(self.forms, 1):
            form.instance.order = position
        return super().save(commit)


ItemFormSet = inlineformset_factory(
    Incident, PersonalInfoItem, form=ItemForm, formset=BaseItemFormSet, extra=3, can_delete=True,
)


class TimelineForm(NoControlCharactersMixin, forms.Form):
    on = forms.DateField(label="日付", widget=DATE, error_messages={"required": "日付を入力してください。"})
    at = forms.TimeField(label="時刻", required=False, widget=TIME)
    text = forms.CharField(label="内容", widget=forms.Textarea(attrs={"rows": 3}),
                           error_messages={"required": "内容を入力してください。"})


class ReportForm(NoControlCharactersMixin, forms.Form):
    kind = forms.ChoiceField(label="種類", choices=ReportKind.choices)
    sent_on = forms.DateField(label="報告日", widget=DATE, error_messages={"required": "報告日を入力してください。"})
    note = forms.CharField(label="備考", required=False, max_length=300)


class MeasureForm(NoControlCharactersMixin, forms.Form):
    text = forms.CharField(label="再発防止策", widget=forms.Textarea(attrs={"rows": 2}),
                           error_messages={"required": "再発防止策の内容を入力してください。"})
    owner = forms.CharField(label="担当", required=False, max_length=100)
    due_on = forms.DateField(label="期限", required=False, widget=DATE)


class CouncilReportForm(NoControlCharactersMixin, forms.Form):
    reported_on = forms.DateField(label="報告日", widget=DATE, error_messages={"required": "報告日を入力してください。"})
    basis = forms.CharField(label="件名に添える根拠", required=False, max_length=200,
                            help_text="空欄なら自治体の設定（漏えい等の審議会報告の根拠）を使います。")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["basis"].initial = Municipality.current().incident_report_basis


class FiscalYearForm(forms.Form):
    first = forms.IntegerField(label="年度（から）", min_value=2000, max_value=2100)
    last = forms.IntegerField(label="年度（まで）", min_value=2000, max_value=2100, required=False)

    def clean(self):
        data = super().clean()
        if data.get("last") and data.get("first") and data["last"] < data["first"]:
            self.add_error("last", "終わりの年度は始めの年度以降にしてください。")
        return data
