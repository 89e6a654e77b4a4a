from django import forms
from django.utils import timezone

from hogo.core.concurrency import VersionedFormMixin
from hogo.core.forms import NoControlCharactersMixin
from hogo.core.models import Division
from hogo.disclosure.choices import (
    OUTCOMES_FOR_KIND, OUTCOMES_WITH_GROUNDS, Outcome, RequesterCapacity, RequestKind,
)
from hogo.disclosure.models import Appeal, DisclosureExecution, Request, ThirdParty, ground_label

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _not_in_future(value, what):
    if value and value > timezone.localdate():
        raise forms.ValidationError(f"{what}に未来の日付は指定できません。")
    return value


class RequestForm(VersionedFormMixin, NoControlCharactersMixin, forms.ModelForm):
    other_divisions = forms.ModelMultipleChoiceField(
        Division.objects.select_related("department__agency"), required=False, label="ほかの担当課",
        help_text="請求が複数の課にまたがる場合に選びます（選んだ課の職員もこの請求を見られます）。",
        widget=forms.SelectMultiple(attrs={"size": 6}))

    class Meta:
        model = Request
        fields = ["kind", "received_on", "division", "requester_name", "requester_address", "requester_contact",
                  "capacity", "representative_name", "subject", "identity_checked", "fee_yen", "note"]
        widgets = {"received_on": DATE, "subject": forms.Textarea(attrs={"rows": 3}),
                   "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["division"].queryset = Division.objects.select_related("department__agency")
        if not user.sees_all_divisions:
            # Division staff register requests for their own division; others may be added as co-handlers.
            allowed = {user.division_id, self.instance.division_id} if self.instance.pk else {user.division_id}
            self.fields["division"].queryset = Division.objects.filter(pk__in=allowed)
            self.fields["division"].initial = self.instance.division_id or user.division_id
        if self.instance.pk:
            self.fields["other_divisions"].initial = [
                d.pk for d in self.instance.divisions.all() if d.pk != self.instance.division_id]

    def clean_received_on(self):
        return _not_in_future(self.cleaned_data["received_on"], "受付日")

    def clean(self):
        data = super().clean()
        if data.get("capacity") in (RequesterCapacity.LEGAL, RequesterCapacity.DELEGATE) \
                and not data.get("representative_name"):
            self.add_error("representative_name", "代理人による請求の場合は代理人の氏名を入力してください。")
        return data


class PauseForm(NoControlCharactersMixin, forms.Form):
    requested_on = forms.DateField(label="補正を求めた日", widget=DATE)
    note = forms.CharField(label="補正の内容", max_length=300, required=False)

    def clean_requested_on(self):
        return _not_in_future(self.cleaned_data["requested_on"], "補正を求めた日")


class EndPauseForm(NoControlCharactersMixin, forms.Form):
    answered_on = forms.DateField(label="補正がされた日", widget=DATE)

    def clean_answered_on(self):
        return _not_in_future(self.cleaned_data["answered_on"], "補正がされた日")


class ExtensionForm(NoControlCharactersMixin, forms.Form):
    # No max_value here: the action refuses more than the limit with the provision's own message.
    days = forms.IntegerField(label="延長する日数", min_value=1)
    reason = forms.CharField(label="延長の理由", widget=forms.Textarea(attrs={"rows": 2}))
    notified_on = forms.DateField(label="延長を決定し請求者に通知した日", widget=DATE,
                                  help_text="当初の決定期限までに限ります（法第83条第2項等）。")


class SpecialExtensionForm(NoControlCharactersMixin, forms.Form):
    reason = forms.CharField(label="特例延長の理由", widget=forms.Textarea(attrs={"rows": 2}))
    notified_on = forms.DateField(label="請求者への通知日", widget=DATE, required=False)
    rest_by = forms.DateField(label="通知した期限（残りの部分・相当の期間）", widget=DATE)


class DecisionForm(NoControlCharactersMixin, forms.Form):
    division = forms.ModelChoiceField(Division.objects.none(), label="決定した課")
    outcome = forms.ChoiceField(label="決定の内容")
    decided_on = forms.DateField(label="決定日", widget=DATE)
    grounds = forms.TypedMultipleChoiceField(label="不開示事由（該当する号）", required=False, coerce=int,
                                             widget=forms.CheckboxSelectMultiple)
    reason = forms.CharField(label="理由の説明", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    documents = forms.CharField(label="対象文書・保有個人情報", widget=forms.Textarea(attrs={"rows": 2}),
                                required=False)
    notified_on = forms.DateField(label="通知日", widget=DATE, required=False)
    document_number = forms.CharField(label="文書番号", max_length=100, required=False)
    purpose = forms.CharField(
        label="開示する保有個人情報の利用目的（法第82条第1項）", widget=forms.Textarea(attrs={"rows": 2}), required=False,
        help_text="法第62条第2号又は第3号に当たり示さない場合はその旨を記入します。")
    methods_offered = forms.CharField(label="求めることができる開示の実施の方法", max_length=200, required=False,
                                      initial="閲覧、写しの交付、写しの送付")
    disclosure_dates = forms.CharField(label="開示の実施を行うことができる日", max_length=200, required=False,
                                       help_text="例：令和8年2月2日から令和8年3月13日までの開庁日")
    completes = forms.BooleanField(label="この決定で請求の処理を終える（ほかの課の決定を待たない）",
                                   required=False, initial=True)

    def __init__(self, *args, request_obj, user, grounds, **kwargs):
        super().__init__(*args, **kwargs)
        self.request_obj = request_obj
        divisions = request_obj.divisions.all()
        if not user.sees_all_divisions:
            divisions = divisions.filter(pk=user.division_id)
        self.fields["division"].queryset = divisions
        self.fields["division"].initial = user.division_id or request_obj.division_id
        self.fields["outcome"].choices = [(o.value, o.label) for o in OUTCOMES_FOR_KIND[request_obj.kind]]
        self.fields["grounds"].choices = [(number, ground_label(number, name)) for number, name in grounds.items()]

    def clean_decided_on(self):
        decided_on = _not_in_future(self.cleaned_data["decided_on"], "決定日")
        if decided_on < self.request_obj.received_on:
            raise forms.ValidationError("決定日が受付日より前です。")
        return decided_on

    def clean(self):
        data = super().clean()
        outcome, grounds = data.get("outcome"), data.get("grounds") or []
        if outcome in OUTCOMES_WITH_GROUNDS and not self.fields["grounds"].choices:
            self.add_error("grounds", "条例の非開示事由が設定されていません。管理画面の「請求の設定」で登録してください。")
        elif outcome in OUTCOMES_WITH_GROUNDS and not grounds:
            self.add_error("grounds", f"{Outcome(outcome).label}の決定では、根拠とした不開示事由の号を選んでください。")
        if outcome and outcome not in OUTCOMES_WITH_GROUNDS and grounds:
            self.add_error("grounds", f"{Outcome(outcome).label}の決定には不開示事由を付けません。")
        if data.get("notified_on") and data.get("decided_on") and data["notified_on"] < data["decided_on"]:
            self.add_error("notified_on", "通知日が決定日より前です。")
        if self.request_obj.kind == RequestKind.DISCLOSURE and outcome in (Outcome.FULL, Outcome.PARTIAL):
            # 法第82条第1項: the notice states the purpose and the options for carrying out the disclosure.
            if not data.get("purpose", "").strip():
                self.add_error("purpose", "開示決定では、開示する保有個人情報の利用目的を入力してください（法第82条第1項）。")
            if not data.get("methods_offered", "").strip():
                self.add_error("methods_offered", "求めることができる開示の実施の方法を入力してください（法第82条第1項、施行令）。")
        return data


class AppealForm(VersionedFormMixin, NoControlCharactersMixin, forms.ModelForm):
    class Meta:
        model = Appeal
        fields = ["received_on", "referred_on", "consultation_notified_on", "answered_on", "outcome", "decided_on",
                  "note"]
        widgets = {name: DATE for name in ("received_on", "referred_on", "consultation_notified_on", "answered_on",
                                           "decided_on")} | {"note": forms.Textarea(attrs={"rows": 2})}

    def clean(self):
        data = super().clean()
        if data.get("outcome") == "pending" and data.get("decided_on"):
            self.add_error("outcome", "裁決等の日を入力した場合は、審査中以外の処理状況を選んでください。")
        return data


class ThirdPartyForm(NoControlCharactersMixin, forms.ModelForm):
    class Meta:
        model = ThirdParty
        fields = ["name", "address", "mandatory", "information", "asked_on", "reply_by", "replied_on",
                  "objects_to_disclosure", "opinion", "notified_on"]
        widgets = {name: DATE for name in ("asked_on", "reply_by", "replied_on", "notified_on")} | {
            "information": forms.Textarea(attrs={"rows": 2}), "opinion": forms.Textarea(attrs={"rows": 2})}


class ExecutionForm(NoControlCharactersMixin, forms.ModelForm):
    fee_item = forms.ChoiceField(label="写しの種別", required=False)

    class Meta:
        model = DisclosureExecution
        fields = ["method", "applied_on", "scheduled_on", "place", "fee_item", "copies", "carried_out_on", "note"]
        widgets = {name: DATE for name in ("applied_on", "scheduled_on", "carried_out_on")} | {
            "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, fees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fee_item"].choices = [("", "（写しなし）")] + [
            (item, f"{item}（{yen}円）") for item, yen in fees]


class StatisticsForm(forms.Form):
    year = forms.IntegerField(label="年度（西暦の4月の年）", min_value=2000, max_value=2100)
    report = forms.ChoiceField(label="様式")
