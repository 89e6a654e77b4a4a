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
                     "council": Role.COUNCIL_VIEWER, "admin": Role.ADMINISTRATOR}
    assert User.objects.get(username="staff1").check_password("hogo-demo-staff1")
    assert "hogo-demo-privacy" in out.getvalue()


def test_it_can_model_yachiyo(db):
    call_command("demo", "--no-migrate", "--municipality", "yachiyo", stdout=StringIO())
    assert Municipality.current().name == "八千代市"
    assert Division.objects.get(full_name="上下水道局上水道課").agency.name == "事業管理者"
