"""Filing and changing incidents through the views: access, validation, decision, reports, audit."""

from datetime import date

import pytest
from django.urls import reverse

from hogo.audit.models import AuditEntry
from hogo.core.deadlines import deadlines_for
from hogo.core.models import CouncilReport
from hogo.incidents.choices import Notification, ReportKind, Sensitivity, TimelineKind
from hogo.incidents.models import Incident, PersonalInfoItem, PpcReport, PreventionMeasure

LEARNED = date(2025, 2, 17)


def form_data(**overrides):
    data = {
        "title": "申請書の誤送付", "kind": "leak", "learned_on": "2025-02-17", "occurred_on": "2025-02-14",
        "summary": "申請書を別の申請者に送付した。", "individuals": "1",
        "notification": Notification.PENDING, "held_status": "held",
        "items-TOTAL_FORMS": "3", "items-INITIAL_FORMS": "0", "items-MIN_NUM_FORMS": "0", "items-MAX_NUM_FORMS": "1000",
        "items-0-name": "氏名", "items-0-sensitivity": Sensitivity.ORDINARY, "items-0-category": "",
        "items-1-name": "病名", "items-1-sensitivity": Sensitivity.SENSITIVE, "items-1-category": "病歴",
        "items-2-name": "", "items-2-sensitivity": Sensitivity.ORDINARY, "items-2-category": "",
    }
    data.update(overrides)
    return data


def edit_data(incident, **overrides):
    """The edit form as the browser would post it back, with the existing items."""
    items = list(incident.items.all())
    data = form_data(division=str(incident.division_id), version=str(incident.version), **{
        "items-TOTAL_FORMS": str(len(items)), "items-INITIAL_FORMS": str(len(items)),
        "items-0-name": "", "items-1-name": "",
    })
    for index, item in enumerate(items):
        data.update({f"items-{index}-id": str(item.pk), f"items-{index}-incident": str(incident.pk),
                     f"items-{index}-name": item.name, f"items-{index}-sensitivity": item.sensitivity,
                     f"items-{index}-category": item.category})
    data.update(overrides)
    return data


@pytest.fixture
def incident(organisation, staff):
    incident = Incident.objects.create(title="名簿の紛失", division=organisation["own"], learned_on=LEARNED,
                                       summary="名簿を紛失した。", individuals=90)
    PersonalInfoItem.objects.create(incident=incident, name="氏名", order=1)
    return incident


def test_it_files_an_incident_and_decides_on_the_ppc_report(client, staff, organisation):
    client.force_login(staff)
    response = client.post(reverse("incidents:create"), form_data(division=organisation["own"].pk))
    incident = Incident.objects.get()
    assert response.status_code == 302 and response["Location"] == incident.get_absolute_url()
    assert incident.division == organisation["own"]
    assert incident.created_by == staff
    assert [item.name for item in incident.items.all()] == ["氏名", "病名"]
    assert (incident.ppc_required, incident.ppc_items) == (True, "1")
    assert not incident.timeline.exists()          # the first decision is not a "change"
    entry = AuditEntry.objects.get(action="create", record_type="incidents.Incident")
    assert entry.record_id == str(incident.pk) and entry.division == organisation["own"]
    assert "病名（要配慮個人情報）" in entry.changes["項目"][1]

    page = client.get(incident.get_absolute_url()).content.decode()
    assert "報告が必要" in page and "規則第43条第1号" in page
    assert "2025年3月18日" in page          # 確報期限: day 30 counting 2/17 as day 1
    assert "2025年2月22日" in page          # 速報の目安


def test_it_keeps_division_staff_to_their_own_division(client, staff, organisation):
    client.force_login(staff)
    response = client.post(reverse("incidents:create"), form_data(division=organisation["other"].pk))
    assert response.status_code == 200
    assert "正しく選択してください" in response.content.decode()
    assert not Incident.objects.exists()


@pytest.mark.parametrize("overrides, message", [
    ({"learned_on": "2025-02-10"}, "覚知日（2025年2月10日）が発生日（2025年2月14日）より前になっています。"),
    ({"individuals": "-3"}, "本人の数は0以上の数で入力してください。"),
    ({"learned_on": ""}, "覚知日（漏えい等を知った日）を入力してください。"),
    ({"notification": Notification.DONE}, "通知済みの場合は通知日を入力してください。"),
    ({"notification": Notification.SUBSTITUTE}, "本人に通知しない理由（代替措置の場合はその内容）を入力してください。"),
    ({"items-1-category": ""}, "要配慮個人情報の場合は、法第2条第3項の類型を選んでください。"),
    ({"items-0-category": "病歴"}, "類型を選んだ項目は「要配慮個人情報」又は「条例要配慮個人情報」にしてください。"),
])
def test_it_refuses_impossible_facts_with_a_clear_message(client, staff, organisation, overrides, message):
    client.force_login(staff)
    response = client.post(reverse("incidents:create"), form_data(division=organisation["own"].pk, **overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Incident.objects.exists() and not PersonalInfoItem.objects.exists()


def test_it_flips_the_decision_when_the_count_is_revised_from_90_to_120(client, staff, incident):
    client.force_login(staff)
    assert incident.ppc_required is False
    response = client.post(reverse("incidents:edit", args=[incident.pk]), edit_data(incident, individuals="120"))
    assert response.status_code == 302
    incident.refresh_from_db()
    assert (incident.individuals, incident.ppc_required, incident.ppc_items) == (120, True, "4")
    entry = incident.timeline.get(kind=TimelineKind.DECISION)
    assert "報告が必要となりました（規則第43条第4号）" in entry.text and "120件" in entry.text
    audit = AuditEntry.objects.get(action="update", record_id=str(incident.pk))
    assert audit.changes["individuals"] == ["90", "120"]
    assert "報告が必要" in client.get(incident.get_absolute_url()).content.decode()

    client.post(reverse("incidents:edit", args=[incident.pk]), edit_data(incident, individuals="100"))
    incident.refresh_from_db()
    assert incident.ppc_required is False
    assert incident.timeline.filter(kind=TimelineKind.DECISION).count() == 2


def test_it_decides_again_when_a_sensitive_item_is_added_to_an_existing_incident(client, staff, incident):
    # Rule 43(1): a leak of 要配慮個人情報 is reportable whatever the number of persons.
    client.force_login(staff)
    data = edit_data(incident, **{
        "items-TOTAL_FORMS": "2", "items-1-name": "病名", "items-1-sensitivity": Sensitivity.SENSITIVE,
        "items-1-category": "病歴"})
    response = client.post(reverse("incidents:edit", args=[incident.pk]), data)
    assert response.status_code == 302
    incident.refresh_from_db()
    assert (incident.ppc_required, incident.ppc_items) == (True, "1")
    listed = client.get(reverse("incidents:list"), {"ppc": "1"}).content.decode()
    assert incident.title in listed and "要報告" in listed
    assert "個人情報保護委員会 確報" in [item.kind for item in deadlines_for(staff, LEARNED)]
    audit = AuditEntry.objects.get(action="update", record_id=str(incident.pk))
    assert audit.changes["項目の追加"] == ["", "病名（要配慮個人情報）"]
    assert audit.changes["ppc_required"] == ["False", "True"]
    assert "updated_at" not in audit.changes


def test_it_audits_an_item_deleted_from_an_incident(client, staff, incident):
    PersonalInfoItem.objects.create(incident=incident, name="病名", order=2, sensitivity=Sensitivity.SENSITIVE,
                                    category="病歴")
    incident.refresh_from_db()
    client.force_login(staff)
    client.post(reverse("incidents:edit", args=[incident.pk]), edit_data(incident, **{"items-1-DELETE": "on"}))
    incident.refresh_from_db()
    assert list(incident.items.values_list("name", flat=True)) == ["氏名"]
    audit = AuditEntry.objects.get(action="update", record_id=str(incident.pk))
    assert audit.changes["項目の削除"] == ["病名（要配慮個人情報）", ""]


def test_it_records_reports_and_closes_their_deadlines(client, staff, incident):
    client.force_login(staff)
    incident.individuals = 150
    incident.save()
    from hogo.incidents.actions import refresh_decision
    refresh_decision(incident)
    kinds = [item.kind for item in deadlines_for(staff, date(2025, 2, 18))]
    assert kinds == ["個人情報保護委員会 速報（目安）", "個人情報保護委員会 確報"]
    overdue = [item for item in deadlines_for(staff, date(2025, 3, 19)) if item.is_overdue(date(2025, 3, 19))]
    assert len(overdue) == 2

    url = reverse("incidents:report_add", args=[incident.pk])
    response = client.post(url, {"kind": ReportKind.FINAL, "sent_on": "2025-02-20"})
    assert response.status_code == 400
    assert "速報を記録する前に確報は記録できません" in response.content.decode()
    response = client.post(url, {"kind": ReportKind.PRELIMINARY, "sent_on": "2025-02-16"})
    assert "報告日（2025年02月16日）が覚知日（2025年02月17日）より前です。" in response.content.decode()
    assert not PpcReport.objects.exists()

    assert client.post(url, {"kind": ReportKind.PRELIMINARY, "sent_on": "2025-02-20"}).status_code == 302
    assert [item.kind for item in deadlines_for(staff, date(2025, 2, 18))] == ["個人情報保護委員会 確報"]
    response = client.post(url, {"kind": ReportKind.FINAL, "sent_on": "2025-02-19"})
    assert "確報の報告日が速報の報告日（2025年02月20日）より前です。" in response.content.decode()
    assert client.post(url, {"kind": ReportKind.FINAL, "sent_on": "2025-03-10"}).status_code == 302
    assert deadlines_for(staff, date(2025, 2, 18)) == []
    assert list(incident.reports.values_list("kind", flat=True)) == [ReportKind.PRELIMINARY, ReportKind.FINAL]
    assert AuditEntry.objects.filter(action="create", record_type="incidents.PpcReport").count() == 2

    # learning of it later than a recorded report is refused too
    response = client.post(reverse("incidents:edit", args=[incident.pk]),
                           edit_data(incident, learned_on="2025-02-25", individuals="150"))
    assert "より後の日を覚知日にはできません" in response.content.decode()
    incident.refresh_from_db()
    assert incident.learned_on == LEARNED


def test_it_tracks_prevention_measures_on_the_dashboard(client, staff, incident):
    client.force_login(staff)
    client.post(reverse("incidents:measure_add", args=[incident.pk]),
                {"text": "名簿を施錠保管する", "owner": "係長", "due_on": "2025-04-30"})
    measure = PreventionMeasure.objects.get()
    assert [item.kind for item in deadlines_for(staff, date(2025, 4, 1))] == ["再発防止策"]
    client.post(reverse("incidents:measure_done", args=[measure.pk]), {"done": "1"})
    measure.refresh_from_db()
    assert measure.done and measure.done_on
    assert deadlines_for(staff, date(2025, 4, 1)) == []
    assert AuditEntry.objects.filter(record_type="incidents.PreventionMeasure", action="update").exists()


def test_it_adds_timeline_entries(client, staff, incident):
    client.force_login(staff)
    response = client.post(reverse("incidents:timeline_add", args=[incident.pk]), {"on": "", "text": ""})
    assert response.status_code == 400 and "日付を入力してください。" in response.content.decode()
    client.post(reverse("incidents:timeline_add", args=[incident.pk]),
                {"on": "2025-02-17", "at": "09:30", "text": "指摘を受けた。"})
    entry = incident.timeline.get()
    assert (entry.on, entry.at.hour, entry.kind) == (LEARNED, 9, TimelineKind.EVENT)


WRITE_URLS = [
    ("incidents:edit", "incident"), ("incidents:timeline_add", "incident"), ("incidents:report_add", "incident"),
    ("incidents:measure_add", "incident"), ("incidents:council_allocate", "incident"),
]


@pytest.mark.parametrize("name, _", WRITE_URLS)
def test_it_refuses_council_viewers_and_hides_other_divisions(client, council, other_staff, incident, name, _):
    url = reverse(name, args=[incident.pk])
    client.force_login(council)
    assert client.post(url, {}).status_code == 403
    client.force_login(other_staff)
    assert client.post(url, {}).status_code == 404
    assert AuditEntry.objects.filter(action="denied").count() == 2
    assert not incident.timeline.exists() and not incident.reports.exists()


def test_it_refuses_council_viewers_to_file_incidents(client, council):
    client.force_login(council)
    assert client.get(reverse("incidents:create")).status_code == 403
    assert client.post(reverse("incidents:create"), form_data()).status_code == 403


@pytest.mark.parametrize("name", ["incidents:timeline_add", "incidents:report_add", "incidents:measure_add",
                                  "incidents:council_allocate"])
def test_it_refuses_get_on_post_only_views(client, staff, incident, name):
    client.force_login(staff)
    assert client.get(reverse(name, args=[incident.pk])).status_code == 405


def test_it_refuses_get_on_child_post_only_views(client, staff, incident):
    client.force_login(staff)
    measure = PreventionMeasure.objects.create(incident=incident, text="x")
    report = PpcReport.objects.create(incident=incident, kind=ReportKind.PRELIMINARY, sent_on=LEARNED)
    assert client.get(reverse("incidents:measure_done", args=[measure.pk])).status_code == 405
    assert client.get(reverse("incidents:report_delete", args=[report.pk])).status_code == 405


def test_it_hides_other_divisions_records_in_lists_and_details(client, other_staff, incident):
    client.force_login(other_staff)
    assert "名簿の紛失" not in client.get(reverse("incidents:list")).content.decode()
    assert client.get(incident.get_absolute_url()).status_code == 404
    assert client.get(reverse("incidents:council_report", args=[incident.pk]) + "?format=docx").status_code == 404


def test_it_lets_only_the_privacy_office_allocate_council_numbers(client, staff, privacy, incident):
    client.force_login(staff)
    url = reverse("incidents:council_allocate", args=[incident.pk])
    assert client.post(url, {"reported_on": "2025-07-11", "basis": "x"}).status_code == 403
    client.force_login(privacy)
    assert client.post(url, {"reported_on": "2025-07-11", "basis": "個人情報保護条例第４条第２項第２号の報告"}).status_code == 302
    incident.refresh_from_db()
    assert incident.council_report.number == 1
    assert incident.council_report.title == "名簿の紛失について"
    response = client.post(url, {"reported_on": "2025-07-11"}, follow=True)
    assert "すでに報告第1号が付いています" in response.content.decode()
    assert CouncilReport.objects.count() == 1


def test_it_guards_reports_and_measures_like_their_incident(client, council, other_staff, incident):
    measure = PreventionMeasure.objects.create(incident=incident, text="x")
    report = PpcReport.objects.create(incident=incident, kind=ReportKind.PRELIMINARY, sent_on=LEARNED)
    for user, status in ((council, 403), (other_staff, 404)):
        client.force_login(user)
        assert client.post(reverse("incidents:measure_done", args=[measure.pk]), {"done": "1"}).status_code == status
        assert client.post(reverse("incidents:report_delete", args=[report.pk])).status_code == status
    measure.refresh_from_db()
    assert not measure.done and PpcReport.objects.filter(pk=report.pk).exists()


def test_it_withdraws_a_report_and_reopens_its_deadline(client, staff, incident):
    client.force_login(staff)
    preliminary = PpcReport.objects.create(incident=incident, kind=ReportKind.PRELIMINARY, sent_on=LEARNED)
    final = PpcReport.objects.create(incident=incident, kind=ReportKind.FINAL, sent_on=LEARNED)
    response = client.post(reverse("incidents:report_delete", args=[preliminary.pk]), follow=True)
    assert "先に確報を取り消してください" in response.content.decode()
    client.post(reverse("incidents:report_delete", args=[final.pk]))
    assert list(incident.reports.all()) == [preliminary]
    assert AuditEntry.objects.filter(action="delete", record_type="incidents.PpcReport").count() == 1


def test_it_prefills_a_new_incident_from_another_register(client, staff):
    # A lost medium or a misdirected fax opens the incident form with its facts filled in.
    client.force_login(staff)
    response = client.get(reverse("incidents:create"), {"title": "USBメモリの紛失", "learned_on": "2025-02-17",
                                                        "summary": "持ち出したUSBメモリが返却されていない。"})
    form = response.context["form"]
    assert form["title"].value() == "USBメモリの紛失" and form["learned_on"].value() == "2025-02-17"
    assert "持ち出したUSBメモリが返却されていない。" in response.content.decode()
    assert not Incident.objects.exists()
