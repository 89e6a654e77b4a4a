from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from hogo.audit.models import AuditEntry
from hogo.core.models import CouncilReport
from hogo.registers.checklists import checklist_for
from hogo.registers.models import IssuedReport, PersonalInfoFile, Review


def review_post(**extra):
    data = {"content": "DV被害者支援事業の運営委託", "sensitive": "on", "ordinance_sensitive": "on",
            "ordinance_sensitive_contents": "ドメスティック・バイオレンス", "contractor": "株式会社サンプル",
            "contract_starts_on": "2023-05-01", "contract_ends_on": "2024-03-31", "starts_on": "2023-05-01",
            "decision": "approved", "reviewer": "健康 一郎", "decided_on": "2023-04-20"}
    data.update({f"check_{key}": "yes" for key, _ in checklist_for("outsourcing")})
    data.update(extra)
    return data


@pytest.fixture
def review(organisation):
    return Review.objects.create(criterion="outsourcing", division=organisation["own"], content="健診の委託")


def test_it_lets_division_staff_file_a_review_for_their_division(client, staff):
    client.force_login(staff)
    response = client.post(reverse("registers:review_create", args=["outsourcing"]), review_post())
    review = Review.objects.get()
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.division == staff.division and review.ordinance_sensitive
    assert review.checklist["special_specification"] == "yes" and review.decision == "approved"
    assert AuditEntry.objects.filter(action="create", record_id=str(review.pk), user=staff).exists()


def test_it_requires_the_checklist_before_a_decision(client, staff):
    client.force_login(staff)
    data = review_post()
    data.pop("check_necessity")
    response = client.post(reverse("registers:review_create", args=["outsourcing"]), data)
    assert response.status_code == 200 and "審査項目をすべて確認" in response.content.decode()
    assert not Review.objects.exists()


def test_it_audits_changes_to_a_review(client, staff, review):
    client.force_login(staff)
    response = client.post(reverse("registers:review_edit", args=[review.pk]),
                           review_post(content="健診の委託（変更）", version=1))
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.content == "健診の委託（変更）"
    entry = AuditEntry.objects.get(action="update", record_id=str(review.pk))
    assert entry.changes["content"] == ["健診の委託", "健診の委託（変更）"]


def test_it_hides_another_divisions_review(client, other_staff, review):
    client.force_login(other_staff)
    assert client.get(reverse("registers:review_detail", args=[review.pk])).status_code == 404
    assert client.post(reverse("registers:review_edit", args=[review.pk]), review_post()).status_code == 404
    assert AuditEntry.objects.filter(action="denied", user=other_staff).count() == 2


def test_it_refuses_writes_by_council_viewers(client, council, review):
    client.force_login(council)
    assert client.post(reverse("registers:review_create", args=["outsourcing"]), review_post()).status_code == 403
    assert client.post(reverse("registers:review_edit", args=[review.pk]), review_post()).status_code == 403
    assert client.post(reverse("registers:file_create"), {}).status_code == 403
    assert client.get(reverse("registers:export", args=["reviews"])).status_code == 403
    assert Review.objects.count() == 1


def test_it_answers_405_to_get_on_post_only_views(client, privacy):
    client.force_login(privacy)
    assert client.get(reverse("registers:issue_report", args=["reviews"])).status_code == 405


def test_it_keeps_reports_from_division_staff_but_shows_them_to_council(client, staff, council):
    client.force_login(staff)
    assert client.get(reverse("registers:review_report")).status_code == 403
    client.force_login(council)
    response = client.get(reverse("registers:review_report"), {"kind": "reviews_as_of", "date_to": "2023-04-01"})
    assert response.status_code == 200


def test_it_issues_a_report_with_the_next_council_number(client, privacy, council, review):
    CouncilReport.objects.create(number=358, title="前の報告", reported_on=date(2023, 7, 1))
    client.force_login(privacy)
    response = client.post(reverse("registers:issue_report", args=["reviews"]),
                           {"kind": "reviews_as_of", "date_to": "2023-04-01", "reported_on": "2023-08-18"})
    assert response.status_code == 302
    issued = IssuedReport.objects.get()
    assert issued.council_report.number == 359 and issued.date_to == date(2023, 4, 1)
    docx = client.get(reverse("registers:issued_download", args=[issued.pk, "docx"]))
    assert docx.status_code == 200 and docx["Content-Type"].endswith("document")
    assert AuditEntry.objects.filter(action="export", user=privacy).exists()
    client.force_login(council)
    assert client.post(reverse("registers:issue_report", args=["reviews"]),
                       {"kind": "reviews_as_of", "date_to": "2023-04-01", "reported_on": "2023-08-18"}).status_code == 403


def test_it_publishes_the_file_register_without_login_and_without_excluded_files(client, organisation):
    common = {"division": organisation["own"], "purpose": "健診", "record_items": "氏名", "record_scope": "受診者",
              "collection_method": "本人", "request_office": "総務部区政情報課", "registered_on": date(2023, 4, 1)}
    PersonalInfoFile.objects.create(name="健康診査受診者ファイル", **common)
    PersonalInfoFile.objects.create(name="DV相談記録ファイル", excluded_from_publication=True,
                                    exclusion_reason="法第75条第3項", **common)
    PersonalInfoFile.objects.create(name="廃止したファイル", **{**common, "registered_on": date(2020, 4, 1)},
                                    abolished_on=date(2023, 1, 1))
    response = client.get(reverse("registers:public_files"))
    text = response.content.decode()
    assert response.status_code == 200
    assert "健康診査受診者ファイル" in text and "DV相談記録ファイル" not in text and "廃止したファイル" not in text


def test_it_imports_through_the_page_only_for_the_privacy_office(client, privacy, staff):
    client.force_login(staff)
    assert client.get(reverse("registers:import")).status_code == 403
    client.force_login(privacy)
    upload = ("list.csv", "No,委託の内容,担当部課,実施機関,要配慮個人情報 (有/無),条例要配慮個人情報 (有/無)\n"
              "1,委託,総務部区政情報課,区長,有,なにか\n".encode())
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(reverse("registers:import"), {"register": "reviews", "criterion": "outsourcing",
                                                          "apply": "on", "file": SimpleUploadedFile(*upload)})
    call_command("run_jobs", "--once")  # the import runs in the worker
    result = client.get(response["Location"], follow=True)
    assert "なにか" in result.content.decode()
    assert not Review.objects.exists()


def test_it_renders_every_page_for_the_privacy_office(client, organisation, privacy, review):
    from hogo.registers.models import ProcessingActivity, UseProvisionRecord

    common = {"division": organisation["own"], "registered_on": date(2023, 4, 1), "record_items": "氏名"}
    file = PersonalInfoFile.objects.create(name="受診者ファイル", purpose="健診", record_scope="受診者",
                                           collection_method="本人", request_office="区政情報課", **common)
    activity = ProcessingActivity.objects.create(name="健診事務", purpose="健診", subjects="区民", **common)
    use = UseProvisionRecord.objects.create(kind="provision", division=organisation["own"], occurred_on=date(2024, 5, 1),
                                            legal_basis="art69_1", counterpart="警察署")
    client.force_login(privacy)
    urls = [reverse("registers:index"), reverse("registers:review_list"), reverse("registers:review_list") + "?sensitive=1",
            reverse("registers:review_detail", args=[review.pk]), reverse("registers:review_edit", args=[review.pk]),
            reverse("registers:file_list"), reverse("registers:file_detail", args=[file.pk]),
            reverse("registers:file_edit", args=[file.pk]), reverse("registers:activity_list"),
            reverse("registers:activity_detail", args=[activity.pk]), reverse("registers:activity_create"),
            reverse("registers:use_list"), reverse("registers:use_detail", args=[use.pk]),
            reverse("registers:use_create"), reverse("registers:import"), reverse("registers:issued_list"),
            reverse("registers:register_report") + "?fiscal_year=2024",
            reverse("registers:review_report") + "?kind=reviews_period&date_from=2023-04-02&date_to=2023-08-31"]
    urls += [reverse("registers:review_create", args=[c]) for c in ("internal_use", "provision", "online_link_system")]
    for url in urls:
        assert client.get(url).status_code == 200, url
    for kind in ("reviews", "files", "activities", "uses"):
        response = client.get(reverse("registers:export", args=[kind]))
        assert response.status_code == 200 and response["Content-Type"].endswith("sheet")
    for fmt in ("xlsx", "docx"):
        assert client.get(reverse("registers:register_report_download", args=[fmt]), {"fiscal_year": 2024}).status_code == 200


def test_it_files_an_internal_use_review_with_holding_and_using_divisions(client, privacy, organisation):
    client.force_login(privacy)
    data = {"content": "給付金の対象者抽出に利用する", "division": organisation["own"].pk,
            "using_division": organisation["other"].pk, "legal_basis": "art69_2_2", "reviewer": "区政 情報子"}
    response = client.post(reverse("registers:review_create", args=["internal_use"]), data)
    assert response.status_code == 302
    review = Review.objects.get()
    assert review.using_division == organisation["other"] and review.legal_basis == "art69_2_2"
    data["legal_basis"] = "art69_2_3"
    response = client.post(reverse("registers:review_create", args=["internal_use"]), data)
    assert response.status_code == 200 and Review.objects.count() == 1


def test_both_reports_link_to_their_own_downloads(client, council):
    client.force_login(council)
    for report, download, params in (
        ("registers:review_report", "registers:review_report_download", {"kind": "reviews_as_of", "date_to": "2023-04-01"}),
        ("registers:register_report", "registers:register_report_download", {"fiscal_year": 2024}),
    ):
        html = client.get(reverse(report), params).content.decode()
        for fmt in ("xlsx", "docx"):
            assert reverse(download, args=[fmt]) + "?" in html
        assert "表示する" in html
