from django import forms

from hogo.core.concurrency import VersionedFormMixin
from hogo.core.forms import NoControlCharactersMixin
from hogo.core.models import Division
from hogo.registers.checklists import checklist_for
from hogo.registers.choices import CheckAnswer, Criterion, LegalBasis, ReportKind
from hogo.registers.importing import SPECS
from hogo.registers.models import PersonalInfoFile, ProcessingActivity, Review, UseProvisionRecord
from hogo.registers.stats import allowed_bases

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 3})

_CRITERION_FIELDS = {
    Criterion.OUTSOURCING: ["contractor", "contract_starts_on", "contract_ends_on"],
    Criterion.INTERNAL_USE: ["using_division", "legal_basis"],
    Criterion.PROVISION: ["recipient", "legal_basis"],
}
_ONLINE = (Criterion.ONLINE_LINK, Criterion.SYSTEM, Criterion.ONLINE_LINK_SYSTEM)
# The seeds' column heading for the content of each criterion.
_CONTENT_LABELS = {Criterion.OUTSOURCING: "委託の内容", Criterion.INTERNAL_USE: "利用目的",
                   Criterion.PROVISION: "提供先での利用目的"}


class DivisionScopedForm(VersionedFormMixin, NoControlCharactersMixin, forms.ModelForm):
    """Division staff file records for their own division; the privacy office picks one."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not user.sees_all_divisions:
            del self.fields["division"]
        else:
            self.fields["division"].queryset = Division.objects.select_related("department__agency")

    def _post_clean(self):
        if "division" not in self.fields and self.instance.division_id is None:
            self.instance.division = self.user.division
        super()._post_clean()


class ReviewForm(DivisionScopedForm):
    """A review under one criterion: its columns, the checklist of the criterion and the decision."""

    class Meta:
        model = Review
        fields = ["criterion", "number", "division", "using_division", "recipient", "content", "legal_basis",
                  "sensitive", "ordinance_sensitive", "ordinance_sensitive_contents", "contractor",
                  "contract_starts_on", "contract_ends_on", "starts_on", "ends_on", "activity",
                  "decision", "conditions", "reviewer", "decided_on"]
        widgets = {"content": TEXT, "ordinance_sensitive_contents": forms.Textarea(attrs={"rows": 2}),
                   "conditions": forms.Textarea(attrs={"rows": 2}), "decided_on": DATE, "starts_on": DATE,
                   "ends_on": DATE, "contract_starts_on": DATE, "contract_ends_on": DATE}

    def __init__(self, *args, criterion, **kwargs):
        super().__init__(*args, **kwargs)
        self.criterion = criterion
        group_fields = _CRITERION_FIELDS.get(criterion, [])
        for name in ("using_division", "recipient", "legal_basis", "contractor", "contract_starts_on",
                     "contract_ends_on"):
            if name not in group_fields:
                del self.fields[name]
        self.fields["content"].label = _CONTENT_LABELS.get(criterion, "オンライン結合・システム導入の内容")
        self.fields["content"].help_text = ""
        if criterion in _ONLINE:
            self.fields["criterion"].choices = [(c.value, c.label) for c in _ONLINE]
        else:
            del self.fields["criterion"]
            self.instance.criterion = criterion
        if "legal_basis" in self.fields:
            self.fields["legal_basis"].choices = [("", "---------")] + [
                (c.value, c.label) for c in LegalBasis if c.value in allowed_bases(criterion)]
        if "using_division" in self.fields:
            self.fields["using_division"].queryset = Division.objects.select_related("department__agency")
        activities = ProcessingActivity.objects.filter(abolished_on__isnull=True)
        if not self.user.sees_all_divisions:
            activities = activities.filter(division=self.user.division)
        self.fields["activity"].queryset = activities
        if not self.instance.pk and not self.initial.get("reviewer"):
            self.initial["reviewer"] = str(self.user)
        answers = self.instance.checklist or {}
        for key, question in checklist_for(criterion):
            self.fields[f"check_{key}"] = forms.ChoiceField(
                label=question, choices=CheckAnswer.choices, required=False, widget=forms.RadioSelect,
                initial=answers.get(key))

    def checklist_fields(self):
        return [self[name] for name in self.fields if name.startswith("check_")]

    def main_fields(self):
        return [self[name] for name in self.fields if not name.startswith("check_") and not self[name].is_hidden]

    def clean(self):
        data = super().clean()
        answers = {key: data.get(f"check_{key}") for key, _ in checklist_for(self.criterion)}
        if data.get("decision") and not all(answers.values()):
            self.add_error(None, "審査結果を記録するには、審査項目をすべて確認してください。")
        self.instance.checklist = {key: value for key, value in answers.items() if value}
        return data


class FileForm(DivisionScopedForm):
    class Meta:
        model = PersonalInfoFile
        fields = ["name", "division", "purpose", "record_items", "record_scope", "collection_method",
                  "has_sensitive", "has_ordinance_sensitive", "regular_recipients", "request_office", "special_provisions", "individuals",
                  "excluded_from_publication", "exclusion_reason", "registered_on", "abolished_on"]
        widgets = {name: TEXT for name in ("purpose", "record_items", "record_scope", "collection_method",
                                           "regular_recipients", "special_provisions", "exclusion_reason")}
        widgets.update(registered_on=DATE, abolished_on=DATE)


class ActivityForm(DivisionScopedForm):
    class Meta:
        model = ProcessingActivity
        fields = ["name", "division", "purpose", "subjects", "record_items", "sources", "has_sensitive",
                  "has_ordinance_sensitive", "outsourced", "provided", "online_linked", "files",
                  "registered_on", "abolished_on"]
        widgets = {name: TEXT for name in ("purpose", "subjects", "record_items", "sources")}
        widgets.update(registered_on=DATE, abolished_on=DATE, files=forms.CheckboxSelectMultiple)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        files = PersonalInfoFile.objects.filter(abolished_on__isnull=True)
        if not self.user.sees_all_divisions:
            files = files.filter(division=self.user.division)
        self.fields["files"].queryset = files


class UseRecordForm(DivisionScopedForm):
    class Meta:
        model = UseProvisionRecord
        fields = ["kind", "division", "occurred_on", "legal_basis", "counterpart", "purpose", "items", "review"]
        widgets = {"occurred_on": DATE, "purpose": TEXT, "items": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        reviews = Review.objects.filter(criterion__in=[Criterion.INTERNAL_USE, Criterion.PROVISION])
        if not self.user.sees_all_divisions:
            reviews = reviews.filter(division=self.user.division)
        self.fields["review"].queryset = reviews


class ImportForm(forms.Form):
    register = forms.ChoiceField(label="取り込む登録簿", choices=[(key, spec.label) for key, spec in SPECS.items()])
    criterion = forms.ChoiceField(
        label="審査基準（ファイルに「審査基準」列がないとき）", required=False,
        choices=[("", "（ファイルの列による）")] + list(Criterion.choices),
        help_text="区の一覧のように審査基準ごとのファイルを取り込むときに選びます。")
    file = forms.FileField(label="ファイル（.xlsx または .csv）")
    apply = forms.BooleanField(label="確認後、取り込む（チェックしないと確認のみ）", required=False)

    MAX_BYTES = 10 * 1024 * 1024

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError("ファイルが大きすぎます（上限 10MB）。")
        return upload


class ReviewReportForm(forms.Form):
    kind = forms.ChoiceField(label="報告の形式", choices=[
        (ReportKind.REVIEWS_AS_OF, "基準日時点で実施している業務（報告第359号の形式）"),
        (ReportKind.REVIEWS_PERIOD, "期間内に審査した業務（報告第362号の形式）")], widget=forms.RadioSelect)
    date_from = forms.DateField(label="期間（始期）", required=False, widget=DATE)
    date_to = forms.DateField(label="基準日・期間（終期）", widget=DATE)

    def clean(self):
        data = super().clean()
        if data.get("kind") == ReportKind.REVIEWS_PERIOD:
            if not data.get("date_from"):
                self.add_error("date_from", "期間の始期を入力してください。")
            elif data.get("date_to") and data["date_from"] > data["date_to"]:
                self.add_error("date_from", "始期は終期より前の日付にしてください。")
        return data


class RegisterReportForm(forms.Form):
    fiscal_year = forms.IntegerField(label="年度（西暦。前年度末と当年度末を比べます）", min_value=2000,
                                     max_value=2100)


class IssueForm(NoControlCharactersMixin, forms.Form):
    reported_on = forms.DateField(label="報告日", widget=DATE)
