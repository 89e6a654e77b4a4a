from pathlib import PurePath

from django import forms
from django.conf import settings
from django.utils import timezone

from hogo.core.concurrency import VersionedFormMixin
from hogo.core.forms import NoControlCharactersMixin
from hogo.core.models import Division, User
from hogo.lib.municipal_calendar import is_supported_day, is_supported_fiscal_year
from hogo.records.choices import DisposalMethod
from hogo.records.models import HoldingPaper, Medium, RecordFile, RecordSeries

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
CERTIFICATE_EXTENSIONS = (".pdf", ".jpg", ".jpeg", ".png")


def _divisions_for(user):
    divisions = Division.objects.select_related("department__agency")
    return divisions if user.sees_all_divisions else divisions.filter(pk=user.division_id)


def _check_date(form, name):
    day = form.cleaned_data.get(name)
    if day and not is_supported_day(day):
        form.add_error(name, "日付が扱える範囲の外です。")


def _not_in_future(day):
    """A disposal is recorded when it happens: a later date would slip past the retention check."""
    if day > timezone.localdate():
        raise forms.ValidationError("廃棄日に今日より後の日付は指定できません。廃棄した日に記録してください。")
    return day


class DivisionChoiceMixin:
    """The division select offers the user's own division only (all for the privacy office)."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if "division" in self.fields:
            self.fields["division"].queryset = _divisions_for(user)
            if not user.sees_all_divisions:
                self.fields["division"].initial = user.division_id


class SeriesForm(VersionedFormMixin, NoControlCharactersMixin, DivisionChoiceMixin, forms.ModelForm):
    class Meta:
        model = RecordSeries
        fields = ["division", "name", "personal_info_file", "retention_years", "start_rule", "storage_place",
                  "medium", "sensitive", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}
        error_messages = {"name": {"required": "文書の分類の名称を入力してください。"}}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        from hogo.registers.models import PersonalInfoFile

        files = PersonalInfoFile.objects.select_related("division")
        if not user.sees_all_divisions:
            files = files.filter(division_id=user.division_id)
        self.fields["personal_info_file"].queryset = files

    def clean(self):
        data = super().clean()
        info_file, division = data.get("personal_info_file"), data.get("division")
        if info_file and division and info_file.division_id != division.pk:
            self.add_error("personal_info_file", "所管課の個人情報ファイルを選んでください。")
        return data


class FileForm(VersionedFormMixin, NoControlCharactersMixin, forms.ModelForm):
    class Meta:
        model = RecordFile
        fields = ["series", "title", "completed_on", "storage_place", "moved_to_store_on", "disposal_planned_on",
                  "note"]
        widgets = {"completed_on": DATE, "moved_to_store_on": DATE, "disposal_planned_on": DATE,
                   "note": forms.Textarea(attrs={"rows": 2})}
        error_messages = {"title": {"required": "簿冊の名称を入力してください。"}}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        series = RecordSeries.objects.select_related("division")
        if not user.sees_all_divisions:
            series = series.filter(division_id=user.division_id)
        self.fields["series"].queryset = series

    def clean(self):
        data = super().clean()
        for name in ("completed_on", "moved_to_store_on", "disposal_planned_on"):
            _check_date(self, name)
        return data


class HoldForm(NoControlCharactersMixin, forms.Form):
    request = forms.ModelChoiceField(queryset=None, label="請求", empty_label="選んでください",
                                     error_messages={"required": "請求を選んでください。"})
    note = forms.CharField(label="備考", max_length=300, required=False)

    def __init__(self, *args, record_file, **kwargs):
        super().__init__(*args, **kwargs)
        from hogo.disclosure.models import Request

        # The requests a division handles: its own or one it takes part in.
        division = record_file.series.division_id
        self.fields["request"].queryset = (Request.objects.filter(divisions=division) | Request.objects.filter(
            division=division)).distinct().order_by("-received_on", "-pk")


class DisposalListForm(NoControlCharactersMixin, DivisionChoiceMixin, forms.Form):
    division = forms.ModelChoiceField(queryset=None, label="所管課", error_messages={"required": "所管課を選んでください。"})
    fiscal_year = forms.IntegerField(label="年度（西暦）", error_messages={"required": "年度を入力してください。"})

    def clean_fiscal_year(self):
        year = self.cleaned_data["fiscal_year"]
        if not is_supported_fiscal_year(year):
            raise forms.ValidationError("年度は西暦（例：2025）で入力してください。")
        return year


class DisposalRecordForm(NoControlCharactersMixin, forms.Form):
    """The act of disposal: method, date, who disposed and who witnessed, and the contractor's certificate."""

    method = forms.ChoiceField(label="廃棄の方法", choices=[("", "選んでください")] + DisposalMethod.choices,
                               error_messages={"required": "廃棄の方法を選んでください。"})
    disposed_on = forms.DateField(label="廃棄日", widget=DATE, error_messages={"required": "廃棄日を入力してください。",
                                                                             "invalid": "廃棄日を正しく入力してください。"})
    disposed_by = forms.ModelChoiceField(queryset=None, label="廃棄を行った職員",
                                         error_messages={"required": "廃棄を行った職員を選んでください。"})
    witness = forms.ModelChoiceField(queryset=None, label="立会者", required=False,
                                     help_text="廃棄を行う職員以外の者（係長など）")
    contractor = forms.CharField(label="委託先（溶解処理）", max_length=200, required=False)
    certificate = forms.FileField(label="廃棄（溶解）証明書", required=False,
                                  help_text="PDF または画像（.pdf .jpg .png）")
    note = forms.CharField(label="備考", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, division, **kwargs):
        super().__init__(*args, **kwargs)
        people = User.objects.filter(is_active=True).filter(division=division).order_by("username")
        self.fields["disposed_by"].queryset = people
        self.fields["witness"].queryset = people

    def clean_disposed_on(self):
        day = self.cleaned_data["disposed_on"]
        if not is_supported_day(day):
            raise forms.ValidationError("廃棄日が扱える範囲の外です。")
        return _not_in_future(day)

    def clean_certificate(self):
        upload = self.cleaned_data.get("certificate")
        if not upload:
            return upload
        if upload.size > settings.HOGO_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"ファイルが大きすぎます（上限 {settings.HOGO_MAX_UPLOAD_BYTES // (1024 * 1024)} MB）。")
        if PurePath(upload.name).suffix.lower() not in CERTIFICATE_EXTENSIONS:
            raise forms.ValidationError("証明書は PDF または画像（.pdf .jpg .jpeg .png）で添付してください。")
        return upload


class HoldingForm(VersionedFormMixin, NoControlCharactersMixin, DivisionChoiceMixin, forms.ModelForm):
    class Meta:
        model = HoldingPaper
        fields = ["division", "description", "application", "received_on", "place", "check_name", "check_done_on",
                  "destroy_from"]
        widgets = {"received_on": DATE, "check_done_on": DATE, "destroy_from": DATE}
        error_messages = {"description": {"required": "書類の名称を入力してください。"},
                          "received_on": {"required": "受付日を入力してください。"},
                          "destroy_from": {"required": "廃棄できる日を入力してください。"},
                          "place": {"required": "保管場所を入力してください。"}}

    def clean(self):
        data = super().clean()
        for name in ("received_on", "check_done_on", "destroy_from"):
            _check_date(self, name)
        if data.get("received_on") and data.get("destroy_from") and data["destroy_from"] < data["received_on"]:
            self.add_error("destroy_from", "廃棄できる日は受付日より後にしてください。")
        return data


class HoldingDestroyForm(forms.Form):
    destroyed_on = forms.DateField(label="廃棄日", widget=DATE, error_messages={"required": "廃棄日を入力してください。"})
    second_checker = forms.ModelChoiceField(queryset=None, label="確認者（2人目）", required=False)

    def clean_destroyed_on(self):
        return _not_in_future(self.cleaned_data["destroyed_on"])

    def __init__(self, *args, division, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["second_checker"].queryset = (User.objects.filter(is_active=True, division=division)
                                                  .order_by("username"))


class MediumForm(VersionedFormMixin, NoControlCharactersMixin, DivisionChoiceMixin, forms.ModelForm):
    class Meta:
        model = Medium
        fields = ["division", "identifier", "kind", "owner", "encrypted", "contents", "note", "retired_on"]
        widgets = {"retired_on": DATE, "note": forms.Textarea(attrs={"rows": 2})}
        error_messages = {"identifier": {"required": "管理番号を入力してください。"},
                          "owner": {"required": "管理者を入力してください。"},
                          "kind": {"required": "種類を選んでください。"}}


class CarryoutForm(NoControlCharactersMixin, forms.Form):
    purpose = forms.CharField(label="目的", max_length=200, error_messages={"required": "目的を入力してください。"})
    destination = forms.CharField(label="持出し先", max_length=200, required=False)
    approver = forms.ModelChoiceField(queryset=None, label="承認者", error_messages={"required": "承認者を選んでください。"})
    due_at = forms.DateTimeField(label="返却予定日時", widget=DATETIME, input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
                                 error_messages={"required": "返却予定日時を入力してください。",
                                                 "invalid": "返却予定日時を正しく入力してください。"})

    def __init__(self, *args, division, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["approver"].queryset = (User.objects.filter(is_active=True, division=division)
                                            .exclude(pk=user.pk).order_by("username"))


class LostForm(NoControlCharactersMixin, forms.Form):
    lost_on = forms.DateField(label="紛失が判明した日", widget=DATE, error_messages={"required": "紛失が判明した日を入力してください。"})


class LinkIncidentForm(forms.Form):
    incident = forms.ModelChoiceField(queryset=None, label="漏えい等事案", error_messages={"required": "事案を選んでください。"})

    def __init__(self, *args, medium, **kwargs):
        super().__init__(*args, **kwargs)
        from hogo.incidents.models import Incident

        self.fields["incident"].queryset = Incident.objects.filter(division=medium.division_id).order_by("-learned_on")


class ImportForm(forms.Form):
    file = forms.FileField(label="簿冊一覧（.xlsx または .csv）", error_messages={"required": "ファイルを選んでください。"})
    dry_run = forms.BooleanField(label="確認のみ（取り込まない）", required=False, initial=True)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.HOGO_MAX_UPLOAD_BYTES:
            raise forms.ValidationError("ファイルが大きすぎます。")
        if PurePath(upload.name).suffix.lower() not in (".xlsx", ".csv"):
            raise forms.ValidationError("Excel（.xlsx）または CSV（.csv）を指定してください。")
        return upload


class FiscalYearForm(forms.Form):
    year = forms.IntegerField(label="年度（西暦）")

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not is_supported_fiscal_year(year):
            raise forms.ValidationError("年度は西暦（例：2025）で入力してください。")
        return year
