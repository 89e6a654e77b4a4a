from pathlib import PurePath

from django import forms
from django.conf import settings
from django.forms import inlineformset_factory

from hogo.contractors import seed_forms
from hogo.contractors.choices import ItemResult
from hogo.contractors.models import (
    Contract, Contractor, Inspection, ManagementReport, ManagementStaff, SpecialClauses, Subcontract,
)
from hogo.core.access import scope_for_user
from hogo.core.concurrency import VersionedFormMixin
from hogo.core.forms import NoControlCharactersMixin
from hogo.core.models import Division

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
ATTACHMENT_EXTENSIONS = (".pdf", ".docx", ".xlsx", ".xls", ".doc", ".jpg", ".png")
IMPORT_EXTENSIONS = (".xlsx", ".csv")


def check_upload(upload, extensions):
    """Refuse a file over HOGO_MAX_UPLOAD_BYTES or with an extension not in ``extensions``."""
    if upload.size > settings.HOGO_MAX_UPLOAD_BYTES:
        raise forms.ValidationError(
            f"ファイルが大きすぎます（上限 {settings.HOGO_MAX_UPLOAD_BYTES // 1_000_000} MB）。")
    if PurePath(upload.name).suffix.lower() not in extensions:
        raise forms.ValidationError("受け付けられないファイル形式です（" + "・".join(extensions) + "）。")
    return upload


class ContractorForm(VersionedFormMixin, NoControlCharactersMixin, forms.ModelForm):
    class Meta:
        model = Contractor
        fields = ["name", "address", "representative"]
        error_messages = {"name": {"required": "委託先の名称を入力してください。"}}


class ContractForm(VersionedFormMixin, NoControlCharactersMixin, forms.ModelForm):
    class Meta:
        model = Contract
        fields = ["title", "division", "contractor", "starts_on", "ends_on", "designated_manager",
                  "handles_personal_info", "on_site_every_year", "personal_info_file", "review", "clauses"]
        widgets = {"starts_on": DATE, "ends_on": DATE}
        error_messages = {"title": {"required": "契約件名を入力してください。"},
                          "starts_on": {"required": "契約期間の始期を入力してください。"},
                          "ends_on": {"required": "契約期間の終期を入力してください。"}}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        from hogo.registers.models import PersonalInfoFile, Review

        divisions = Division.objects.select_related("department__agency")
        if not user.sees_all_divisions:
            divisions = divisions.filter(pk=user.division_id)
            self.fields["division"].initial = user.division_id
        self.fields["division"].queryset = divisions
        self.fields["personal_info_file"].queryset = scope_for_user(PersonalInfoFile.objects.all(), user)
        self.fields["review"].queryset = scope_for_user(Review.objects.filter(criterion="outsourcing"), user)
        if not self.instance.pk:
            self.fields["clauses"].initial = getattr(SpecialClauses.current(), "pk", None)

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", "契約の終期は始期以降の日付にしてください。")
        return data


class ClausesForm(NoControlCharactersMixin, forms.ModelForm):
    class Meta:
        model = SpecialClauses
        fields = ["adopted_on", "text"]
        widgets = {"adopted_on": DATE, "text": forms.Textarea(attrs={"rows": 20})}


class ChecklistForm(NoControlCharactersMixin, forms.Form):
    """資料2, one field per question with the boxes the form prints for it."""

    phone = forms.CharField(label="電話番号", max_length=40, required=False)
    head_name = forms.CharField(label="所属長氏名", max_length=100, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for question in seed_forms.CHECKLIST_QUESTIONS:
            self.fields[f"q{question.number}"] = forms.ChoiceField(
                label=f"№{question.number} {question.text}", required=question.number == 1,
                choices=[(value, seed_forms.ANSWER_LABELS[value]) for value in question.answers],
                widget=forms.RadioSelect, help_text=question.note,
                error_messages={"required": "№1（個人情報を取り扱うか）に回答してください。"})

    def answers(self):
        return {str(question.number): self.cleaned_data[f"q{question.number}"]
                for question in seed_forms.CHECKLIST_QUESTIONS if self.cleaned_data.get(f"q{question.number}")}

    def clean(self):
        data = super().clean()
        if not self.errors:
            for problem in seed_forms.checklist_problems({int(k): v for k, v in self.answers().items()}):
                self.add_error(None, problem)
        return data


class SignForm(forms.Form):
    signed_on = forms.DateField(label="契約締結日", widget=DATE,
                                error_messages={"required": "契約締結日を入力してください。"})


class SubcontractForm(NoControlCharactersMixin, forms.ModelForm):
    class Meta:
        model = Subcontract
        fields = ["subcontractor", "work", "reason", "approved_on"]
        widgets = {"approved_on": DATE, "work": forms.Textarea(attrs={"rows": 2}),
                   "reason": forms.Textarea(attrs={"rows": 2})}


class ManagementReportForm(NoControlCharactersMixin, forms.ModelForm):
    class Meta:
        model = ManagementReport
        fields = ["reported_on", "received_on", "work_address", "storage_place", "has_handling_rules"]
        widgets = {"reported_on": DATE, "received_on": DATE,
                   "work_address": forms.Textarea(attrs={"rows": 2}), "storage_place": forms.Textarea(attrs={"rows": 2})}


class StaffForm(NoControlCharactersMixin, forms.ModelForm):
    class Meta:
        model = ManagementStaff
        fields = ["role", "department", "title", "name"]


StaffFormSet = inlineformset_factory(ManagementReport, ManagementStaff, form=StaffForm, extra=4, can_delete=False,
                                     min_num=1, validate_min=True)


class InspectionForm(VersionedFormMixin, NoControlCharactersMixin, forms.ModelForm):
    """The inspection with its ten items (資料6/7): 適/否 and remarks for each."""

    upload = forms.FileField(label="委託先の検査書（任意様式）", required=False,
                             help_text="委託先が作成した検査書で書面検査に代える場合に添付します。")

    class Meta:
        model = Inspection
        fields = ["kind", "fiscal_year", "inspected_on", "respondent", "inspector"]
        widgets = {"inspected_on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        results, remarks = self.instance.result_map(), {int(k): v for k, v in self.instance.remarks.items()}
        for item in seed_forms.INSPECTION_ITEMS:
            self.fields[f"item{item.number}"] = forms.ChoiceField(
                label=f"{item.number} {item.label}", choices=ItemResult.choices, widget=forms.RadioSelect,
                required=False, initial=results.get(item.number), help_text=item.text)
            self.fields[f"remark{item.number}"] = forms.CharField(
                label=f"{item.number} 備考", required=False, max_length=500, initial=remarks.get(item.number, ""))

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        return check_upload(upload, ATTACHMENT_EXTENSIONS) if upload else None

    def clean(self):
        data = super().clean()
        answered = [item.number for item in seed_forms.INSPECTION_ITEMS if data.get(f"item{item.number}")]
        if not answered and not data.get("upload") and not self.instance.attachment:
            self.add_error(None, "点検項目の適・否を記入するか、委託先の検査書を添付してください。")
        return data

    def results(self):
        return {str(item.number): self.cleaned_data[f"item{item.number}"] for item in seed_forms.INSPECTION_ITEMS
                if self.cleaned_data.get(f"item{item.number}")}

    def remarks(self):
        return {str(item.number): self.cleaned_data[f"remark{item.number}"] for item in seed_forms.INSPECTION_ITEMS
                if self.cleaned_data.get(f"remark{item.number}")}


class FollowUpForm(VersionedFormMixin, NoControlCharactersMixin, forms.ModelForm):
    """資料3 5(2): the result notified, an improvement report requested and received."""

    class Meta:
        model = Inspection
        fields = ["notified_on", "improvement_requested_on", "improvement_received_on", "improvement_summary"]
        widgets = {"notified_on": DATE, "improvement_requested_on": DATE, "improvement_received_on": DATE,
                   "improvement_summary": forms.Textarea(attrs={"rows": 2})}

    def clean(self):
        data = super().clean()
        if data.get("improvement_received_on") and not data.get("improvement_requested_on"):
            self.add_error("improvement_requested_on", "改善報告書を受領する前に提出依頼日を記録してください。")
        return data


class InspectionImportForm(forms.Form):
    file = forms.FileField(label="委託先が記入した検査書（.xlsx）")
    dry_run = forms.BooleanField(label="確認のみ（登録しない）", required=False)

    def clean_file(self):
        return check_upload(self.cleaned_data["file"], IMPORT_EXTENSIONS)


class IncidentLinkForm(forms.Form):
    incident = forms.ModelChoiceField(label="漏えい等事案", queryset=None)

    def __init__(self, *args, contract, user, **kwargs):
        super().__init__(*args, **kwargs)
        from hogo.incidents.models import Incident

        self.fields["incident"].queryset = scope_for_user(Incident.objects.all(), user).filter(
            division=contract.division).exclude(contract_links__contract=contract)


