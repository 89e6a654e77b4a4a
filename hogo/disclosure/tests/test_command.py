"""``hogo deadline``."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def run(*args):
    out = StringIO()
    call_command("deadline", *args, stdout=out)
    return out.getvalue()


def test_it_prints_the_dates_and_the_rule(db):
    text = run("disclosure", "--received", "2025-12-26", "--correction", "2026-01-05:2026-01-09", "--extension", "30")
    assert "決定期限: 2026-01-29（木）" in text
    assert "延長後の決定期限: 2026-02-28（土）" in text
    assert "個人情報保護法第83条第2項" in text


def test_it_gives_json_with_iso_dates(db):
    data = json.loads(run("disclosure", "--received", "2025-12-26", "--extension", "30", "--json"))
    assert data["rule"] == "disclosure"
    assert [(item["label"], item["date"]) for item in data["dates"]] == [
        ("決定期限", "2026-01-25"), ("延長後の決定期限", "2026-02-24")]
    assert set(data["dates"][0]) == {"label", "date", "rule", "source", "moved_from", "warnings"}


@pytest.mark.parametrize("args, message", [
    (("disclosure", "--received", "2025-12-32"), "日付「2025-12-32」を読めません"),
    (("disclosure", "--received", "2025-12-26", "--extension", "31"), "延長できるのは30日以内です"),
    (("disclosure", "--received", "2025-12-26", "--extension", "abc"), "日数（0〜30の整数）"),
    (("disclosure",), "--received が必要です"),
    (("disclosure", "--received", "2025-12-26", "--correction", "2026-01-05"), "補正を求めた日:補正がされた日"),
    (("ppc-final",), "--learned が必要です"),
])
def test_it_explains_bad_input_and_exits_with_status_2(db, args, message):
    with pytest.raises(CommandError) as error:
        run(*args)
    assert message in str(error.value)
    assert error.value.returncode == 2


def test_it_computes_the_ppc_final_report_deadline(db):
    data = json.loads(run("ppc-final", "--learned", "2025-02-17", "--json"))
    assert data["dates"] and all("確報" in item["label"] for item in data["dates"])


def test_it_says_so_when_the_incident_rules_are_missing(db, monkeypatch):
    import importlib

    real = importlib.import_module

    def missing(name, *args):
        if name == "hogo.incidents.rules":
            raise ImportError(name)
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", missing)
    with pytest.raises(CommandError, match="導入されていない") as error:
        run("ppc-preliminary", "--learned", "2025-02-17")
    assert error.value.returncode == 2


def test_it_computes_requester_deadlines(db):
    data = json.loads(run("method-choice", "--notified", "2025-12-01", "--json"))
    assert data["dates"][0]["date"] == "2026-01-05" and data["dates"][0]["moved_from"] == "2025-12-31"
