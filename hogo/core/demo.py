"""Demo organisations and users, modelled on the seeds' municipalities.

Each Hogo app may have a ``demo`` module with ``load(profile, stdout)``; the
``demo`` command calls core's first, then every other app's, so a module adds
its own examples without touching this file. Everything is get-or-create, so
running the command twice changes nothing.
"""

from dataclasses import dataclass
from pathlib import Path

from hogo.core.choices import Role
from hogo.core.models import Agency, Division, Municipality, User
from hogo.core.organisation_import import import_organisation

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Profile:
    key: str
    name: str
    ordinance_name: str
    sensitive_categories: tuple
    privacy_office: str
    agencies: tuple
    organisation_csv: str
    staff_divisions: tuple  # full names of the two demo division users' divisions
    # The parenthesised basis under an incident report's title to the council
    # (seed 000: 「（個人情報保護条例第４条第２項第２号の報告）」); seed 004 prints none.
    incident_report_basis: str = ""
    # The review reports' basis and standard (seed 001 報告第359号, seed 002 報告第362号).
    review_report_basis: str = ""
    management_standard_name: str = ""


PROFILES = {
    "setagaya": Profile(
        key="setagaya",
        name="世田谷区",
        ordinance_name="世田谷区個人情報保護条例",
        sensitive_categories=("国籍", "ドメスティック・バイオレンス"),
        privacy_office="総務部区政情報課",
        agencies=("区長", "教育委員会", "選挙管理委員会", "監査委員", "農業委員会"),
        organisation_csv="setagaya_organisation.csv",
        staff_divisions=("世田谷総合支所保健福祉センター健康づくり課", "北沢総合支所保健福祉センター健康づくり課"),
        incident_report_basis="個人情報保護条例第４条第２項第２号の報告",
        review_report_basis="世田谷区個人情報保護条例第4条第2項第1号及び世田谷区個人情報の保護に関する規則第4条",
        management_standard_name="世田谷区個人情報保護管理基準",
    ),
    "yachiyo": Profile(
        key="yachiyo",
        name="八千代市",
        ordinance_name="八千代市個人情報の保護に関する法律施行条例",
        sensitive_categories=(),
        privacy_office="総務部法務課",
        agencies=("市長", "教育委員会", "選挙管理委員会", "監査委員", "農業委員会",
                  "固定資産評価審査委員会", "消防長", "事業管理者"),
        organisation_csv="yachiyo_organisation.csv",
        staff_divisions=("健康福祉部健康づくり課", "健康福祉部障害者支援課"),
    ),
}

# Demo-only passwords: printed on screen by the demo command, never for real use.
DEMO_PASSWORD = "hogo-demo-{}"


def demo_users(profile):
    first, second = profile.staff_divisions
    return [
        ("privacy", "区政 情報子" if profile.key == "setagaya" else "法務 情報子", Role.PRIVACY_OFFICE, profile.privacy_office),
        ("staff1", "健康 一郎", Role.DIVISION_STAFF, first),
        ("staff2", "福祉 二郎", Role.DIVISION_STAFF, second),
        ("council", "審議 会子", Role.COUNCIL_VIEWER, None),
        ("admin", "管理 者", Role.ADMINISTRATOR, None),
    ]


def load(profile, stdout):
    municipality = Municipality.current()
    municipality.name = profile.name
    municipality.ordinance_name = profile.ordinance_name
    municipality.ordinance_sensitive_categories = "\n".join(profile.sensitive_categories)
    municipality.privacy_office_name = profile.privacy_office
    municipality.incident_report_basis = profile.incident_report_basis
    municipality.review_report_basis = profile.review_report_basis
    municipality.management_standard_name = profile.management_standard_name
    municipality.save()
    for order, name in enumerate(profile.agencies, 1):
        Agency.objects.update_or_create(name=name, defaults={"order": order})
    path = DATA / profile.organisation_csv
    report = import_organisation(path.name, path.read_bytes())
    if not report.ok:
        raise RuntimeError(f"demo organisation file is broken: {report.errors}")
    accounts = []
    for username, full_name, role, division_name in demo_users(profile):
        last, first = full_name.split()
        user = User.objects.filter(username=username).first() or User(username=username)
        user.last_name, user.first_name, user.role = last, first, role
        user.division = Division.objects.get(full_name=division_name) if division_name else None
        user.is_staff = role in (Role.PRIVACY_OFFICE, Role.ADMINISTRATOR)
        user.is_superuser = role == Role.ADMINISTRATOR
        password = DEMO_PASSWORD.format(username)
        user.set_password(password)
        user.save()
        accounts.append((username, password, user.get_role_display(), division_name or ""))
    if profile.key == "setagaya":
        _grant_privacy_office_admin()
    stdout.write(f"{profile.name}の組織（課 {Division.objects.count()}件）と利用者を用意しました。")
    return accounts


def _grant_privacy_office_admin():
    """The privacy office maintains the organisation in the admin (not users, not the audit log)."""
    from django.contrib.auth.models import Permission

    privacy = User.objects.get(username="privacy")
    codenames = [f"{verb}_{model}" for verb in ("add", "change", "view")
                 for model in ("municipality", "agency", "department", "division", "closureday")]
    privacy.user_permissions.set(Permission.objects.filter(content_type__app_label="core", codename__in=codenames))
