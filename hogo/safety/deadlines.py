"""The safety app's deadlines on the dashboard: findings waiting for a corrective action, corrective
actions, the year's self-check, the fax / address list verification and training not attended."""

from django.urls import reverse

from hogo.core.deadlines import Deadline
from hogo.core.models import Division
from hogo.lib.municipal_calendar import fiscal_year
from hogo.safety import rules, training
from hogo.safety.access import scope
from hogo.safety.models import CorrectiveAction, Destination, DestinationCheck, Finding, SelfCheck
from hogo.safety.choices import SelfCheckStatus

SOON_DAYS = 30


def safety_deadlines(user, today):
    items = []
    findings = (scope(Finding.objects.filter(closed_on__isnull=True, actions__isnull=True), user)
                .select_related("division"))
    for finding in findings:
        items.append(Deadline(rules.corrective_action_due_on(finding.created_at.date()), str(finding),
                              "指摘事項への改善措置の登録", finding.get_absolute_url(), finding.division.full_name,
                              f"{finding.get_source_display()}の指摘事項（{finding.get_severity_display()}）"))
    actions = (scope(CorrectiveAction.objects.filter(done_on__isnull=True), user, "finding__division")
               .select_related("finding__division"))
    for action in actions:
        items.append(Deadline(action.due_on, str(action.finding), "改善措置", action.finding.get_absolute_url(),
                              action.finding.division.full_name, f"{action.text[:60]}（担当：{action.owner}）"))
    divisions = scope(Division.objects.all(), user, "pk")
    year = fiscal_year(today)
    submitted = set(SelfCheck.objects.filter(fiscal_year=year, status=SelfCheckStatus.SUBMITTED)
                    .values_list("division_id", flat=True))
    started = set(SelfCheck.objects.filter(fiscal_year=year).values_list("division_id", flat=True))
    for division in divisions.filter(pk__in=started - submitted):
        items.append(Deadline(rules.self_check_due_on(year), f"{year}年度 点検", "点検の提出",
                              reverse("safety:self_checks"), division.full_name))
    listed = Destination.objects.filter(active=True).values_list("division_id", flat=True)
    for division in divisions.filter(pk__in=listed):
        last = DestinationCheck.objects.filter(division=division).order_by("-checked_on").first()
        first = Destination.objects.filter(division=division).order_by("created_on").first()
        due = rules.verification_due_on(last.checked_on if last else None, first.created_on)
        if (due - today).days <= SOON_DAYS:
            items.append(Deadline(due, "送付先（短縮ダイヤル等）の点検", "送付先の定期点検",
                                  reverse("safety:destinations"), division.full_name,
                                  f"前回の点検：{last.checked_on:%Y年%m月%d日}" if last else "点検の記録がありません"))
    # Training is shown on the person's own division's dashboard (the status page has every division).
    for person in training.people_status(Division.objects.filter(pk=user.division_id), today):
        if (person.due_on - today).days <= SOON_DAYS:
            items.append(Deadline(person.due_on, person.name, "個人情報保護研修の受講", training.status_url(),
                                  person.division.full_name,
                                  f"前回の受講：{person.last_attended:%Y年%m月%d日}" if person.last_attended
                                  else "受講の記録がありません"))
    return items
