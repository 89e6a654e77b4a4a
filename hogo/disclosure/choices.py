from django.db import models

from hogo.disclosure import statistics


class RequestKind(models.TextChoices):
    DISCLOSURE = "disclosure", "保有個人情報開示請求"
    CORRECTION = "correction", "保有個人情報訂正請求"
    SUSPENSION = "suspension", "保有個人情報利用停止請求"
    INFORMATION = "information", "行政情報開示請求"


# The kinds governed by the APPI (個人情報保護法第5章第4節); the fourth is the ordinance's.
APPI_KINDS = (RequestKind.DISCLOSURE, RequestKind.CORRECTION, RequestKind.SUSPENSION)


class RequesterCapacity(models.TextChoices):
    SELF = "self", "本人"
    LEGAL = "legal", "法定代理人"
    DELEGATE = "delegate", "任意代理人"


class Outcome(models.TextChoices):
    FULL = "full", "全部開示"
    PARTIAL = "partial", "部分開示"
    REFUSED = "refused", "不開示"
    NOT_HELD = "not_held", "不開示（不存在）"
    NCND = "ncnd", "不開示（存否応答拒否）"
    CORRECTED = "corrected", "訂正"
    NOT_CORRECTED = "not_corrected", "不訂正"
    SUSPENDED = "suspended", "利用停止"
    NOT_SUSPENDED = "not_suspended", "不利用停止"
    WITHDRAWN = "withdrawn", "取下げ"
    DISMISSED = "dismissed", "却下"


# Which outcomes a decision on each kind of request may have.
OUTCOMES_FOR_KIND = {
    RequestKind.DISCLOSURE: (Outcome.FULL, Outcome.PARTIAL, Outcome.REFUSED, Outcome.NOT_HELD, Outcome.NCND,
                             Outcome.WITHDRAWN, Outcome.DISMISSED),
    RequestKind.INFORMATION: (Outcome.FULL, Outcome.PARTIAL, Outcome.REFUSED, Outcome.NOT_HELD, Outcome.NCND,
                              Outcome.WITHDRAWN, Outcome.DISMISSED),
    RequestKind.CORRECTION: (Outcome.CORRECTED, Outcome.NOT_CORRECTED, Outcome.WITHDRAWN, Outcome.DISMISSED),
    RequestKind.SUSPENSION: (Outcome.SUSPENDED, Outcome.NOT_SUSPENDED, Outcome.WITHDRAWN, Outcome.DISMISSED),
}

# Outcomes that withhold something and so must name the non-disclosure items relied on.
OUTCOMES_WITH_GROUNDS = (Outcome.PARTIAL, Outcome.REFUSED, Outcome.NCND)

# 個人情報保護法第78条第1項各号 live in the plain statistics module, which may not import Django.
ARTICLE_78_ITEMS = statistics.ARTICLE_78_ITEMS


class InfoCounting(models.TextChoices):
    NEXT_DAY = "next_day", "翌日起算（請求日を算入しない）"
    FIRST_DAY = "first_day", "請求日から起算（請求日を算入する）"


class AppealOutcome(models.TextChoices):
    PENDING = "pending", "審査中"
    DECIDED = "decided", "処理済"
    WITHDRAWN = "withdrawn", "取下げ"
    DISMISSED = "dismissed", "却下"
    OTHER = "other", "その他"


class BodyType(models.TextChoices):
    MUNICIPAL = "municipal", "市区町村の機関"
    PREFECTURAL = "prefectural", "都道府県の機関"


class AppealKind(models.TextChoices):
    DECISION = "decision", "開示決定等に対する審査請求"
    INACTION = "inaction", "不作為についての審査請求（法第105条第1項）"


class DisclosureMethod(models.TextChoices):
    VIEWING = "viewing", "閲覧"
    COPY = "copy", "写しの交付（窓口）"
    MAIL = "mail", "写しの送付"
    ELECTRONIC = "electronic", "電磁的記録の提供"
