"""The organisation that runs Hogo: municipality, agencies, departments, divisions, users."""

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from hogo.core.choices import Role
from hogo.lib.municipal_calendar import MunicipalCalendar, parse_month_day


def validate_month_day(value):
    try:
        parse_month_day(value)
    except ValueError:
        raise ValidationError("「12/29」のように月/日で入力してください。") from None


class Municipality(models.Model):
    """The municipality's profile. Hogo serves one municipality per installation."""

    name = models.CharField("自治体名", max_length=100)
    ordinance_name = models.CharField(
        "個人情報保護条例の名称", max_length=200, blank=True,
        help_text="例：世田谷区個人情報保護条例",
    )
    ordinance_sensitive_categories = models.TextField(
        "条例要配慮個人情報の項目", blank=True,
        help_text="1行に1項目。例：国籍、ドメスティック・バイオレンス",
    )
    privacy_office_name = models.CharField("個人情報保護担当課", max_length=100, blank=True)
    incident_report_basis = models.TextField(
        "漏えい等の審議会報告の根拠", blank=True,
        help_text="審議会への事案報告の件名に括弧書きで添える根拠。例：個人情報保護条例第４条第２項第２号の報告",
    )
    review_report_basis = models.CharField(
        "審査状況の審議会報告の根拠", max_length=300, blank=True,
        help_text="「…の規定に基づき、下記のとおり報告する。」の「…」。"
                  "例：世田谷区個人情報保護条例第4条第2項第1号及び世田谷区個人情報の保護に関する規則第4条",
    )
    management_standard_name = models.CharField(
        "個人情報保護管理基準の名称", max_length=200, blank=True,
        help_text="審査の根拠となる基準。例：世田谷区個人情報保護管理基準",
    )
    year_end_closure_first = models.CharField(
        "年末年始の休日（初日）", max_length=5, default="12/29", validators=[validate_month_day],
        help_text="休日条例（地方自治法第4条の2第2項第3号）が定める年末年始の休日の初日。月/日で入力。",
    )
    year_end_closure_last = models.CharField(
        "年末年始の休日（末日）", max_length=5, default="1/3", validators=[validate_month_day],
        help_text="同じく末日。例：1/3",
    )

    class Meta:
        verbose_name = "自治体"
        verbose_name_plural = "自治体"
        ordering = ["pk"]

    def __str__(self):
        return self.name

    @classmethod
    def current(cls):
        """The installation's municipality (created empty on first use)."""
        municipality = cls.objects.order_by("pk").first()
        if municipality is None:
            municipality = cls.objects.create(name="（未設定）")
        return municipality

    def sensitive_category_list(self):
        return [line.strip() for line in self.ordinance_sensitive_categories.splitlines() if line.strip()]

    def calendar(self):
        """The municipal calendar with this municipality's year-end closure and extra closure days."""
        return MunicipalCalendar(
            frozenset(self.closure_days.values_list("date", flat=True)),
            year_end=self.year_end_closure(),
        )

    def year_end_closure(self):
        """The 休日条例's year-end closure as ((month, day), (month, day))."""
        return parse_month_day(self.year_end_closure_first), parse_month_day(self.year_end_closure_last)


class ClosureDay(models.Model):
    """A day the municipality's offices are closed in addition to the national rules."""

    municipality = models.ForeignKey(Municipality, models.CASCADE, related_name="closure_days")
    date = models.DateField("日付")
    reason = models.CharField("理由", max_length=100, blank=True)

    class Meta:
        verbose_name = "独自の閉庁日"
        verbose_name_plural = "独自の閉庁日"
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "date"], name="unique_closure_day",
                violation_error_message="この日付はすでに閉庁日として登録されています。",
            )
        ]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.reason}"


class Agency(models.Model):
    """実施機関: the head of an executive body. Statistics are grouped by it, in ``order``."""

    name = models.CharField("実施機関名", max_length=100, unique=True)
    order = models.PositiveIntegerField("表示順", default=0)

    class Meta:
        verbose_name = "実施機関"
        verbose_name_plural = "実施機関"
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name


class Department(models.Model):
    """部 (or 総合支所, 事務局): a grouping of divisions inside an agency."""

    agency = models.ForeignKey(Agency, models.PROTECT, related_name="departments", verbose_name="実施機関")
    name = models.CharField("部の名称", max_length=100)
    order = models.PositiveIntegerField("表示順", default=0)

    class Meta:
        verbose_name = "部"
        verbose_name_plural = "部"
        ordering = ["agency__order", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "name"], name="unique_department_per_agency",
                violation_error_message="同じ実施機関に同名の部があります。",
            )
        ]

    def __str__(self):
        return self.name


class Division(models.Model):
    """課: the unit that holds personal information. Records are scoped by it."""

    department = models.ForeignKey(Department, models.PROTECT, related_name="divisions", verbose_name="部")
    name = models.CharField("課の名称", max_length=100)
    full_name = models.CharField(
        "正式名称", max_length=200, unique=True,
        help_text="部を含む名称。例：世田谷総合支所保健福祉センター健康づくり課",
    )
    phone = models.CharField("電話番号", max_length=30, blank=True)
    order = models.PositiveIntegerField("表示順", default=0)

    class Meta:
        verbose_name = "課"
        verbose_name_plural = "課"
        ordering = ["department__agency__order", "department__order", "order", "pk"]

    def __str__(self):
        return self.full_name

    @property
    def agency(self):
        return self.department.agency


class User(AbstractUser):
    """A person who logs in. The role decides what they see; division staff see their division only."""

    role = models.CharField("役割", max_length=20, choices=Role.choices, default=Role.DIVISION_STAFF)
    division = models.ForeignKey(
        Division, models.PROTECT, null=True, blank=True, related_name="staff", verbose_name="所属課",
    )

    class Meta:
        verbose_name = "利用者"
        verbose_name_plural = "利用者"
        ordering = ["username"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role=Role.DIVISION_STAFF) | models.Q(division__isnull=False),
                name="division_staff_has_division",
                violation_error_message="所管課職員には所属課が必要です。",
            )
        ]

    def __str__(self):
        return self.get_full_name() or self.username

    def get_full_name(self):
        """Japanese order: family name first."""
        return f"{self.last_name} {self.first_name}".strip()

    def get_absolute_url(self):
        return reverse("admin:core_user_change", args=[self.pk])

    @property
    def sees_all_divisions(self):
        """The privacy office and administrators see every division's records."""
        return self.role in (Role.PRIVACY_OFFICE, Role.ADMINISTRATOR)

    @property
    def is_read_only(self):
        return self.role == Role.COUNCIL_VIEWER

    @property
    def is_privacy_office(self):
        return self.role in (Role.PRIVACY_OFFICE, Role.ADMINISTRATOR)


class CouncilReport(models.Model):
    """A report to the council (審議会), 報告第N号. One numbering sequence serves every module.

    Incident reports, review reports and statistics share the sequence, as the
    seeds' 報告第359号–第378号 do.
    """

    number = models.PositiveIntegerField("報告番号", unique=True)
    title = models.CharField("件名", max_length=300)
    reported_on = models.DateField("報告日")
    record_type = models.CharField("記録の種類", max_length=100, blank=True)
    record_id = models.CharField("記録ID", max_length=64, blank=True)
    created_at = models.DateTimeField("作成日時", auto_now_add=True)

    class Meta:
        verbose_name = "審議会報告"
        verbose_name_plural = "審議会報告"
        ordering = ["-number"]

    def __str__(self):
        return f"報告第{self.number}号 {self.title}"


class TotpDevice(models.Model):
    """A user's authenticator app for two-factor login (TOTP, RFC 6238).

    It counts only once confirmed, that is after the user has typed one code
    from it; ``last_used_step`` refuses a code seen before (replay within its
    30-second window).
    """

    user = models.OneToOneField(User, models.CASCADE, related_name="totp_device", verbose_name="利用者")
    secret = models.CharField("秘密鍵", max_length=64)
    created_at = models.DateTimeField("作成日時", auto_now_add=True)
    confirmed_at = models.DateTimeField("登録日時", null=True, blank=True)
    last_used_step = models.BigIntegerField("最後に使った時間枠", default=0)

    class Meta:
        verbose_name = "2要素認証（TOTP）"
        verbose_name_plural = "2要素認証（TOTP）"
        ordering = ["user__username"]

    def __str__(self):
        return f"{self.user} の2要素認証"

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None
