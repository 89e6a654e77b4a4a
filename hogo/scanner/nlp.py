"""SudachiPy wrapper: tokenise a text once and share the tokens.

Loading the dictionary costs ~0.1 s and tens of MB, so one tokenizer is
created lazily and reused for every text.
"""

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

# Sudachi refuses inputs over ~49 KB of UTF-8; lines are far shorter, and
# cutting at line ends keeps names and addresses whole.
_MAX_CHUNK = 4000


class Token(NamedTuple):
    # A NamedTuple rather than a dataclass: tens of thousands are made per
    # document and tuple construction is several times cheaper.
    begin: int
    end: int
    surface: str
    kind: str  # "surname", "given", "person", "place", "country", "proper", "noun", "num", "other"
    pos1: str
    pos2: str


@dataclass
class NlpArtifacts:
    """What the recognisers share: the normalised text and its tokens."""

    text: str
    tokens: list

    def token_at(self, offset: int):
        """The index of the token starting at `offset`, or None."""
        return self._starts().get(offset)

    def _starts(self):
        if not hasattr(self, "_start_index"):
            self._start_index = {t.begin: i for i, t in enumerate(self.tokens)}
        return self._start_index


def _kind_of(pos) -> str:
    if pos[1] == "固有名詞":
        if pos[2] == "人名":
            return {"姓": "surname", "名": "given"}.get(pos[3], "person")
        if pos[2] == "地名":
            # 「日本」「アメリカ」: a country is not where one person lives.
            return "country" if pos[3] == "国" else "place"
        return "proper"
    if pos[1] == "数詞":
        return "num"
    if pos[0] == "名詞":
        return "noun"
    return "other"


class Tokenizer:
    def __init__(self):
        from sudachipy import Dictionary, SplitMode

        self._dictionary = Dictionary(dict="core")
        self._tokenizer = self._dictionary.tokenizer(mode=SplitMode.C)
        # Resolving POS tuples through an id cache avoids building a tuple of
        # six strings per token, the main cost after tokenisation itself.
        self._pos_cache: dict = {}

    def _pos(self, pos_id):
        cached = self._pos_cache.get(pos_id)
        if cached is None:
            pos = self._dictionary.pos_of(pos_id)
            cached = (_kind_of(pos), pos[0], pos[1])
            self._pos_cache[pos_id] = cached
        return cached

    def tokenize(self, text: str) -> list:
        tokens = []
        append = tokens.append
        cache = self._pos_cache
        for offset, chunk in _chunks(text):
            if not chunk.strip():
                continue
            for m in self._tokenizer.tokenize(chunk):
                pos_id = m.part_of_speech_id()
                pos = cache.get(pos_id) or self._pos(pos_id)
                b, e = m.begin(), m.end()
                append(Token(offset + b, offset + e, chunk[b:e], pos[0], pos[1], pos[2]))
        return tokens

    def analyze(self, text: str) -> NlpArtifacts:
        return NlpArtifacts(text=text, tokens=self.tokenize(text))


def _chunks(text: str):
    """Yield (offset, piece) pieces cut at line ends, each under _MAX_CHUNK."""
    start = 0
    n = len(text)
    while start < n:
        end = min(n, start + _MAX_CHUNK)
        if end < n:
            cut = text.rfind("\n", start, end)
            if cut > start:
                end = cut + 1
        yield start, text[start:end]
        start = end


@lru_cache(maxsize=1)
def get_tokenizer() -> Tokenizer:
    return Tokenizer()
