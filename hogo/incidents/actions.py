"""Every write to an incident: one transaction each, with its audit row.

The Rule 43 decision is recomputed inside the same transaction whenever the
facts change; when the answer flips, the timeline says so.
"""

from django.db import transaction
from django.utils import timezone

from hogo.audit import log
from hogo.audit.choices import AuditAction
from hogo.core.actions import do_allocate_council_report
from hogo.core.concurrency import claim_version
from hogo.core.models import Municipality
from hogo.incidents import rules
from hogo.incidents.choices import ReportKind, TimelineKind
from hogo.incidents.models import Incident, PpcReport, PreventionMeasure, TimelineEntry


class IncidentError(Exception):
    """A write refused for a reason the user can fix; the message is Japanese and shown as is."""


def _items_snapshot(incident):
    return "、".join(f"{item.name}（{item.get_sensitivity_display()}）" for item in incident.items.all())


def refresh_decision(incident, *, today=None, record_change=True):
    """Recompute the Rule 43 decision; record a timeline entry when it changes. Returns the Decision.

    ``record_change=False`` for a new record: its first decision is not a change.
    """
    decision = rules.decide_ppc_report(incident.facts(Municipality.current()))
    items = ",".join(str(item) for item in decision.items)
    if (decision.required, items) == (incident.ppc_required, incident.ppc_items):
        return decision
    was_required = incident.ppc_required
    incident.ppc_required, incident.ppc_items = decision.required, items
    incident.save(update_fields=["ppc_required", "ppc_items"])
    if not record_change:
        return decision
    if decision.required and not was_required:
        text = f"事実の変更により、個人情報保護委員会への報告が必要となりました（規則第43条{decision.items_label}）。"
    elif was_required and not decision.required:
        text = "事実の変更により、個人情報保護委員会への報告は不要と判定されました。"
    else:
        text = f"事実の変更により、該当する規則第43条の号が{decision.items_label}に変わりました。"
    text += f"（本人の数：{incident.count_display()}）"
    TimelineEntry.objects.create(incident=incident, on=today or timezone.localdate(),
                                 text=text, kind=TimelineKind.DECISION)
    return decision


def do_create_incident(request, form, items_formset):
    """Save a new incident with its items, decide on the PPC report and audit it."""
    with transaction.atomic():
        incident = form.save(commit=False)
        incident.created_by = request.user
        incident.save()
        form.save_m2m()
        items_formset.instance = incident
        items_formset.save()
        refresh_decision(incident, record_change=False)
        log.record(request, AuditAction.CREATE, incident,
                   changes={"項目": ["", _items_snapshot(incident)]})
    return incident


def _item_label(item):
    return f"{item.name}（{item.get_sensitivity_display()}）"


def _item_changes(items_formset):
    """Which items the formset added, changed and deleted, for the audit row (item names, never values)."""
    changes = {}
    added = "、".join(_item_label(item) for item in items_formset.new_objects)
    deleted = "、".join(_item_label(item) for item in items_formset.deleted_objects)
    changed = "、".join(_item_label(item) for item, _ in items_formset.changed_objects)
    if added:
        changes["項目の追加"] = ["", added]
    if changed:
        changes["項目の変更"] = ["", changed]
    if deleted:
        changes["項目の削除"] = [deleted, ""]
    return changes


def _concrete(names):
    return [name for name in names if not Incident._meta.get_field(name).many_to_many]


def do_update_incident(request, incident, form, items_formset):
    """Save changed facts and items; the decision follows them.

    EditConflict if someone saved the incident after this user loaded the form.
    """
    with transaction.atomic():
        claim_version(incident, form.cleaned_data["version"])
        before = log.snapshot(Incident.objects.get(pk=incident.pk))
        items_before = _items_snapshot(incident)
        incident = form.save(commit=False)
        # Only the form's fields: the decision, reports and council number have their own actions.
        incident.save(update_fields=[*_concrete(form._meta.fields), "version", "updated_at"])
        form.save_m2m()
        items_formset.save()
        # The view fetched the incident with its items prefetched: that cache still
        # holds the items as they were, and the decision must read the saved ones.
        incident.refresh_from_db()
        refresh_decision(incident)
        changes = log.changed_fields(before, log.snapshot(incident))
        changes.pop("updated_at", None)
        items_after = _items_snapshot(incident)
        if items_after != items_before:
            changes["項目"] = [items_before, items_after]
            changes.update(_item_changes(items_formset))
        log.record(request, AuditAction.UPDATE, incident, changes=changes)
    return incident


def do_add_timeline_entry(request, incident, *, on, at, text):
    with transaction.atomic():
        entry = TimelineEntry.objects.create(incident=incident, on=on, at=at, text=text)
        log.record(request, AuditAction.UPDATE, incident, note="事案の経過を追加",
                   changes={"事案の経過": ["", f"{on:%Y-%m-%d} {text[:100]}"]})
    return entry


def check_report(incident, kind, sent_on):
    """Refuse a PPC report that cannot be right; raises IncidentError with the reason."""
    if sent_on < incident.learned_on:
        raise IncidentError(f"報告日（{sent_on:%Y年%m月%d日}）が覚知日（{incident.learned_on:%Y年%m月%d日}）より前です。")
    existing = incident.reports_by_kind()
    if kind in existing or ReportKind.COMBINED in existing or (
            kind == ReportKind.COMBINED and existing):
        raise IncidentError("この事案の速報・確報はすでに記録されています。訂正する場合は記録を取り消してから登録してください。")
    if kind == ReportKind.FINAL:
        preliminary = existing.get(ReportKind.PRELIMINARY)
        if preliminary is None:
            raise IncidentError("速報を記録する前に確報は記録できません。"
                                "速報と確報を同時に行った場合は「速報兼確報」を選んでください。")
        if sent_on < preliminary.sent_on:
            raise IncidentError(f"確報の報告日が速報の報告日（{preliminary.sent_on:%Y年%m月%d日}）より前です。")


def do_record_report(request, incident, *, kind, sent_on, note=""):
    """Record a report sent to the PPC; it closes the matching deadline."""
    with transaction.atomic():
        incident = Incident.objects.select_for_update().get(pk=incident.pk)
        check_report(incident, kind, sent_on)
        report = PpcReport.objects.create(incident=incident, kind=kind, sent_on=sent_on, note=note)
        log.record(request, AuditAction.CREATE, report, note=f"{incident.title}：{report}")
    return report


def do_delete_report(request, report):
    with transaction.atomic():
        Incident.objects.select_for_update().get(pk=report.incident_id)  # no report recorded meanwhile
        if report.kind == ReportKind.PRELIMINARY and report.incident.reports.filter(kind=ReportKind.FINAL).exists():
            raise IncidentError("確報が記録されているため、速報の記録は取り消せません。先に確報を取り消してください。")
        log.record(request, AuditAction.DELETE, report, note=f"{report.incident.title}：{report}")
        report.delete()


def do_add_measure(request, incident, *, text, owner="", due_on=None):
    with transaction.atomic():
        incident = Incident.objects.select_for_update().get(pk=incident.pk)  # two measures never share a number
        order = incident.measures.count() + 1
        measure = PreventionMeasure.objects.create(incident=incident, text=text, owner=owner,
                                                   due_on=due_on, order=order)
        log.record(request, AuditAction.CREATE, measure, note=f"{incident.title}：再発防止策を追加")
    return measure


def do_set_measure_done(request, measure, *, done, done_on=None):
    with transaction.atomic():
        measure = PreventionMeasure.objects.select_for_update().get(pk=measure.pk)
        before = log.snapshot(measure)
        measure.done = done
        measure.done_on = (done_on or timezone.localdate()) if done else None
        measure.save(update_fields=["done", "done_on"])
        log.record(request, AuditAction.UPDATE, measure, changes=log.changed_fields(before, log.snapshot(measure)))
    return measure


def do_allocate_incident_council_report(request, incident, *, reported_on, basis, number=None, user=None):
    """Give the incident its 報告第N号 from the council-wide sequence.

    Checked under the incident's row lock: a double click finds the first
    click's number instead of using up a second one.
    """
    with transaction.atomic():
        existing = Incident.objects.select_for_update().get(pk=incident.pk).council_report
        if existing is not None:
            raise IncidentError(f"この事案にはすでに報告第{existing.number}号が付いています。")
        title = f"{incident.title}について"
        report = do_allocate_council_report(request, title=title, reported_on=reported_on,
                                            record=incident, number=number, user=user)
        incident.council_report = report
        incident.council_basis = basis
        incident.save(update_fields=["council_report", "council_basis"])
        log.record(request, AuditAction.UPDATE, incident, user=user,
                   changes={"council_report": ["", str(report)]})
    return report
