"""Addresses: a place name followed by block numbers, or a place name alone
in a phrase that says somebody lives there (「奥沢在住の母」).

The start comes from Sudachi's 地名 tags (which in SplitMode C cover
「東京都世田谷区奥沢」 as one token) or a prefecture/city regex; the rest is a
regex for 丁目・番地・号, hyphenated numbers, and building and room.
"""

import re

from ..finding import Finding
from .base import Recognizer

_NUM = r"(?:[0-9]{1,4}|[一二三四五六七八九十]{1,3})"
_J = r"[\u4e00-\u9fff\u3005\u30a1-\u30fa\u30fcヶ]"
_BLOCK = (
    rf"(?:{_NUM}\s?丁目(?:\s?{_NUM}\s?(?:番地?|-)(?:\s?{_NUM}\s?号?)?)?"
    rf"|{_NUM}\s?番地?(?:\s?{_NUM}\s?号)?(?!{_J}{{0,2}}(?:目|線|組|手|人|件|台|回|所|条))"
    rf"|[0-9]{{1,4}}(?:-[0-9]{{1,4}}){{1,2}}(?:号)?)"
)
_BUILDING = r"(?:\s?[^\s、。,，()（）「」:：]{1,20}?[0-9]{1,4}(?:号室|号|階|F))?"
_TAIL = re.compile(rf"\s?{_J}{{0,6}}?\s?{_BLOCK}{_BUILDING}")
# Where no Sudachi place tag starts the address.
_ADMIN_START = re.compile(rf"(?:東京都|北海道|大阪府|京都府|{_J}{{2,3}}県)(?:{_J}{{1,5}}?[市区郡])?(?:{_J}{{1,5}}?[町村])?|{_J}{{1,5}}?[市区](?={_J})")
# A place alone is an address when the phrase says somebody lives there.
_LIVES_AFTER = re.compile(r"\s?(?:在住|にお住まい|に住|に居住|に暮ら|の自宅|から転居|に転居|へ転居|に引っ越|に転入|から転入|の実家|に住所)")
_LIVES_BEFORE = re.compile(r"(?:住所|現住所|住所地|居所|自宅|実家|在住地|住まい)[\s:：はがも]*$")
# 「練馬区在住の方」 names a municipality, not where one person lives.
_MUNICIPALITY_ONLY = re.compile(r".*[都道府県市区郡町村]")
# Addresses of facilities, not of people: 「会場：…」「所在地 …」.
_FACILITY_BEFORE = re.compile(r"(?:会場|所在地|場所|庁舎|区役所|市役所|役場|窓口|センター|事務所|本社|会社|施設|開催地|事業所|庁舎所在地|拠点)[^\n。]{0,10}$")


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
            elif _LIVES_AFTER.match(text, end) and not _MUNICIPALITY_ONLY.fullmatch(text, start, end):
                finding = Finding(start, end, "ADDRESS", 0.8, "居住を示す語に接する地名", recognizer=self.name)
            else:
                finding = Finding(start, end, "ADDRESS", 0.25, "地名", recognizer=self.name)
            if _LIVES_BEFORE.search(text[max(0, start - 8) : start]):
                finding.score = max(finding.score, 0.85)
                finding.reason = "「住所」等に続く地名"
            results.append(finding)
        return results

    def enhance(self, text, artifacts, own, everything):
        for f in own:
            if f.score >= 0.5 and _FACILITY_BEFORE.search(text[max(0, f.start - 16) : f.start]):
                f.score = 0.35
                f.reason += "（施設の所在地と思われる）"

    def _starts(self, text, artifacts):
        """(start, end) of place-name runs, in text order."""
        spans = []
        tokens = artifacts.tokens
        i = 0
        while i < len(tokens):
            if tokens[i].kind == "place" or (tokens[i].kind == "proper" and _LIVES_AFTER.match(text, tokens[i].end)):
                j = i
                # 「東京都 世田谷区 奥沢」: places separated by single spaces form one run.
                while j + 1 < len(tokens) and (
                    tokens[j + 1].kind == "place"
                    or (tokens[j + 1].surface == " " and j + 2 < len(tokens) and tokens[j + 2].kind == "place")
                ):
                    j += 1
                spans.append((tokens[i].begin, tokens[j].end))
                i = j + 1
            else:
                i += 1
        for m in _ADMIN_START.finditer(text):
            spans.append(m.span())
        spans.sort()
        return spans
