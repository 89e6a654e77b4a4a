"""Pattern recognisers for numbers and addresses that identify a person.

All regexes run on the normalised text (ASCII digits, '-' for every dash).
"""

import re

from ..checkdigits import driving_licence_is_valid, luhn_is_valid, my_number_is_valid
from ..finding import Finding
from .address import HOME_LABELS, office_address
from .tables import in_facility_table
from .base import Pattern, PatternRecognizer, block_start, private_persons

# Not preceded/followed by another digit or hyphen: a match must be the whole number.
_L = r"(?<![0-9A-Za-z-])"
_R = r"(?![0-9-])"


_OFFICE_PHONE = re.compile(r"問合せ|問い合わせ|お問合せ|代表(?!者)|[課係](?:\s|電話|TEL|:|：)|センター|事務所|窓口|庁舎|区役所|市役所|役場|担当")
_PRIVATE_PHONE = re.compile(r"携帯|自宅|本人|緊急|保護者|連絡先|様|さん")


# Who owns a number: the nearest of an organisation word and a private
# person (a name, a personal label) before it on the same line.
_ORGANISATION = re.compile(
    r"[課係]|センター|事務所|事業所|保健所|出張所|支所|窓口|役所|役場|庁|株式会社|有限会社|合同会社|\(株\)|\(有\)"
    r"|協会|組合|法人|財団|社団|病院|クリニック|医院|薬局|学校|保育園|幼稚園|コール|ダイヤル|ホットライン|相談室|施工業者|業者|本社|支店|営業所"
    r"|グループ|[^\s]館|事務局|保健所|駐在所|交番|警察署|消防署|分署|消防本部|診療所|[^\s]{2}(?:部|局|室)(?=[\s)）(（]|$)"
)
# Words that open an organisation's contact block: 「問合せ：…課」「申込先」「予約：」.
_CONTACT_BLOCK = re.compile(r"問合せ|問い合わせ|問合わせ|申込先|申込み先|申し込み先|申込・|担当|窓口|予約|相談専用|受付|会場|所在地|発行|場所[\s:：]|提出先|申請先|送付先")
# A public service named before its number: 「東京都いのちの電話」「子どもの相談ダイヤル」「相談専用電話：」
# 「いのちの電話（札幌）」.
_SERVICE_BEFORE = re.compile(
    r"(?:[^\s:：]{2,}(?:の電話|ダイヤル|ライン|ホットライン|相談電話|専用電話|相談窓口)|相談専用電話|専用電話)(?:[(（][^()（）\n]{1,12}[)）])?[\s:：]*$"
)
_FAX_LINE = re.compile(r"[ \t]*(?:FAX|Fax|ファクス|ファックス)")
# An organisation named right after the number: 「03-…（感染症対策課）」.
_ORG_AFTER = re.compile(r"[\s]*[(（][^\n()（）]{0,20}(?:[課係]|センター|事務所|保健所|窓口|担当|室|館|部|局)[)）]")
_ORG_AT_END = re.compile(
    _ORGANISATION.pattern.replace("(?=[\\s)）(（]|$)", "")
    .join(("(?:", r"|(?:City|Town|Ward|Village) (?:Hall|Office)|Division|Section|Department|Office|Cent(?:er|re)(?:, [A-Z][A-Za-z ]+)?)(?:へ|まで|に)?[)）]?\s*$"))
)
_BUSINESS_POSTCODE = re.compile(r"(?<![0-9])[0-9]{3}-[89][0-9]{3}(?![0-9])")
# Free-dial and navi-dial numbers, which no private household has.
_BUSINESS_NUMBER = re.compile(r"0(?:120|800|570|180|990)")
# Mobile numbers (070/080/090) belong to people far more often than to offices.
_MOBILE = re.compile(r"^\(?0[789]0")
_PERSONAL = re.compile(r"携帯|自宅|本人|緊急|保護者|様|さん|申請者|申込者|届出人|相談者|代理人|世帯主|家族|連絡先|Mobile|mobile")
# 「（電話 03-…、ＦＡＸ 03-…）」: a second number right after an office's.
_CHAIN = re.compile(r"[\s、,，/・]*(?:FAX|Fax|ファクス|ファックス|電話|TEL|Tel)?[\s:：]*")


def _owner(text, line_start, pos, people):
    """'office', 'person' or None for the number at `pos`."""
    org = max((m.end() for m in _ORGANISATION.finditer(text, line_start, pos)), default=-1)
    person = max((m.end() for m in _PERSONAL.finditer(text, line_start, pos)), default=-1)
    person = max([person] + [e.end for e in people if line_start <= e.start and e.end <= pos])
    if org < 0 and person < 0:
        return None
    return "office" if org > person else "person"




def _in_contact_block(text, f, line_start, people):
    """True when a number sits in an organisation's contact block.

    「問合せ：…課\n電話 03-…」「東京都いのちの電話　03-…」「予約：03-…（感染症対策課）」:
    the organisation may be named on a previous line of the block or after the
    number; a block that names a private person is that person's.
    """
    line_end = text.find("\n", f.end)
    line_end = len(text) if line_end < 0 else line_end
    start = block_start(text, line_start)
    if any(start <= e.start < line_end for e in people) or _PERSONAL.search(text, line_start, f.start):
        return False
    if _SERVICE_BEFORE.search(text, line_start, f.start) or _ORG_AFTER.match(text, f.end):
        return True
    if _CONTACT_BLOCK.search(text, start, f.start):
        return True
    if _BUSINESS_POSTCODE.search(text, line_start, f.start):
        # 「〒436-8650 掛川市長谷一丁目1番地の1　TEL 0537-…」: a large office's postal code.
        return True
    # 「…介護予防・地域支援課\n電話 03-…」: the line before ends with an organisation.
    prev = block_start(text, line_start, 1)
    return prev < line_start and _ORG_AT_END.search(text, prev, line_start) is not None


def _office_addresses(text, everything):
    persons = private_persons(everything)
    return [e for e in everything if e.label == "ADDRESS" and e.score >= 0.35 and office_address(text, e, persons)]


def _private_people(text, everything):
    """Persons and addresses that may be a private person's: an address that
    is an organisation's (「〒059-0995 白老町大町1丁目1番1号」 in a 問合せ block)
    says nothing about who owns the number next to it."""
    persons = private_persons(everything)
    return persons + [
        e for e in everything
        if e.label == "ADDRESS" and e.score >= 0.5 and not e.official and not office_address(text, e, persons)
    ]


_KANJI_DIGITS = str.maketrans("〇一二三四五六七八九", "0123456789")


def _digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


class PhoneRecognizer(PatternRecognizer):
    name = "phone"
    label = "PHONE"
    reason = "電話・FAX番号の形式"
    PATTERNS = (
        Pattern("phone_international", r"\+81[- ]?(?:\(0\))?[1-9][0-9]{0,3}[- ]?[0-9]{1,4}[- ]?[0-9]{3,4}" + _R, 0.7),
        Pattern("phone_separated", r"(?:(?<=TEL)|(?<=Tel)|(?<=FAX)|(?<=Fax)|" + _L + r")(?:\(0[0-9]{1,4}\) ?|0[0-9]{1,4}[- ]|0[0-9]{1,4}\()"
                r"\(?[0-9]{1,4}(?:\) ?|[- ])?[0-9]{3,4}" + _R, 0.7),
        Pattern("phone_plain", _L + r"0[0-9]{9,10}" + _R, 0.4),
        # 「〇九〇の三二一八の七七四五」「〇三―五四三二―一一一一」: spoken or vertical writing.
        Pattern("phone_kanji", r"(?<![〇一二三四五六七八九])〇[〇一二三四五六七八九]{1,4}(?:の|-|ー)"
                r"[〇一二三四五六七八九]{1,4}(?:の|-|ー)[〇一二三四五六七八九]{4}(?![〇一二三四五六七八九])", 0.7),
    )
    CONTEXT = ("電話", "TEL", "Tel", "tel", "FAX", "Fax", "ファクス", "ファックス", "携帯", "連絡先", "℡", "☎")

    def enhance(self, text, artifacts, own, everything):
        super().enhance(text, artifacts, own, everything)
        people = _private_people(text, everything)
        # 「〒604-8571　京都市…488番地\n電話　075-…」: an office's address on the line before.
        offices = _office_addresses(text, everything)
        office_ends = []
        for f in sorted(own, key=lambda f: f.start):
            line_start = text.rfind("\n", 0, f.start) + 1
            before = text[max(line_start, f.start - 25) : f.start]
            owner = _owner(text, line_start, f.start, people)
            chained = any(0 <= f.start - e <= 12 and _CHAIN.fullmatch(text, e, f.start) for e in office_ends)
            mobile = _MOBILE.match(text[f.start : f.end]) is not None
            office = (
                (_OFFICE_PHONE.search(before) and not _PRIVATE_PHONE.search(before) and owner != "person")
                # 「勤務先：株式会社Ｆ　電話：070-…」: a mobile number is the person's own.
                or (owner == "office" and not mobile)
                or chained
                # 「〒436-8650 掛川市長谷一丁目1番地の1　TEL 0537-…」: after a large office's postal code.
                or ((m := _BUSINESS_POSTCODE.search(text, line_start, f.start)) and not mobile
                    and not any(m.start() <= e.start < f.start and e.label == "PERSON" for e in people))
            )
            if not office and owner is None and not mobile:
                office = _in_contact_block(text, f, line_start, people) or any(
                    block_start(text, line_start, 1) <= a.start < f.start for a in offices
                ) or any(
                    # 「環境保全係\n佐伯 隆\nTEL 046-…」: under a member of staff's signature
                    o.official and o.label == "PERSON" and block_start(text, line_start, 2) <= o.start < f.start
                    for o in everything
                )
            if not office and not mobile and in_facility_table(text, f.start):
                # a table of facilities: 「施設名,所在地,電話番号」
                office = True
            if not office and office_ends and _FAX_LINE.match(text, line_start) and (
                text.rfind("\n", 0, line_start - 1) < office_ends[-1] < line_start
            ):
                # 「電話　047-483-1151（代表）\n　　　ＦＡＸ　047-486-1400」: the office's fax.
                office = True
            if _BUSINESS_NUMBER.match(_digits(text[f.start : f.end])):
                # 0120 / 0800 free dial, 0570 navi dial: only businesses and
                # public services have such numbers.
                office = True
            if office:
                # 「問合せ：区政情報課　電話…」「株式会社玉川土木　…　電話…」: the
                # number of an office, a company or a service, not a person's.
                f.score = 0.35
                f.reason += "（役所・事業者・施設の連絡先と思われる）"
                office_ends.append(f.end)

    def validate_result(self, value):
        digits = _digits(value.translate(_KANJI_DIGITS))
        if value.startswith("+81"):
            digits = "0" + digits[2:].lstrip("0")
        if not digits.startswith("0") or len(digits) not in (10, 11):
            return False
        return None


class EmailRecognizer(PatternRecognizer):
    name = "email"
    label = "EMAIL"
    reason = "メールアドレスの形式"
    PATTERNS = (Pattern("email", r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", 0.9),)
    CONTEXT = ("メール", "mail", "E-mail")

    def enhance(self, text, artifacts, own, everything):
        super().enhance(text, artifacts, own, everything)
        for f in own:
            local = text[f.start : f.end].split("@", 1)[0].lower()
            if local in ROLE_MAILBOXES:
                # info@…, contact@…: an organisation's mailbox, not a person's.
                f.score = 0.3
                f.reason += "（組織の代表アドレス）"
                continue
            line_start = text.rfind("\n", 0, f.start) + 1
            people = private_persons(everything)
            owner = _owner(text, line_start, f.start, people)
            domain = text[f.start : f.end].split("@", 1)[1].lower()
            organisational = _ORG_DOMAIN.search(domain) is not None
            public_body = _PUBLIC_BODY_DOMAIN.search(domain) is not None
            if owner == "office" or (public_body and owner is None) or (
                organisational and owner is None and _in_contact_block(text, f, line_start, people)
            ) or (
                # 「FAXまたはメール（…@office.city.…）でもご相談いただけます」
                organisational and owner is None and _INVITATION.search(text, line_start, text.find("\n", f.end) % (len(text) + 1))
            ) or any(
                # 「電話：0584-82-2311　メール：tabunka@…」 right after an office's number
                e.label == "PHONE" and 0 < e.score < 0.5 and _MAIL_CHAIN.fullmatch(text, e.end, f.start)
                for e in everything
            ):
                # 「問合せ：…課\n電話 03-…　メール …@city.…」: the office's address.
                f.score = 0.3
                f.reason += "（役所・事業者の連絡先と思われる）"


_HOME_LABEL_BEFORE = re.compile(HOME_LABELS + r"[\s:：]*(?:〒|郵便番号[:：]?)?\s?$")
_INVITATION = re.compile(r"ご相談|お問い合わせ|お問合せ|お寄せください|お送りください|ください")
_MAIL_CHAIN = re.compile(r"[\s、,，/・]*(?:メール|E-?mail|e-?mail|Email|MAIL|Mail)?[\s:：]*")
# lg.jp is issued only to local governments, go.jp only to the state.
_PUBLIC_BODY_DOMAIN = re.compile(r"\.(?:lg|go)\.jp$")
# Domains of public bodies and organisations (not free or mobile mail).
_ORG_DOMAIN = re.compile(r"(?:^|\.)(?:city|town|vill|pref|metro|ward)\.|\.(?:lg|go|or|ac|ed|gr)\.jp$")


# Local parts that name a function, not a person (RFC 2142 and common practice).
ROLE_MAILBOXES = {
    "info", "information", "contact", "contacts", "support", "help", "helpdesk", "office", "admin", "administrator",
    "webmaster", "postmaster", "hostmaster", "abuse", "noreply", "no-reply", "press", "pr", "media", "sales", "service",
    "inquiry", "inquiries", "enquiry", "toiawase", "otoiawase", "soudan", "sodan", "koho", "kouhou", "jimukyoku", "desk",
    "mail", "mailmaster", "master", "staff", "team", "secretariat", "general", "hello", "feedback", "event", "events",
}


class PostalCodeRecognizer(PatternRecognizer):
    name = "postal_code"
    label = "POSTAL_CODE"
    reason = "郵便番号の形式"
    PATTERNS = (
        Pattern("postal_mark", r"(?:〒|郵便番号[:：]?)\s?(?P<v>[0-9]{3}-?[0-9]{4})" + _R, 0.9),
        Pattern("postal_before_address", _L + r"[0-9]{3}-[0-9]{4}(?=\s*(?:東京都|北海道|大阪府|京都府|\S{2,3}県|\S{1,5}[市区町村]))", 0.8),
        # 「…Setagaya-ku, Tokyo 154-0016」: after an address written in English.
        Pattern("postal_after_english_address", r"(?:Tokyo|Japan|-ku|-shi|-ken|-fu|-to|-cho),?\s(?P<v>[0-9]{3}-?[0-9]{4})" + _R, 0.9),
        Pattern("postal_bare", _L + r"[0-9]{3}-[0-9]{4}" + _R, 0.3),
    )
    CONTEXT = ("〒", "郵便番号", "住所", "所在地")

    def enhance(self, text, artifacts, own, everything):
        super().enhance(text, artifacts, own, everything)
        people = _private_people(text, everything)
        office_starts = [a.start for a in _office_addresses(text, everything)]
        for f in own:
            line_start = text.rfind("\n", 0, f.start) + 1
            block = block_start(text, line_start, 2)
            home = _HOME_LABEL_BEFORE.search(text, line_start, f.start) or any(
                block <= p.start < f.start for p in people if p.label == "PERSON"
            )
            if _digits(text[f.start : f.end])[3:4] in ("8", "9") and not home:
                # 「〒154-8504」: an individual number given to a large office or
                # business (事業所個別番号); but Kyoto's homes have such codes too
                # (「住所　〒607-8142　京都市山科区…」).
                f.score = 0.3
                f.reason += "（事業所個別郵便番号）"
                continue
            if any(0 <= start - f.end <= 3 for start in office_starts):
                # 「熊本市保健所感染症対策課　〒862-0971　熊本市…」: the code of an office's address.
                f.score = 0.3
                f.reason += "（役所・施設の所在地の郵便番号）"
                continue
            if _owner(text, line_start, f.start, people) != "person" and _in_contact_block(text, f, line_start, people):
                # 「問合せ：白老町役場 アイヌ総合政策課\n〒059-0995 白老町大町…」
                f.score = 0.3
                f.reason += "（問合せ先の郵便番号）"


class MyNumberRecognizer(PatternRecognizer):
    name = "my_number"
    label = "MY_NUMBER"
    reason = "12桁の個人番号"
    PATTERNS = (Pattern("my_number", _L + r"[0-9]{4}[- ]?[0-9]{4}[- ]?[0-9]{4}" + _R, 0.3),)
    CONTEXT = ("個人番号", "マイナンバー", "番号カード")
    valid_score = 0.75

    def validate_result(self, value):
        # A 12-digit number that fails the statutory check digit is not a My Number.
        return my_number_is_valid(_digits(value))


_ID_KEYWORDS = (
    "住民票コード", "基礎年金番号", "年金番号", "被保険者番号", "被保険者証番号", "被保険者証の番号",
    "保険証番号", "記号番号", "記号・番号", "受給者番号", "受給者証番号", "受給資格者番号", "運転免許証番号",
    "免許証番号", "免許番号", "旅券番号", "パスポート番号", "在留カード番号", "利用者番号", "患者番号",
    "患者ID", "診察券番号", "利用者カード番号", "会員証番号", "宛名番号", "学籍番号", "生徒番号", "職員番号", "社員番号", "会員番号",
    "手帳番号", "介護保険番号", "個人番号", "マイナンバー", "ID番号",
    # a welfare office's number for a person (not its ケース番号 or 世帯番号, nor a
    # 登録番号: most annotators leave those file numbers unmarked)
    "被保護者番号", "児童番号",
    # 「郵便等投票証明書番号　第R05-0042号」「運転免許証（第631102458390号）」
    "証明書番号", "運転免許証",
)


class IdNumberRecognizer(PatternRecognizer):
    name = "id_number"
    label = "ID_NUMBER"
    reason = "番号の名称に続く識別番号"
    PATTERNS = (
        Pattern(
            "id_after_keyword",
            r"(?P<kw>" + "|".join(_ID_KEYWORDS) + r")(?:\s?[(（][^)）]{0,12}[)）])?[\s:：はがをの(（]*(?:No\.?|第)?\s*"
            # 「記号番号　世田谷 45-123087」: an insurer's symbol in kanji before the number
            r"(?:[\u4e00-\u9fff]{1,4}\s?)?"
            r"(?P<v>[A-Z0-9](?:[A-Z0-9]|[- ](?=[A-Z0-9])){3,22})",
            0.85,
        ),
        Pattern("residence_card", _L + r"[A-Z]{2}[0-9]{8}[A-Z]{2}(?![A-Za-z0-9])", 0.85),
        Pattern("passport", _L + r"[A-Z]{2}[0-9]{7}(?![A-Za-z0-9])", 0.45),
        # 「Our passport numbers: mine Z4417382, my son's Z5520916」
        Pattern("passport_named", r"(?:[Pp]assport|旅券|パスポート)[^\n]{0,40}?(?<![A-Za-z0-9])(?P<v>[A-Z]{1,2}[0-9]{7,8})(?![A-Za-z0-9])", 0.85),
        Pattern("passport_listed", r"(?:[Pp]assport|旅券|パスポート)[^\n]{0,40}?[A-Z]{1,2}[0-9]{7,8}[^\n]{1,20}?(?<![A-Za-z0-9])(?P<v>[A-Z]{1,2}[0-9]{7,8})(?![A-Za-z0-9])", 0.85),
        Pattern("pension", _L + r"[0-9]{4}-[0-9]{6}" + _R, 0.5),
    )
    CONTEXT = ("旅券", "パスポート", "年金", "番号")

    def analyze(self, text, artifacts):
        results = []
        for finding in super().analyze(text, artifacts):
            value = text[finding.start : finding.end]
            digits = _digits(value)
            if finding.recognizer == self.name and len(digits) < 4 and not re.search("[A-Z]", value):
                continue
            kw = text[max(0, finding.start - 14) : finding.start]
            if "個人番号" in kw or "マイナンバー" in kw:
                # Numbers after 個人番号 belong to MyNumberRecognizer.
                if len(digits) == 12:
                    continue
            if finding.recognizer == self.name and re.search(r"ゆうちょ|銀行|貯金", text[max(0, finding.start - 24) : finding.start]):
                continue  # 「ゆうちょ銀行 記号番号10880-28104731」: an account, FinancialRecognizer's
            if "免許" in kw and len(digits) == 12:
                # The check digit tells a mistyped licence number from a good
                # one; either is the number of the licence named right before
                # it, so it is masked either way, the mistyped one for review.
                if driving_licence_is_valid(digits):
                    finding.score, finding.reason = 0.95, "運転免許証番号（チェックディジット一致）"
                else:
                    finding.score = 0.6
                    finding.reason = "運転免許証番号の欄の番号（チェックディジット不一致：記載誤りの可能性、要確認）"
            results.append(finding)
        return results


# The holder of an account after it: 「口座名義 甲府市会計管理者」.
_HOLDER = re.compile(r"(?:口座)?名義(?:人)?[\s:：]*(?P<v>[^\n、。]{1,30})")
_ORG_HOLDER = re.compile(r"会計管理者|出納|[都道府県市区町村](?:長|役所|役場)?$|[都道府県市区町村]長|株式会社|有限会社|合同会社|\(株\)|\(有\)|法人|財団|社団|組合|協会|基金|事務局|委員会")
# The municipality's own accounts: 「市の収納口座」「指定口座」「振込先：…市」.
_PUBLIC_ACCOUNT = re.compile(r"収納口座|公金|指定金融機関")


class FinancialRecognizer(PatternRecognizer):
    name = "financial"
    label = "FINANCIAL"
    reason = "口座番号・カード番号"
    PATTERNS = (
        # Card numbers are written in groups with one kind of separator, or not at all.
        Pattern("card_4444", _L + r"[0-9]{4}(?P<s>[- ]?)[0-9]{4}(?P=s)[0-9]{4}(?P=s)[0-9]{4}" + _R, 0.3),
        Pattern("card_465", _L + r"[0-9]{4}(?P<s>[- ]?)[0-9]{6}(?P=s)[0-9]{4,5}" + _R, 0.3),
        Pattern("card_plain", _L + r"[0-9]{13,19}" + _R, 0.3),
        Pattern(
            "bank_account",
            r"(?:口座番号|普通預金|当座預金|普通|当座|貯蓄|口座)[\s:：]*(?:預金)?[\s:：]*(?:口座番号|No\.?)?[\s:：]*(?P<v>[0-9]{7,8})" + _R,
            0.85,
        ),
        Pattern("yucho", r"(?P<v>記号[\s:：]*[0-9]{5}[\s、,-]*番号[\s:：]*[0-9]{7,8})" + _R, 0.85),
        Pattern("yucho_joined", r"(?:ゆうちょ|貯金)[^\n]{0,12}?記号・?番号[\s:：]*(?P<v>[0-9]{5}[\s-]?[0-9]{7,8})" + _R, 0.85),
    )
    CONTEXT = ("カード", "クレジット", "口座", "銀行", "信用金庫")

    def enhance(self, text, artifacts, own, everything):
        super().enhance(text, artifacts, own, everything)
        for f in own:
            line_end = text.find("\n", f.end)
            line_end = len(text) if line_end < 0 else line_end
            # the holder on the same line or the next: 「口座番号：0210558\n口座名義：山梨県会計管理者」
            next_end = text.find("\n", line_end + 1)
            holder = _HOLDER.search(text, f.end, len(text) if next_end < 0 else next_end)
            line_start = text.rfind("\n", 0, f.start) + 1
            if (holder and _ORG_HOLDER.search(holder.group("v"))) or _PUBLIC_ACCOUNT.search(text, line_start, f.start):
                # 「収納口座：…普通預金 口座番号0100235 口座名義 甲府市会計管理者」
                f.score = 0.3
                f.reason += "（役所・法人の口座）"

    def validate_result(self, value):
        digits = _digits(value)
        if len(digits) >= 13 and "記号" not in value and not re.fullmatch(r"[0-9]{5}[\s-][0-9]{7,8}", value):
            return luhn_is_valid(digits)
        return None




__all__ = [
    "PhoneRecognizer", "EmailRecognizer", "PostalCodeRecognizer", "MyNumberRecognizer",
    "IdNumberRecognizer", "FinancialRecognizer", "Finding",
]
