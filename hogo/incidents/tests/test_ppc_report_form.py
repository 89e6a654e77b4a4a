"""Correction 10 of issue 11: the PPC report draft carries every item of the PPC's form for 行政機関等,
the 番号法 route beside the APPI one, 保有個人情報 asked first, and the council report's citations."""

from datetime import date

import pytest
from django.urls import reverse

from hogo.core.models import Municipality
from hogo.incidents.models import Incident, PersonalInfoItem, PreventionMeasure
from hogo.incidents.tests.test_documents import _docx, setagaya  # noqa: F401  (fixture)
from hogo.incidents.tests.test_incidents import form_data


@pytest.fixture
def report_373(client, setagaya):  # noqa: F811
    client.force_login(setagaya)
    return Incident.objects.get(council_report__number=373)


def _ppc_final(client, incident):
    return _docx(client, reverse("incidents:ppc_report", args=[incident.pk]) + "?stage=final&format=docx")


# Seed 000, 報告第373号: reported by 教育委員会事務局教育指導課・支援教育課 — the 実施機関 under
# 法第68条第1項 (「行政機関の長等」) is the 教育委員会, not the ward as a whole.
def test_it_names_the_reporting_agency_itself(client, report_373):
    text = _ppc_final(client, report_373)
    assert "報告者（実施機関）\n世田谷区教育委員会" in text
    assert "担当者・連絡先" in text


# Seed 000, 報告第373号 １(２)〜２(２): found by a reader of the published results through the 区民の声
# form; the document was on the website (data) and at the offices (paper); the divisions' own work.
def test_it_prints_who_found_it_the_medium_and_where_the_cause_lay(client, report_373):
    text = _ppc_final(client, report_373)
    assert "発見者：区民意見募集の実施結果を閲覧した者" in text
    assert "発覚の経緯：区民意見募集の実施結果をご覧になった方から" in text
    assert "媒体：紙媒体及び電子媒体" in text
    assert "発生主体：実施機関（本市区町村）" in text
    assert "委託先：なし" in text


# Seed 000, 報告第373号 ２ 事案の経過 (1) 令和７年２月１３日 … (5) 同年３月１７日: the form's 「事案の経過」.
def test_it_prints_the_course_of_events_from_the_timeline(client, report_373):
    text = _ppc_final(client, report_373)
    course = text[text.index("（事案の経過）"):text.index("二　漏えい等が発生し")]
    assert course.index("令和7年2月13日") < course.index("令和7年2月17日9時30分") < course.index("令和7年3月17日")


# Seed 000, 報告第373号 １(３): one person's information leaked. 規則第44条第1項第3号 asks for
# 「本人の数」: persons (人), never the council report's 件.
def test_it_counts_the_individuals_in_persons(client, report_373):
    text = _ppc_final(client, report_373)
    row = text[text.index("三　漏えい等が発生し"):text.index("四　原因")]
    assert "1人" in row and "件" not in row.replace("三　漏えい等が発生し", "")


# The PPC form's 「再発防止のための措置」 asks for measures done and those planned; 「その他」 for reports
# to the police or other bodies.
def test_it_separates_measures_done_and_planned_and_prints_other_reports(client, report_373):
    PreventionMeasure.objects.create(incident=report_373, text="公表前の複数課による読み合わせ", done=False,
                                     due_on=date(2025, 9, 30), order=99)
    Incident.objects.filter(pk=report_373.pk).update(other_reports="令和7年2月21日 東京都教育委員会へ報告")
    text = _ppc_final(client, report_373)
    done = text[text.index("（実施済みの措置）"):text.index("（今後実施予定の措置）")]
    planned = text[text.index("（今後実施予定の措置）"):text.index("九　その他参考となる事項")]
    assert "公表前の複数課による読み合わせ" in planned and "令和7年9月30日まで" in planned
    assert "公表前の複数課による読み合わせ" not in done
    assert "（警察への届出・他の機関への報告）\n令和7年2月21日 東京都教育委員会へ報告" in text


# Seed 000, 報告第373号 ※２: 「法第２条第３項及び法施行令第２条第１号の「心身の機能の障害があること」に該当」;
# ※１ cites 法第２条第３項 alone for 「病歴」.
def test_it_cites_the_cabinet_order_for_categories_it_defines(client, report_373):
    text = _docx(client, reverse("incidents:council_report", args=[report_373.pk]) + "?format=docx")
    assert "※「障害の有無」は法第2条第3項及び法施行令第2条第1号の「心身の機能の障害があること」に該当" in text
    assert "※「病歴」は法第2条第3項の「病歴」に該当" in text


# The council report's basis line comes from the municipality's setting, not a Setagaya string, and
# falls back to a neutral line built from the ordinance's name.
@pytest.mark.parametrize("basis, ordinance, expected", [
    ("八千代市個人情報保護法施行条例第7条の報告", "八千代市個人情報保護法施行条例", "（八千代市個人情報保護法施行条例第7条の報告）"),
    ("", "八千代市個人情報保護法施行条例", "（八千代市個人情報保護法施行条例に基づく報告）"),
])
def test_it_prints_the_municipalitys_basis_line(client, report_373, basis, ordinance, expected):
    Incident.objects.filter(pk=report_373.pk).update(council_basis="")
    Municipality.objects.filter(pk=Municipality.current().pk).update(incident_report_basis=basis,
                                                                     ordinance_name=ordinance)
    text = _docx(client, reverse("incidents:council_report", args=[report_373.pk]) + "?format=docx")
    assert expected in text
    assert "個人情報保護条例第４条第２項第２号" not in text


# 番号法第29条の4第1項 and 特定個人情報漏えい等規則第2条第1号ロ: 特定個人情報 kept in the system used for
# 個人番号利用事務 is reportable under the 番号法 whatever the number of persons; its own decision and
# deadlines are shown beside the APPI ones, with the reason.
def test_it_shows_the_my_number_route_beside_the_appi_one(client, report_373):
    Incident.objects.filter(pk=report_373.pk).update(my_number=True, my_number_system="use_system")
    page = client.get(report_373.get_absolute_url()).content.decode()
    section = page[page.index('id="my-number-decision"'):]
    assert "特定個人情報漏えい等規則第2条第1号" in section
    assert "番号法第29条の4第1項により個人情報保護委員会への報告が必要です" in section
    assert "番号法の確報期限" in section and "2025年3月18日" in section     # 2/17 + 30 days, day 1 counted
    text = _ppc_final(client, report_373)
    assert "番号法：特定個人情報漏えい等規則第2条第1号" in text
    assert "番号の利用等に関する法律第29条の4第1項" in text


def test_it_says_the_my_number_route_is_not_assessed_without_my_number(client, report_373):
    page = client.get(report_373.get_absolute_url()).content.decode()
    assert "番号法第29条の4の報告は判定していません" in page


# 法第60条第1項, and 規則第43条 whose every item is a leak of 「保有個人情報」: not held → no 法第68条 report,
# and the form asks why.
@pytest.mark.parametrize("overrides, field, message", [
    ({"held_status": "not_held"}, "held_reason", "保有個人情報に当たらないとした理由を入力してください。"),
    ({"my_number": "on"}, "my_number_system", "特定個人情報の管理場所を選んでください"),
    ({"my_number_exposed": "on"}, "my_number", "特定個人情報を含む場合はチェックしてください。"),
    ({"my_number": "on", "my_number_system": "other", "my_number_individuals": "5"}, "my_number_individuals",
     "特定個人情報に係る本人の数（5人）が本人の数（1人）を超えています。"),
])
def test_it_refuses_inconsistent_answers(client, staff, organisation, overrides, field, message):
    client.force_login(staff)
    response = client.post(reverse("incidents:create"), form_data(division=organisation["own"].pk, **overrides))
    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])


def test_it_records_that_information_not_held_needs_no_report(client, staff, organisation):
    client.force_login(staff)
    response = client.post(reverse("incidents:create"), form_data(
        division=organisation["own"].pk, held_status="not_held", held_reason="職員の私的なメモで組織的に利用していない"))
    assert response.status_code == 302
    incident = Incident.objects.get(title="申請書の誤送付")
    assert incident.ppc_required is False          # 病名 (要配慮) would otherwise make it 第1号
    page = client.get(incident.get_absolute_url()).content.decode()
    assert "法第60条第1項の保有個人情報に当たらないため" in page


# 施行令第2条第3号: 「…指導又は診療若しくは調剤が行われたこと」 — 指導 is part of the category.
def test_it_offers_the_guidance_category_on_the_item_form(client, staff, organisation):
    client.force_login(staff)
    response = client.post(reverse("incidents:create"), form_data(
        division=organisation["own"].pk, **{"items-1-category": "指導・診療・調剤が行われたこと"}))
    assert response.status_code == 302
    item = PersonalInfoItem.objects.get(name="病名")
    assert item.category == "指導・診療・調剤が行われたこと"


# 番号法第29条の4 and 特定個人情報漏えい等規則第3条第2項: the 番号法 確報 (learned 2025-02-17 → day 30,
# 2025-03-18) reaches the dashboard even when 法第68条 does not require a report (one ordinary item, 1 person).
def test_it_puts_the_my_number_final_report_on_the_dashboard(privacy, organisation):
    from hogo.incidents.deadlines import incident_deadlines

    incident = Incident.objects.create(title="番号付き名簿の誤送付", division=organisation["own"],
                                       learned_on=date(2025, 2, 17), summary="誤送付", individuals=1,
                                       my_number=True, my_number_system="use_system")
    deadlines = [item for item in incident_deadlines(privacy, date(2025, 2, 18)) if item.title == incident.title]
    assert [(item.kind, item.due) for item in deadlines] == [("個人情報保護委員会 番号法の確報", date(2025, 3, 18))]
    assert incident.ppc_required is False
