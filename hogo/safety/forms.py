from django import forms
from django.forms import modelformset_factory

from hogo.core.concurrency import VersionedFormMixin
from hogo.core.forms import NoControlCharactersMixin
from hogo.core.models import Division, User
from hogo.core.uploads import upload_problem
from hogo.incidents.models import Incident
from hogo.registers.forms import DivisionScopedForm
from hogo.safety import rules
from hogo.safety.models import (
    Audit, AuditPlan, CheckItem, CorrectiveAction, Destination, DestinationCheck, Finding, PostAssignment, SelfCheck,
    SelfCheckAnswer, Send, TrainingSession,
)

EVIDENCE_SUFFIXES = (".pdf", ".docx", ".xlsx", ".jpg", ".jpeg", ".png", ".txt", ".csv")
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _dates(*names):
    return {name: DATE for name in names}


class PostAssignmentForm(VersionedFormMixin, NoControlCharactersMixin, forms.ModelForm):
    class Meta:
        model = PostAssignment
        fields = ["post", "user", "person_name", "job_title", "agency", "division", "starts_on", "ends_on"]
        widgets = _dates("starts_on", "ends_on")

    def clean(self):
        data = super().clean()
        if not data.get("user") and not data.get("person_name"):
            self.add_error("person_name", "利用者を選ぶか氏名を入力してください。")
        if data.get("post") and data.get("starts_on"):
            others = PostAssignment.objects.filter(post=data["post"], division=data.get("division"),
                                                   agency=data.get("agency")).exclude(pk=self.instance.pk)
            problem = rules.assignment_problem(data["post"], data["starts_on"], data.get("ends_on"),
                                               [(item.starts_on, item.ends_on) for item in others])
            if problem:
                self.add_error(None, problem)
        return data


class CheckItemForm(VersionedFormMixin, NoControlCharactersMixin, forms.ModelForm):
    class Meta:
        model = CheckItem
        fields = ["category", "text", "rule", "order", "active"]


class SelfCheckStartForm(NoControlCharactersMixin, forms.Form):
    division = forms.ModelChoiceField(Division.objects.all(), label="課")
    fiscal_year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if not user.sees_all_divisions:
            del self.fields["division"]


class SelfCheckForm(VersionedFormMixin, NoControlCharactersMixin, forms.ModelForm):
    class Meta:
        model = SelfCheck
        fields = ["remarks"]
        widgets = {"remarks": forms.Textarea(attrs={"rows": 2})}


class AnswerForm(NoControlCharactersMixin, forms.ModelForm):
    class Meta:
        model = SelfCheckAnswer
        fields = ["answer", "note", "evidence"]
        widgets = {"answer": forms.RadioSelect, "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answer"].choices = [choice for choice in self.fields["answer"].choices if choice[0]]

    def clean_evidence(self):
        upload = self.cleaned_data.get("evidence")
        if upload and hasattr(upload, "size") and "evidence" in self.changed_data:
            problem = upload_problem(upload, EVIDENCE_SUFFIXES)
            if problem:
                raise forms.ValidationError(problem)
        return upload


AnswerFormSet = modelformset_factory(SelfCheckAnswer, form=AnswerForm, extra=0, can_delete=False)


class AuditPlanForm(VersionedFormMixin, NoControlCharactersMixin, forms.ModelForm):
    class Meta:
        model = AuditPlan
        fields = ["fiscal_year", "title", "annex_label", "introduction", "viewpoint", "closing"]


class AuditForm(VersionedFormMixin, NoControlCharactersMixin, forms.ModelForm):
    class Meta:
        model = Audit
        fields = ["division", "kind", "auditor", "auditing_division", "planned_on", "conducted_on", "time_text",
                  "place", "selection_reason", "items", "method", "result"]
        widgets = {**_dates("planned_on", "conducted_on"), "place": forms.Textarea(attrs={"rows": 2}),
                   "items": forms.Textarea(attrs={"rows": 3}), "method": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, limited=False, **kwargs):
        super().__init__(*args, **kwargs)
        if limited:  # a mutual auditor records the audit but does not move it to another division
            del self.fields["division"], self.fields["auditing_division"]

    def clean(self):
        data = super().clean()
        if data.get("auditing_division") and data.get("auditing_division") == data.get("division"):
            self.add_error("auditing_division", "相互監査は監査対象課以外の課が行います。")
        return data


class FindingForm(NoControlCharactersMixin, forms.ModelForm):
    class Meta:
        model = Finding
        fields = ["category", "severity", "rule", "text", "incident"]

    def __init__(self, *args, division, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["incident"].queryset = Incident.objects.filter(division=division)


class CorrectiveActionForm(NoControlCharactersMixin, forms.ModelForm):
    class Meta:
        model = CorrectiveAction
        fields = ["text", "owner", "due_on"]
        widgets = {**_dates("due_on"), "text": forms.Textarea(attrs={"rows": 2})}


class CouncilNumberForm(forms.Form):
    number = forms.IntegerField(label="報告番号（空欄なら次の番号）", min_value=1, required=False)
    reported_on = forms.DateField(label="報告日", widget=DATE)


class TrainingSessionForm(VersionedFormMixin, NoControlCharactersMixin, forms.ModelForm):
    class Meta:
        model = TrainingSession
        fields = ["title", "held_on", "audience", "note"]
        widgets = _dates("held_on")


class AttendanceImportForm(forms.Form):
    file = forms.FileField(label="出席者名簿（.csv / .xlsx：列 氏名、所属課、任意で ユーザー名）")
    dry_run = forms.BooleanField(label="確認のみ（取り込まない）", required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        problem = upload_problem(upload, (".csv", ".xlsx"))
        if problem:
            raise forms.ValidationError(problem)
        return upload


class DestinationForm(DivisionScopedForm):
    class Meta:
        model = Destination
        fields = ["division", "channel", "name", "address", "speed_dial", "active", "created_on"]
        widgets = _dates("created_on")


class DestinationCheckForm(NoControlCharactersMixin, forms.ModelForm):
    class Meta:
        model = DestinationCheck
        fields = ["checked_on", "note"]
        widgets = {**_dates("checked_on"), "note": forms.Textarea(attrs={"rows": 2})}


class SendForm(NoControlCharactersMixin, forms.ModelForm):
    class Meta:
        model = Send
        fields = ["division", "sent_on", "channel", "destination", "recipient", "address", "content", "method",
                  "checker"]
        widgets = _dates("sent_on")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if user.sees_all_divisions:
            division = None
        else:
            del self.fields["division"]
            division = user.division
        destinations = Destination.objects.filter(active=True)
        checkers = User.objects.filter(is_active=True).exclude(pk=user.pk)
        if division is not None:
            destinations = destinations.filter(division=division)
            checkers = checkers.filter(division=division)
        self.fields["destination"].queryset = destinations
        self.fields["checker"].queryset = checkers
        self.fields["destination"].help_text = "登録済みの送付先から選ぶと、相手先と番号は登録内容で記録します。"
        for name in ("recipient", "address"):
            self.fields[name].required = False

    def clean(self):
        data = super().clean()
        destination = data.get("destination")
        if destination is not None:
            data["recipient"], data["address"] = destination.name, destination.address
            if data.get("channel") and destination.channel != data["channel"]:
                self.add_error("destination", "登録済みの送付先の送付手段が違います。")
        for name, label in (("recipient", "相手先"), ("address", "番号・アドレス・住所")):
            if not data.get(name):
                self.add_error(name, f"{label}を入力するか、登録済みの送付先を選んでください。")
        checker = data.get("checker")
        for problem in rules.send_problems(channel=data.get("channel"), method=data.get("method"),
                                           sender_id=self.user.pk, checker_id=checker.pk if checker else None):
            self.add_error(None, problem)
        return data

    def _post_clean(self):
        if "division" not in self.fields and self.instance.division_id is None:
            self.instance.division = self.user.division
        self.instance.sender = self.user
        if self.cleaned_data.get("destination"):
            self.instance.recipient = self.cleaned_data["recipient"]
            self.instance.address = self.cleaned_data["address"]
        super()._post_clean()


class MisdirectionForm(NoControlCharactersMixin, forms.Form):
    misdirected_on = forms.DateField(label="誤送付が判明した日", widget=DATE)
    misdirection = forms.CharField(label="誤送付の状況", widget=forms.Textarea(attrs={"rows": 3}),
                                   help_text="例：短縮ダイヤルに登録された番号が誤っており、Ｂ社に送信された。")


class LinkIncidentForm(forms.Form):
    incident = forms.ModelChoiceField(Incident.objects.none(), label="登録した漏えい等事案")

    def __init__(self, *args, division, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["incident"].queryset = Incident.objects.filter(division=division)
