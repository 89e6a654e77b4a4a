"""Downloads of the seed's forms (blank and filled), the pages around them, and adopting a new clauses version."""

from datetime import date

import pytest
from django.urls import reverse

from hogo.audit.models import AuditEntry
from hogo.contractors.models import Inspection, SpecialClauses
from hogo.incidents.documents import docx_text


@pytest.mark.parametrize("name, fmt, filename", [
    ("checklist", "docx", "個人情報の取扱いの委託に係るチェックリスト.docx"),
    ("report", "docx", "管理体制等報告書（第2号様式）.docx"),
    ("on_site", "docx", "遵守状況検査書（実地検査）.docx"),
    ("document", "xlsx", "遵守状況検査書（書面検査）.xlsx"),
])
def test_it_hands_out_the_blank_forms_with_japanese_names(client, staff, name, fmt, filename):
    client.force_login(staff)
    response = client.get(reverse("contractors:blank_form", args=[name, fmt]))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith("''" + __import__("urllib.parse").parse.quote(filename))


def test_it_fills_the_forms_from_the_records(client, staff, contract, approved):
    inspection = Inspection.objects.create(contract=contract, kind="on_site", fiscal_year=2025,
                                           inspected_on=date(2025, 11, 20), results={"1": "ok", "2": "ng"},
                                           remarks={"2": "USBメモリの持出し記録なし"}, inspector="健康づくり課 主事 検査 実")
    client.force_login(staff)
    checklist = docx_text(client.get(reverse("contractors:contract_document", args=[contract.pk, "checklist"])).content)
    assert contract.title in checklist and "■はい" in checklist and "確認印" in checklist
    text = docx_text(client.get(reverse("contractors:inspection_document", args=[inspection.pk, "docx"])).content)
    assert "USBメモリの持出し記録なし" in text and "令和7年11月20日" in text and "検査 実" in text
    assert AuditEntry.objects.filter(action="export", user=staff).count() == 2


def test_it_renders_the_registers_pages(client, privacy, contract):
    client.force_login(privacy)
    for url in (reverse("contractors:list"), reverse("contractors:contractor_list"), reverse("contractors:clauses"),
                reverse("contractors:yearly"), reverse("contractors:contract_create"),
                reverse("contractors:checklist_answer", args=[contract.pk]),
                reverse("contractors:report_create", args=[contract.pk]),
                reverse("contractors:inspection_create", args=[contract.pk]),
                reverse("contractors:inspection_import", args=[contract.pk])):
        assert client.get(url).status_code == 200, url


def test_it_lets_only_the_privacy_office_adopt_new_clauses(client, staff, privacy, clauses):
    client.force_login(staff)
    assert client.post(reverse("contractors:clauses"), {"adopted_on": "2026-04-01", "text": "改正"}).status_code == 403
    client.force_login(privacy)
    client.post(reverse("contractors:clauses"), {"adopted_on": "2026-04-01", "text": "（基本的事項）改正"})
    assert SpecialClauses.current().number == 2 and SpecialClauses.objects.count() == 2
