"""Addresses: a place name followed by block numbers, or a place name alone
in a phrase that says somebody lives there (「奥沢在住の母」).

The start comes from Sudachi's 地名 tags (which in SplitMode C cover
「東京都世田谷区奥沢」 as one token) or a prefecture/city regex; the rest is a
regex for 丁目・番地・号, hyphenated numbers, and building and room.
"""

import re

from ..finding import Finding
from .base import Recognizer, block_start, counted, private_persons
from .tables import in_facility_table

_NUM = r"(?:[0-9]{1,4}|[一二三四五六七八九十]{1,3})"
_J = r"[\u4e00-\u9fff\u3005\u30a1-\u30fa\u30fcヶ]"
_BLOCK = (
    rf"(?:{_NUM}\s?丁目(?:\s?{_NUM}\s?(?:番地?|-)(?:\s?{_NUM}(?![0-9-])\s?号?)?)?"
    rf"|{_NUM}\s?番地?(?:\s?{_NUM}\s?号)?(?!{_J}{{0,2}}(?:目|線|組|手|人|件|台|回|所|条))"
    # 「大和田新田501の3」: の between the numbers, as people say it.
    # (「危機管理室　0584-47-7188」 is a phone number, not 「…町0584-47-7188」)
    rf"|(?!0[0-9]{{1,4}}-[0-9]{{1,4}}-[0-9]{{3,4}})[0-9]{{1,4}}(?:[-の][0-9]{{1,4}}){{1,2}}(?:号)?)"
)
# A building and room: 「グリーンハイツ太子堂203」「池尻ハイツB棟112」「…401号室」.
_BUILDING = r"(?:\s?(?!電話|TEL|Tel|tel|FAX|Fax|ファクス|ファックス|携帯|℡|☎|メール)[^\s0-9、。,，()（）「」:：][^\s、。,，()（）「」:：]{0,19}?[0-9]{1,4}(?:号室|号|階|F|(?=[\s、。,，()（）]|$)))?"
# Hokkaido's grid: 「川添3条6丁目1-22」「南3条西5丁目」.
_JO = rf"(?:[東西南北]?{_NUM}\s?条(?:[東西南北]|通)?\s?)"
# Kyoto's streets: 「新町通松原下る富永町１０７番地」「西洞院通五条上る」.
_KYOTO = rf"(?:{_J}{{1,6}}通{_J}{{0,6}}?(?:上る|下る|上ル|下ル|西入る|東入る|西入ル|東入ル|西入|東入)+)"
_TAIL = re.compile(rf"\s?{_KYOTO}?{_J}{{0,6}}?\s?{_JO}?{_BLOCK}{_BUILDING}|\s?{_KYOTO}")
# Where no Sudachi place tag starts the address.
_ADMIN_START = re.compile(rf"(?!都道府県)(?:東京都|北海道|大阪府|京都府|{_J}{{2,3}}県)(?:{_J}{{1,5}}?[市区郡])?(?:{_J}{{1,5}}?[町村])?|{_J}{{1,5}}?[市区](?={_J})")
# 「烏山の特別支援学級に通う」「桜上水の中学校に通う」: the school a child
# attends in that town (not 「烏山小学校」, which names the school).
_SCHOOL_AFTER = r"の(?:小学校|中学校|高校|高等学校|特別支援学級|特別支援学校|保育園|幼稚園|こども園|学童クラブ|学童)(?:に|へ)(?:通|在籍|在学)"
# A place alone is an address when the phrase says somebody lives there.
_LIVES_AFTER = re.compile(
    r"\s?(?:在住|にお住まい|に住|に居住|に暮ら|の自宅|から転居|に転居|へ転居|に引っ越|へ引っ越|から引っ越|に転入|から転入|の実家|に住所"
    # 「上北沢に一人で住んで」「成城で母と暮らして」: a few words between the place and the verb.
    r"|[にで][^\n、。「」:：]{0,8}?(?:住んで|住んだ|住む|住み|住まわ|暮らして|暮らす|暮らし|生活して|生活する|独居|一人暮らし|ひとり暮らし|単身生活)"
    # 「太子堂のグループホームに住んで」「経堂のアパート」: a dwelling in that town.
    # 「娘は大阪にいる」「三軒茶屋の自宅近く」
    r"|に(?:いる|います|おり|おります)(?![ぁ-ん]{0,3}(?:方々|人々|人たち|皆))|の自宅(?:近く|付近|周辺)"
    r"|の(?:自宅|実家|アパート|マンション|団地|都営住宅|区営住宅|市営住宅|公営住宅|グループホーム|社宅|寮|家)(?:に|で|へ|から|を|は|が)"
    r"|" + _SCHOOL_AFTER + r")"
)
# The labels of a form's address field, and those of any field that holds a home.
_ADDRESS_LABELS = r"(?:住所|現住所|住所地|居所)"
HOME_LABELS = r"(?:住所|現住所|住所地|居所|自宅|本籍)"
# 「本籍　岐阜県揖斐郡池田町」「別居先：愛知県豊橋市」「実家（愛知県一宮市）」「住民登録は岐阜市のまま」
_LIVES_BEFORE = re.compile(
    r"(?:住所|現住所|住所地|居所|自宅|実家|在住地|住まい|本籍|本籍地|別居先|転居先|帰住予定地|帰住先|居住地|住民登録は)[\s:：はがも(（]*$"
)
_NAME_KINDS = {"surname", "given", "person"}
_LIVES_STRICT = re.compile(r"\s?(?:在住|にお住まい|に住ん|に住む|に住み|に居住|の自宅|の実家|" + _SCHOOL_AFTER + ")")
_CHOME = re.compile(r"^(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})丁目")
_TOWN_PIECE = re.compile(rf"^{_J}{{1,6}}$")
# A town that no dictionary knows, right before 「二丁目」 or 「2-14-3」.
_TOWN_BEFORE_BLOCK = re.compile(
    rf"(?<!{_J}){_J}{{2,6}}(?=(?:[0-9]{{1,2}}条(?:[東西南北]|通)?)?(?:[0-9]{{1,2}}|[一二三四五六七八九十]{{1,3}})丁目|[0-9]{{1,4}}-[0-9]{{1,4}}-[0-9]{{1,4}}(?![0-9-]))"
)
_NOT_TOWN = re.compile(r"(?:資料|図|表|別紙|別表|様式|条|項|号|番号|コード|第|令和|平成|昭和|電話|FAX|ファクス|番)$")
_DIRECTION_PREFIXES = {"北", "南", "東", "西", "上", "下", "中", "新", "元", "本"}
# Plural residents: 「成城で暮らす人々」「上北沢に住む皆さん」 (not 「…在住の方」,
# which in case records is often one person).
_RESIDENTS_AFTER = re.compile(r"の方(?:は|も|へ|を対象|に限り)|[ぁ-ん]{0,5}(?:方々|人々|人たち|皆|住民|世帯|区民|市民|町民|外国人|高齢者|子どもたち|子供たち)")
# 「練馬区在住の方」 names a municipality, not where one person lives.
# Names ending in 町/村 are usually districts of a city (桜新町, 奥沢町), so
# they count as a municipality only after a prefecture or 郡 (神奈川県寒川町).
_MUNICIPALITY_ONLY = re.compile(r".*[都道府県市区郡]|.*[都道府県郡].*[町村]")
# Addresses of facilities, not of people: 「会場：…」「所在地 …」.
_FACILITY_BEFORE = re.compile(r"(?:会場|所在地|場所|庁舎|区役所|市役所|役場|窓口|センター|事務所|本社|会社|施設|開催地|事業所|庁舎所在地|拠点)[^\n。\t]{0,24}$")


# A business postal code (事業所個別番号): the last four digits start with 8 or 9.
_BUSINESS_POSTCODE_BEFORE = re.compile(r"[0-9]{3}-?[89][0-9]{3}[\s,、]*$")
# A company or corporation named before the address on the same line.
_COMPANY_BEFORE = re.compile(
    r"(?:株式会社|有限会社|合同会社|合資会社|\(株\)|\(有\)|法人|財団|社団|協同組合|組合|協会)[^\n、。]{0,30}?[\s(:：]*$"
)
_BUSINESS_POSTCODE_ON_LINE = re.compile(r"〒\s?[0-9]{3}-?[89][0-9]{3}(?![0-9])")
_INSIDE_FACILITY_AFTER = re.compile(r"\s?[(（][^()（）\n]{1,20}内[)）]")
# A public body named before the address on its line: 「熊本市保健所感染症対策課　〒862-0971　熊本市…」.
_OFFICE_BEFORE = re.compile(
    r"(?:[課係]|保健所|事務所|センター|役所|役場|庁|出張所|支所|本部|事務局|協議会|委員会|学校|保育園|保育所|幼稚園|こども園|病院|医院|クリニック|診療所|館)[\s　]*(?:〒\s?[0-9]{3}-?[0-9]{4})?[\s　]*"
    r"(?:[\u4e00-\u9fff]{1,6}?[都道府県市区郡])*[\s　]*$"
)
# What may stand before the street on an address line: 「〒430-0911　東雲市」.
_POSTCODE_AND_CITY = re.compile(r"[ \t　(（]*(?:〒\s?[0-9]{3}-?[0-9]{4})?[ \t　]*(?:[\u4e00-\u9fff]{1,6}?[都道府県市区郡町村])*")
# The line a facility block opens with: 「会場」「所在地」「施設の名称及び所在地」.
_FACILITY_LINE_START = re.compile(r"[ \t]*(?:[0-9]+[ \t])?(?:会場|場所|所在地|施設|開催場所|実施場所|施設の名称)")
# A facility's name right before the bracket that holds its address.
_FACILITY_BRACKET_BEFORE = re.compile(
    r"(?:プラザ|センター|会館|ホール|室|館|庁舎|役所|役場|施設|病院|学校|公園|ビル|店|広場|棟|体育館|図書館|公民館|団地|住宅)[(（]\s?(?:〒\s?[0-9]{3}-?[0-9]{4}\s?)?$"
)
# The words that open an organisation's contact block.
_CONTACT_BLOCK_BEFORE = re.compile(r"(?:問合せ|問い合わせ|問合わせ|申込先|申込み先|申し込み先|担当|窓口)[^\n]{0,30}(?:\n[^\n]{0,14})?$")




# 「弦巻三丁目町会」「奥沢二丁目自治会」: the name of an association, not a home.
_ORGANISATION_AFTER = re.compile(r"\s?(?:町会|町内会|自治会|商店会|商店街|地区|小学校|中学校|高校|保育園|幼稚園|駅|公園|児童館|図書館|出張所|まちづくりセンター|会館|病院|交番|郵便局)")
# 「住所：世田谷区＿＿＿＿」: a blank form.
# A form's address field, where the municipality may be printed: 「住所：世田谷区＿＿」.
# 「住所　〒607-8142　京都市山科区…」: the home's postcode between the label and the address.
_LIVES_BEFORE_POSTCODE = re.compile(HOME_LABELS + r"[\s:：]*〒?\s?[0-9]{3}-?[0-9]{4}[\s　]*(?:[\u4e00-\u9fff]{1,6}?[都道府県市区郡])*[\s　]*$")
_FORM_ADDRESS_LABEL = re.compile(_ADDRESS_LABELS + r"[\s:：]*$")
# 「住所　丸亀市＿＿」「住所　丸亀市　　　　町　　番地」: the rest left blank.
_BLANK_AFTER = re.compile(r"\s?(?:[＿_□]|\n|$)|[ \t　]{2,}")
# 「下馬在住」「代沢在住」: any short place word right before 在住.
# An address written over several fields of a form, each checked by what it holds:
# 「都道府県　新潟県」「市区町村　新潟市中央区」「町名・番地　米山四丁目12番7号」
# 「建物名・部屋番号　アーバン米山　502」.
_BUILDING_LINE = re.compile(r"[ \t　]*\n[ \t　]+(?P<v>[^\s、。:：()（）0-9]{2,16}[ 　]?(?:[0-9A-Z]{1,3}[-－])?[0-9]{2,4}(?:号室|号)?)[ \t　]*(?=\n|$)")
_HOME_FIELD = re.compile(
    r"(?m)^[ \t　]*" + _ADDRESS_LABELS + r"[ \t　:：]+(?:〒\s?[0-9]{3}-?[0-9]{4}[ \t　]*)?(?P<v>(?!〒)[^\s\n（(]{0,20}?[0-9０-９]{1,5}(?:[-－の][0-9０-９]{1,4}){0,3}(?:番地?|号)?(?:[0-9０-９]{1,4}号?)?)"
)
_ADDRESS_FIELD = re.compile(
    r"(?m)^[ \t]*(?P<label>都道府県|市区町村|町名・番地|町名番地|町・番地|丁目・番地|番地|建物名・部屋番号|建物名|方書|部屋番号|マンション・アパート名)"
    r"[ \t:：]+(?P<v>[^\n]*[^\s])[ \t]*$"
)
_FIELD_VALUE = {
    "都道府県": re.compile(rf"{_J}{{1,3}}[都道府県]"),
    "市区町村": re.compile(rf"{_J}{{1,8}}[市区町村](?:{_J}{{1,4}}区)?"),
}
_FIELD_NUMBER = re.compile(r"[0-9０-９一二三四五六七八九十]")
# A town no dictionary knows, before 「の自宅」「に住む」: 「綾歌北町の自宅から」.
_TOWN_BEFORE_HOME = re.compile(
    r"(?:(?<=[\s、,，(（「:：のは])|^)(?P<v>[\u4e00-\u9fff\u3005ヶ]{1,5}(?:町|村|台|丘|団地))"
    r"(?=の自宅|の実家|に住ん|に住む|に住み|で暮らし|から通)", re.M
)
# 「大西 正和（飯野西町、７４歳）」: a town in the bracket after a name.
_TOWN_IN_BRACKET = re.compile(r"(?<=[(（])(?P<v>[\u4e00-\u9fff\u3005ヶ]{1,5}(?:町|村|台|丘|団地|地区))(?=[、,・)）])")
# A dwelling's room: 「３０１号室の奥さん」「４号棟１０１号の宇野さん」「城東団地 ４号棟 ２０１号」
# (not 「本庁舎３０１号室」, a meeting room).
_ROOM = re.compile(
    r"(?<![0-9])(?P<v>(?:[0-9]{1,2}号棟\s?[0-9]{2,4}号(?:室)?|[0-9]{3,4}号室))(?=の|に住|で暮ら)"
    r"|(?:団地|住宅|ハイツ|コーポ|マンション|アパート)\s?(?P<w>[0-9]{1,2}号棟\s?[0-9]{2,4}号(?:室)?)"
)
_PUBLIC_ROOM_BEFORE = re.compile(r"庁舎|会議|センター|館|役所|役場|ホテル|病院|病棟|校舎|階")
_TOWN_IN_RESIDENCE = re.compile(r"(?:(?<=[\s、,，(（「:：の])|^)(?P<v>[\u4e00-\u9fff\u3005ヶ]{1,5})(?=在住)", re.M)
_NOT_RESIDENCE_TOWN = re.compile(r"(?:内|外|近隣|近く|付近|周辺|同区|同市|同町|同じ|海外|国内|都内|区内|市内|県内|地元|日本|全国|各地|当地|現地|市|区|都|県|府|道|郡)$")
# English addresses: 「2-5-18 Kamiuma, Setagaya-ku, Tokyo, Meiwa Residence 305」.
_EN_ADDRESS = re.compile(
    r"(?:(?:[0-9]{1,4}-){1,2}[0-9]{1,4},?\s+)?[A-Z][a-z]+(?:-[a-z]+)?,\s*[A-Z][a-z]+-(?:ku|shi|cho|machi|gun|mura)"
    r"(?:,\s*(?:Tokyo|[A-Z][a-z]+(?:-(?:ken|fu|to))?))?"
    r"(?:,\s*[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*){0,3} [0-9]{1,4}(?![0-9-]))?"
)


# 「甲 高崎市高松町35番地1 高崎市長 関口 誠」「乙 …二丁目7番地8 株式会社上州情報センター」:
# an organisation named right after the address on its line.
_ORG_NAME_AFTER = re.compile(
    r"(?:[0-9]{1,4}(?:[-の][0-9]{1,4})*)?[\s　]*[^\s\n、。,，()（）]{0,14}?(?:株式会社|有限会社|合同会社|合資会社|法人|財団|社団|組合|協会|事業所|事務所|営業所|支店|本店|本社|センター|市役所|区役所|役場|庁舎"
    r"|(?<![0-9])[都道府県市区町村]長|知事)"
)


_HOME_AFTER = re.compile(r"\s?[(（](?:自宅|本人宅|住居|居宅|実家|現住所)")


# What may close a name's bracket after the place: 「（太子堂）」「（経堂在住、７０代）」.
_BRACKET_PLACE_AFTER = re.compile(r"\s?(?:在住)?\s?(?:[)）]|[、・,，]\s?[^()（）\n]{0,16}[)）])")
_NAME_SUFFIX = re.compile(r"\s?(?:さん|様|氏|くん|ちゃん|君)?\s?$")


def _beside_person(text, f, persons):
    """True when the place stands in a bracket that opens right after a
    private person's name (「陳 美玲（太子堂）」「鶴田 正さん、５６歳、川崎市麻生区在住）」)."""
    line_start = text.rfind("\n", 0, f.start) + 1
    opening = max(text.rfind("(", line_start, f.start), text.rfind("（", line_start, f.start))
    if opening < 0 or max(text.rfind(")", opening, f.start), text.rfind("）", opening, f.start)) > opening:
        return False
    if not _BRACKET_PLACE_AFTER.match(text, f.end) or _RESIDENTS_AFTER.match(text, f.end):
        return False
    if text.startswith(("の方", "者"), f.end):
        return False
    return any(
        line_start <= p.start and p.end <= opening and _NAME_SUFFIX.fullmatch(text, p.end, opening)
        or opening < p.start < f.start
        for p in persons
    )


def office_address(text, f, persons):
    """The reason an address is an organisation's, or None when it may be a person's.

    A facility (「会場：中央図書館 2階 多目的室（鎌倉市…）」), a business postal code
    before it, a company or corporation before it or right after it on its
    line, or an office's contact block, with no private person in between.
    """
    line_start = text.rfind("\n", 0, f.start) + 1
    if _HOME_AFTER.match(text, f.end) or _LIVES_BEFORE.search(text[max(0, f.start - 8) : f.start]) or (
        _LIVES_BEFORE_POSTCODE.search(text, line_start, f.start)
    ):
        # 「発生場所：…四丁目2番16号（自宅）」「住所：…」: someone's home.
        return None
    if _FACILITY_BEFORE.search(text[max(line_start, f.start - 32) : f.start]):
        return "（施設の所在地と思われる）"
    previous = block_start(text, line_start, 1)
    if previous < line_start and text[line_start : f.start].strip(" \t(（〒0123456789-") == "" and (
        _FACILITY_BEFORE.search(text, previous, line_start - 1) or _FACILITY_LINE_START.match(text, previous)
    ):
        # 「会場　青森市福祉増進センター　３階\n　　　青森市中央三丁目16番1号」
        return "（施設の所在地と思われる）"
    if previous < line_start and _POSTCODE_AND_CITY.fullmatch(text, line_start, f.start) and (
        _OFFICE_BEFORE.search(text, previous, line_start - 1)
    ):
        # 「東雲市立中央図書館\n〒430-0911　東雲市本町二丁目７番１号」: the office's own line above.
        return "（施設・役所の所在地と思われる）"
    if _FACILITY_BRACKET_BEFORE.search(text, max(line_start, f.start - 24), f.start):
        # 「区民・産業プラザ（練馬区練馬一丁目17番1号）」
        return "（施設の所在地と思われる）"
    if in_facility_table(text, f.start):
        # a table of facilities: 「施設名,所在地,電話番号」
        return "（施設一覧の所在地）"
    if _BUSINESS_POSTCODE_BEFORE.search(text, max(0, f.start - 14), f.start):
        # 「〒154-8504 世田谷区世田谷4-21-27」: a large-office postal code.
        return "（事業所個別郵便番号に続く所在地）"
    if _BUSINESS_POSTCODE_BEFORE.search(text, line_start, f.start) is None and (
        m := _BUSINESS_POSTCODE_ON_LINE.search(text, line_start, f.start)
    ) and not any(m.start() <= p.start < f.start for p in persons):
        # 「〒604-8571　京都市中京区寺町通御池上る上本能寺前町488番地」
        return "（事業所個別郵便番号に続く所在地）"
    if _INSIDE_FACILITY_AFTER.match(text, f.end):
        # 「…大江5丁目1番1号（ウェルパルくまもと内）」
        return "（施設内の所在地）"
    m = _COMPANY_BEFORE.search(text, line_start, f.start) or _OFFICE_BEFORE.search(text, line_start, f.start)
    if m and not any(m.start() <= p.start < f.start for p in persons):
        # 「株式会社…（世田谷区桜新町一丁目３４番６号）」: a company's address.
        return "（法人・事業者の所在地）"
    m = _ORG_NAME_AFTER.match(text, f.end)
    if m and not any(f.end <= p.start < m.end() for p in persons):
        return "（法人・役所の所在地）"
    block = block_start(text, line_start, 1)
    if _CONTACT_BLOCK_BEFORE.search(text, block, f.start) and not any(block <= p.start < f.end for p in persons):
        # 「問合せ・申込先 〒…　世田谷区…」: an office's contact block.
        return "（問合せ先・申込先の所在地）"
    return None


_KANJI = re.compile(r"[\u4e00-\u9fff\u3005ヶ]+")


def _towns_read_as_names(text, tokens):
    """「三軒茶屋の自宅」 is read 三軒 (surname) + 茶 (given name) + 屋: a run
    of name pieces written together, up to six kanji, right before a phrase
    that says someone lives or goes to school there."""
    for i, t in enumerate(tokens):
        if t.kind not in _NAME_KINDS or (t.begin > 0 and _KANJI.match(text[t.begin - 1])):
            continue
        k = i
        while k + 1 < len(tokens) and tokens[k + 1].begin == tokens[k].end and tokens[k + 1].end - t.begin <= 6 and (
            tokens[k + 1].kind in _NAME_KINDS | {"place", "proper"}
            or (tokens[k + 1].kind == "other" and _KANJI.fullmatch(tokens[k + 1].surface) and len(tokens[k + 1].surface) == 1)
        ):
            k += 1
            if _LIVES_STRICT.match(text, tokens[k].end) and _KANJI.fullmatch(text, t.begin, tokens[k].end):
                yield t.begin, tokens[k].end
                break


def _address_field_value(label, value):
    """True when a field of a split address holds what its label says:
    a prefecture, a municipality, a block number, a building."""
    if label in _FIELD_VALUE:
        return _FIELD_VALUE[label].fullmatch(value) is not None
    if value in ("なし", "無", "-") or set(value) <= set("＿_□ 　()（）"):
        return False
    if label.startswith(("町", "丁目", "番地")):
        return _FIELD_NUMBER.search(value) is not None and len(value) <= 30
    return len(value) <= 30


class AddressRecognizer(Recognizer):
    name = "address"
    labels = ("ADDRESS",)

    def analyze(self, text, artifacts):
        results = []
        for start, end in self._starts(text, artifacts):
            tail = _TAIL.match(text, end)
            if tail:
                end = tail.end()
                finding = Finding(start, end, "ADDRESS", 0.8, "地名に続く丁目・番地・号", recognizer=self.name)
            elif (lives := _LIVES_AFTER.match(text, end)) and not _MUNICIPALITY_ONLY.fullmatch(text, start, end):
                if _RESIDENTS_AFTER.match(text, lives.end()):
                    # 「上北沢に住む方」「成城で暮らす人々」: the residents in general.
                    finding = Finding(start, end, "ADDRESS", 0.3, "地域の住民一般", recognizer=self.name)
                else:
                    finding = Finding(start, end, "ADDRESS", 0.8, "居住を示す語に接する地名", recognizer=self.name)
            else:
                finding = Finding(start, end, "ADDRESS", 0.25, "地名", recognizer=self.name)
            if _LIVES_BEFORE.search(text[max(0, start - 8) : start]) and not counted(text, end):
                # 「住所　汐見市　　区＿＿」: Sudachi may stop before 市
                rest = end + 1 if text[end : end + 1] in ("市", "区", "町", "村", "郡") else end
                if (_MUNICIPALITY_ONLY.fullmatch(text, start, rest) and _BLANK_AFTER.match(text, rest)
                        and _FORM_ADDRESS_LABEL.search(text[max(0, start - 8) : start])):
                    finding.score = min(finding.score, 0.3)
                    finding.reason = "記入欄の市区町村名（空欄）"
                else:
                    finding.score = max(finding.score, 0.85)
                    finding.reason = "「住所」等に続く地名"
            if _ORGANISATION_AFTER.match(text, finding.end):
                finding.score = min(finding.score, 0.3)
                finding.reason += "（団体・施設の名称の一部）"
            while finding.end > finding.start and text[finding.end - 1] in " \t　":
                finding.end -= 1
            results.append(finding)
        for m in _TOWN_IN_RESIDENCE.finditer(text):
            if not _NOT_RESIDENCE_TOWN.search(m.group("v")) and not _MUNICIPALITY_ONLY.fullmatch(m.group("v")):
                results.append(Finding(m.start("v"), m.end("v"), "ADDRESS", 0.75, "「在住」の前の地名", recognizer=self.name))
        for m in _TOWN_BEFORE_HOME.finditer(text):
            if not _NOT_RESIDENCE_TOWN.search(m.group("v")):
                results.append(Finding(m.start("v"), m.end("v"), "ADDRESS", 0.75, "自宅・居住を示す語の前の町名", recognizer=self.name))
        for m in _TOWN_IN_BRACKET.finditer(text):
            # raised in enhance() when the bracket follows a private person's name
            results.append(Finding(m.start("v"), m.end("v"), "ADDRESS", 0.25, "括弧内の町名", recognizer=self.name))
        for m in _ROOM.finditer(text):
            group = "v" if m.group("v") else "w"
            if not _PUBLIC_ROOM_BEFORE.search(text, max(0, m.start(group) - 12), m.start(group)):
                results.append(Finding(m.start(group), m.end(group), "ADDRESS", 0.75, "住戸の部屋番号", recognizer=self.name))
        for m in _HOME_FIELD.finditer(text):
            # 「住所　萩野1877-5」「住所　萩野村大字萩野字宮ノ前877番地」: whatever the dictionary knows
            if "＿" not in m.group("v") and "_" not in m.group("v"):
                results.append(Finding(m.start("v"), m.end("v"), "ADDRESS", 0.8, "「住所」欄の値", recognizer=self.name))
        for m in _ADDRESS_FIELD.finditer(text):
            if _address_field_value(m.group("label"), m.group("v")):
                results.append(Finding(m.start("v"), m.end("v"), "ADDRESS", 0.8, f"住所の「{m.group('label')}」欄", recognizer=self.name))
        for m in _EN_ADDRESS.finditer(text):
            results.append(Finding(m.start(), m.end(), "ADDRESS", 0.8, "英語表記の住所", recognizer=self.name))
        return results

    def enhance(self, text, artifacts, own, everything):
        persons = private_persons(everything)
        for f in list(own):
            # 「…陸ノ町8番21号\n　　　ヴィラ陸ノ町305号室」: the building on the next line
            m = _BUILDING_LINE.match(text, f.end)
            if f.score >= 0.5 and m:
                building = Finding(m.start("v"), m.end("v"), "ADDRESS", f.score, "前行の住所に続く建物名・部屋番号", recognizer=self.name)
                own.append(building)
                everything.append(building)
        for f in own:
            if f.score < 0.5 and _beside_person(text, f, persons):
                # 「（大沢 秀樹、名古屋市在住）」「井上 幸子（経堂）」「（８８歳・若林）」:
                # a place in the bracket of attributes written after a name.
                f.score = 0.8
                f.reason = "氏名に添えた地名"
            if f.score < 0.5:
                continue
            why = office_address(text, f, persons)
            if why:
                f.score = 0.35
                f.reason += why

    def _starts(self, text, artifacts):
        """(start, end) of place-name runs, in text order."""
        spans = []
        tokens = artifacts.tokens
        i = 0
        while i < len(tokens):
            kind = tokens[i].kind
            if (
                kind == "place"
                or (kind == "proper" and _LIVES_AFTER.match(text, tokens[i].end))
                # 「喜多見に住む」: Sudachi knows 喜多見 only as a surname.
                or (kind in _NAME_KINDS and len(tokens[i].surface) >= 2 and _LIVES_STRICT.match(text, tokens[i].end))
            ):
                j = i
                # 「東京都 世田谷区 奥沢」: places separated by single spaces form one run.
                while j + 1 < len(tokens) and (
                    tokens[j + 1].kind == "place"
                    or (tokens[j + 1].surface == " " and j + 2 < len(tokens) and tokens[j + 2].kind == "place")
                ):
                    j += 1
                begin = tokens[i].begin
                if _CHOME.match(tokens[i].surface):
                    # 「三軒茶屋二丁目」: Sudachi tags only 「二丁目」 as a place.
                    k = i
                    while k > 0 and tokens[k - 1].end == tokens[k].begin and _TOWN_PIECE.match(tokens[k - 1].surface) and begin - tokens[k - 1].begin <= 8:
                        k -= 1
                        begin = tokens[k].begin
                # 「北烏山」 is tokenised 「北」+「烏山」: take the direction along.
                if i > 0 and tokens[i - 1].surface in _DIRECTION_PREFIXES and tokens[i - 1].end == begin:
                    begin = tokens[i - 1].begin
                spans.append((begin, tokens[j].end))
                i = j + 1
            else:
                i += 1
        spans.extend(_towns_read_as_names(text, tokens))
        for m in _ADMIN_START.finditer(text):
            spans.append(m.span())
        for m in _TOWN_BEFORE_BLOCK.finditer(text):
            if not _NOT_TOWN.search(m.group()):
                spans.append(m.span())
        spans.sort()
        return spans
