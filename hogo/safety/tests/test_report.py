"""報告第378号 rebuilt from records: the expectation below is typed from the seed (000), not from the code."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from hogo.core.models import CouncilReport
from hogo.incidents.documents import docx_text
from hogo.incidents.models import Incident
from hogo.safety.models import Audit, AuditPlan, Finding

# The seed's headings and facts, in order (報告資料Ｎｏ．６－１ and Ｎｏ．６－２), copied from the seed's text;
# compared without white space, which the seed's PDF extraction scatters (「日  時」).
SEED_HEADINGS = [
    "報告第３７８号",
    "世田谷区個人情報保護条例に基づく監査の結果について（令和６年度分）",
    "令和７年７月１１日",
    "総務部区政情報課",
    "記",
    "・監査の結果",
    "報告資料Ｎｏ．６－２「令和６年度 世田谷区個人情報保護条例に基づく監査 報告書」のとおり。",
    "（令和６年１２月１３日付報告第３７１号）",
    "令和６年度 世田谷区個人情報保護条例に基づく監査 報告書",
    "１ 監査の観点",
    "２ 監査対象課",
    "北沢総合支所保健福祉センター健康づくり課",
    "３ 監査対象課の選定理由",
    "４ 監査の実施日時、場所及び内容",
    "（１）日  時 令和７年２月２６日（水）午後３時００分から午後４時２０分まで",
    "（２）場  所 北沢総合支所保健福祉センター健康づくり課 ９階会議室及び執務室 北沢総合支所地下３階文書庫",
    "（３）監査項目 ①漏えい等が生じた保有個人情報に係る事務の改善状況の確認 ②保有個人情報の取扱状況及び保存・保管状況の確認",
    "（４）実施手法 提出資料の確認、担当職員への聴き取り調査及び現地調査",
    "５ 監査の結果",
    "６ 終わりに",
]


@pytest.fixture
def year_2024(organisation, privacy):
    municipality = organisation["municipality"]
    municipality.privacy_office_name = "総務部区政情報課"
    municipality.save()
    kitazawa = organisation["other"]
    incident = Incident.objects.create(
        title="個人情報を含む文書の誤送信による漏えいのおそれ", division=kitazawa, possibly=True,
        occurred_on=date(2024, 8, 5), learned_on=date(2024, 8, 5), summary="ファクシミリの誤送信",
        council_basis="個人情報保護条例第４条第２項第２号の報告",
        council_report=CouncilReport.objects.create(number=371, title="x", reported_on=date(2024, 12, 13)))
    plan = AuditPlan.objects.create(
        fiscal_year=2024, title="世田谷区個人情報保護条例に基づく監査", annex_label="報告資料Ｎｏ．６－２",
        introduction="個人情報の管理の状況についての監査に関して、令和６年度の実施結果を下記のとおり報告する。",
        viewpoint="国（個人情報保護委員会）に報告すべき漏えい等の事態が生じた事案に係る所管課に対し、その改善状況について確認する。",
        closing="区におけるファクシミリの使用の必要性をテーマとして取り上げることとした。")
    audit = Audit.objects.create(
        plan=plan, division=kitazawa, kind="on_site", auditor="個人情報保護監査責任者",
        conducted_on=date(2025, 2, 26), time_text="午後３時００分から午後４時２０分まで",
        place="北沢総合支所保健福祉センター健康づくり課 ９階会議室及び執務室\n北沢総合支所地下３階文書庫",
        selection_reason="令和６年８月に、関係課に対して送付すべき文書をファクシミリで送信する際、送信先の番号を誤った。",
        items="漏えい等が生じた保有個人情報に係る事務の改善状況の確認\n保有個人情報の取扱状況及び保存・保管状況の確認",
        method="提出資料の確認、担当職員への聴き取り調査及び現地調査",
        result="改善策等については、概ね適正であると判断する。")
    Finding.objects.create(division=kitazawa, source="audit", audit=audit, category="fax_mail", severity="advice",
                           text="少なくとも区内部における外線を用いたファクシミリは使用しないこととするよう事務改善を図る。",
                           incident=incident)
    Finding.objects.create(division=kitazawa, source="audit", audit=audit, category="disposal", severity="finding",
                           text="文書保存箱の廃棄年月日に誤記載があり、保存期間満了の１年前に廃棄をする旨の表示がされていた。")
    return plan


def test_it_rebuilds_the_378_report_from_records(client, privacy, year_2024):
    client.force_login(privacy)
    response = client.post(reverse("safety:plan_council_report", args=[year_2024.pk]),
                           {"number": 378, "reported_on": "2025-07-11"})
    assert response.status_code == 302
    year_2024.refresh_from_db()
    assert year_2024.council_report.number == 378
    assert year_2024.council_report.title == "世田谷区個人情報保護条例に基づく監査の結果について（令和６年度分）"
    response = client.get(reverse("safety:plan_report", args=[year_2024.pk]) + "?format=docx")
    assert response.status_code == 200
    assert "filename*=utf-8''" in response["Content-Disposition"]
    text = "".join(docx_text(response.content).split())
    position = 0
    for heading in SEED_HEADINGS:
        heading = "".join(heading.split())
        found = text.find(heading, position)
        assert found >= 0, f"missing or out of order: {heading}"
        position = found + len(heading)
    # findings by category, with the count the seed's section 5 (2) and (1) describe: two requests
    assert "指摘事項２件（うち完了０件）" in text
    assert "ファクシミリ・郵便・電子メール（１件）" in text and "廃棄（１件）" in text
    assert "改善措置：未登録" in text


def test_it_keeps_the_report_to_the_privacy_office_and_the_audit_officer(client, staff, year_2024):
    client.force_login(staff)
    assert client.get(reverse("safety:plan_report", args=[year_2024.pk])).status_code == 404


def test_it_answers_who_holds_a_post_on_the_command_line(organisation, capsys):
    from hogo.safety.models import PostAssignment

    PostAssignment.objects.create(post="manager", person_name="北沢 課長", job_title="所管課長",
                                  division=organisation["other"], starts_on=date(2024, 4, 1))
    call_command("post_holder", "manager", "--division", organisation["other"].full_name, "--on", "2024-08-05",
                 "--json")
    assert '"name": "所管課長 北沢 課長"' in capsys.readouterr().out


@pytest.mark.parametrize("arguments, message", [
    (["chief"], "職「chief」はありません"),
    (["manager", "--on", "2024-13-01"], "読めません"),
    (["manager", "--division", "存在しない課"], "登録されていません"),
])
def test_it_exits_2_with_a_japanese_message(db, arguments, message):
    with pytest.raises(CommandError) as error:
        call_command("post_holder", *arguments)
    assert error.value.returncode == 2 and message in str(error.value)
