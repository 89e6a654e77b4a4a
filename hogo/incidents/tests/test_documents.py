"""The seeds' incidents as demo records, and the documents made from them (re-read with python-docx)."""

import io
from datetime import date

import pytest
from django.urls import reverse

from hogo.audit.models import AuditEntry
from hogo.core import demo as core_demo
from hogo.core.models import CouncilReport, User
from hogo.incidents import demo
from hogo.incidents.documents import docx_text
from hogo.incidents.models import Incident


def _load(key):
    profile = core_demo.PROFILES[key]
    core_demo.load(profile, io.StringIO())
    demo.load(profile, io.StringIO())


@pytest.fixture
def setagaya(db):
    _load("setagaya")
    return User.objects.get(username="privacy")


@pytest.fixture
def yachiyo(db):
    _load("yachiyo")
    return User.objects.get(username="privacy")


def _docx(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    assert response["Content-Disposition"].startswith("attachment;")
    return docx_text(response.content)


def test_it_prints_council_report_373_with_the_seeds_facts(client, setagaya):
    incident = Incident.objects.get(council_report__number=373)
    client.force_login(setagaya)
    text = _docx(client, reverse("incidents:council_report", args=[incident.pk]) + "?format=docx")
    lines = text.splitlines()
    assert lines[:4] == ["報告第373号", "個人情報を含む文書の誤掲載による漏えいについて",
                         "（個人情報保護条例第４条第２項第２号の報告）", "令和7年7月11日"]
    assert lines[4:7] == ["教育委員会事務局教育指導課", "教育委員会事務局支援教育課", "総務部区政情報課"]
    sections = ["１　事案の概要", "（１）名称", "（２）個人情報の項目", "（３）漏えいした件数", "２　事案の経過",
                "３　本事案における二次被害又はそのおそれの有無について", "４　発生の原因", "５　今後の対応", "参考"]
    positions = [lines.index(section) for section in sections]
    assert positions == sorted(positions)
    items = lines[lines.index("（２）個人情報の項目") + 1]
    for item in ("氏名の一部", "住所の一部", "病歴", "障害の有無"):
        assert item in items
    assert lines[lines.index("（３）漏えいした件数") + 1] == "1件"
    timeline = lines[lines.index("２　事案の経過"):lines.index("３　本事案における二次被害又はそのおそれの有無について")]
    assert [line for line in timeline if line.startswith("（")] == [
        "（１）令和7年2月13日（木）", "（２）同月17日（月）　9時30分", "（３）同月19日（水）",
        "（４）同月21日（金）", "（５）同年3月17日（月）"]
    assert "報告（速報）を実施した" in timeline[timeline.index("（４）同月21日（金）") + 1]
    assert "報告（確報）を実施した" in "\n".join(timeline[timeline.index("（５）同年3月17日（月）"):])
    # 参考: Art.68 and Rules 43–45 from the one stored text
    assert "第六十八条　行政機関の長等は" in text
    assert "四　保有個人情報に係る本人の数が百人を超える漏えい等" in text
    assert "第四十五条　行政機関の長等は" in text
    export = AuditEntry.objects.get(action="export", record_id=str(incident.pk))
    assert export.note == "審議会への報告（docx）"


def test_it_loads_the_other_setagaya_seed_incidents(setagaya):
    by_number = {incident.council_report.number: incident for incident in Incident.objects.all()}
    assert sorted(by_number) == [360, 371, 373, 374]
    reports = {number: [(report.kind, report.sent_on) for report in incident.reports.all()]
               for number, incident in by_number.items()}
    assert reports[360] == [("preliminary", date(2023, 7, 10)), ("final", date(2023, 8, 4))]
    assert reports[371] == [("preliminary", date(2024, 8, 9)), ("final", date(2024, 9, 3))]
    assert reports[374] == [("combined", date(2025, 5, 30))]
    assert by_number[360].count_display().startswith("約40件")
    assert by_number[371].count_display() == "1件（3人）"
    assert [entry.on for entry in by_number[374].timeline.all()][-1] == date(2025, 5, 30)
    assert all(incident.ppc_required and incident.ppc_items == "1" for incident in by_number.values())
    assert CouncilReport.objects.get(number=360).reported_on == date(2023, 8, 18)
    # twice is the same as once
    demo.load(core_demo.PROFILES["setagaya"], io.StringIO())
    assert Incident.objects.count() == 4 and CouncilReport.objects.filter(number__in=[360, 371, 373, 374]).count() == 4


def test_it_prints_the_ppc_report_draft_with_rule44_items_in_order(client, setagaya):
    incident = Incident.objects.get(council_report__number=371)
    client.force_login(setagaya)
    url = reverse("incidents:ppc_report", args=[incident.pk])
    text = _docx(client, url + "?stage=preliminary&format=docx")
    assert "保有個人情報の漏えい等報告書（速報）" in text and "同法施行規則第44条第1項" in text
    labels = ["一　概要", "二　漏えい等が発生し", "三　漏えい等が発生し", "四　原因", "五　二次被害",
              "六　本人への対応の実施状況", "七　公表の実施状況", "八　再発防止のための措置", "九　その他参考となる事項"]
    positions = [text.index(label) for label in labels]
    assert positions == sorted(positions)
    assert "アレルギー・疾病等（要配慮個人情報：病歴）" in text
    # 規則第44条第1項第3号 asks for 「本人の数」: 報告第371号's three persons, in 人, not the council's 「1件（3人）」
    assert "\n3人\n" in text and "1件（3人）" not in text
    assert "規則第43条第1号" in text
    final = _docx(client, url + "?stage=final&format=docx")
    assert "保有個人情報の漏えい等報告書（確報）" in final and "同法施行規則第44条第2項" in final
    assert "確報：令和6年9月3日" in final
    assert "審議会" not in final
    page = client.get(url + "?stage=final").content.decode()
    assert "八　再発防止のための措置" in page and "format=docx" in page


def test_it_prints_the_yachiyo_case_summary_and_the_fiscal_year_list(client, yachiyo):
    incidents = list(Incident.objects.order_by("learned_on", "pk"))
    assert [incident.title for incident in incidents] == [
        "健診記録票の紛失", "郵送物の誤送付による個人情報の漏えい", "予診票の紛失",
        "委託先のネットワークへの不正アクセス", "郵送物盗難のおそれ", "委託先のシステム管理を行っている会社への不正アクセス"]
    assert {incident.title: incident.ppc_items for incident in incidents} == {
        "健診記録票の紛失": "1", "予診票の紛失": "1", "郵送物の誤送付による個人情報の漏えい": "1",
        "委託先のネットワークへの不正アクセス": "3,4", "郵送物盗難のおそれ": "1,3,4",
        "委託先のシステム管理を行っている会社への不正アクセス": "3,4"}
    client.force_login(yachiyo)
    water = incidents[3]
    text = _docx(client, reverse("incidents:summary", args=[water.pk]) + "?format=docx")
    rows = ["事案の件名", "発生部署", "判明日又は発生日", "概要", "判明した経緯", "漏えいした個人情報の概要",
            "漏えいした個人情報の件数", "発生原因", "発生時の対応", "講じた再発防止策"]
    lines = text.splitlines()
    positions = [lines.index(row) for row in rows]
    assert positions == sorted(positions)
    assert "上水道課・給排水相談課" in text and "令和6年7月16日" in text
    assert "氏名・住所・水栓番号・使用水量" in text and "116,647人" in text

    text = _docx(client, reverse("incidents:fiscal_year") + "?first=2023&last=2024&format=docx")
    assert "令和5，6年度に発生した事案一覧（個人情報保護委員会報告分）" in text
    for incident in incidents:
        assert incident.title in text
    assert "健康づくり課" in text and "子ども相談センター" in text and "1,629件" in text
    only_2023 = _docx(client, reverse("incidents:fiscal_year") + "?first=2023&format=docx")
    assert "健診記録票の紛失" in only_2023 and "予診票の紛失" not in only_2023
    exports = AuditEntry.objects.filter(action="export", record_type="incidents.Incident")
    assert exports.count() == 3   # the summary of one record and the two fiscal-year lists
    assert exports.filter(record_id="").count() == 2

    page = client.get(reverse("incidents:fiscal_year") + "?first=2024&last=2023")
    assert page.status_code == 400 and "終わりの年度は始めの年度以降にしてください。" in page.content.decode()


def test_it_shows_documents_on_screen_too(client, setagaya):
    incident = Incident.objects.get(council_report__number=374)
    client.force_login(setagaya)
    page = client.get(reverse("incidents:council_report", args=[incident.pk])).content.decode()
    assert "報告第374号" in page and "（３）滅失した件数" in page and "（10）同月30日（金）" in page
    summary = client.get(reverse("incidents:summary", args=[incident.pk])).content.decode()
    assert "事案の件名" in summary and "令和7年5月13日" in summary
