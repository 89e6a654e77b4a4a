from io import StringIO

from django.core.management import call_command

from hogo.core.choices import Role
from hogo.core.models import Division, Municipality, User


def test_it_creates_the_setagaya_demo_and_is_safe_to_run_twice(db):
    out = StringIO()
    call_command("demo", "--no-migrate", stdout=out)
    counts = (Division.objects.count(), User.objects.count())
    call_command("demo", "--no-migrate", stdout=StringIO())
    assert (Division.objects.count(), User.objects.count()) == counts
    assert Municipality.current().name == "世田谷区"
    assert Municipality.current().sensitive_category_list() == ["国籍", "ドメスティック・バイオレンス"]
    for name in ("世田谷総合支所保健福祉センター健康づくり課", "北沢総合支所保健福祉センター健康づくり課",
                 "教育委員会事務局学務課", "総務部区政情報課"):
        assert Division.objects.filter(full_name=name).exists()
    roles = dict(User.objects.values_list("username", "role"))
    assert roles == {"privacy": Role.PRIVACY_OFFICE, "staff1": Role.DIVISION_STAFF, "staff2": Role.DIVISION_STAFF,
                     "council": Role.COUNCIL_VIEWER, "admin": Role.ADMINISTRATOR,
                     "head1": Role.DIVISION_STAFF}  # staff1's division head (保護管理者), hogo/records/demo.py
    assert User.objects.get(username="staff1").check_password("hogo-demo-staff1")
    assert "hogo-demo-privacy" in out.getvalue()


def test_it_can_model_yachiyo(db):
    call_command("demo", "--no-migrate", "--municipality", "yachiyo", stdout=StringIO())
    assert Municipality.current().name == "八千代市"
    assert Division.objects.get(full_name="上下水道局上水道課").agency.name == "事業管理者"


def test_it_names_setagayas_ordinance_as_the_seeds_do(db):
    # Seed 001 line 13: 「世田谷区個人情報保護条例第4条第2項第1号」; seed 000 line 13: the incident
    # reports' basis 「（個人情報保護条例第４条第２項第２号の報告）」.
    call_command("demo", "--no-migrate", stdout=StringIO())
    municipality = Municipality.current()
    assert municipality.ordinance_name == "世田谷区個人情報保護条例"
    assert municipality.incident_report_basis == "個人情報保護条例第４条第２項第２号の報告"


def test_it_leaves_yachiyos_incident_basis_empty_as_seed_004_prints_none(db):
    call_command("demo", "--no-migrate", "--municipality", "yachiyo", stdout=StringIO())
    assert Municipality.current().incident_report_basis == ""


def test_it_builds_the_calendar_from_the_municipalitys_year_end_setting(db):
    # 地方自治法第4条の2第2項第3号: the 休日条例 fixes the dates; default 12/29–1/3.
    from datetime import date
    municipality = Municipality.current()
    assert municipality.calendar().closure_reason(date(2025, 12, 29)) == "年末年始の閉庁日"
    municipality.year_end_closure_first = "12/28"
    municipality.year_end_closure_last = "1/4"
    municipality.save()
    assert municipality.calendar().closure_reason(date(2026, 12, 28)) == "年末年始の閉庁日"
    assert municipality.calendar().closure_reason(date(2027, 1, 4)) == "年末年始の閉庁日"
