"""Search in Korean: Sphinx 7.4 has no Korean word splitter, so 원조를 ("aid" + object particle) would be one
word in the index and a search for 원조 would miss the page.

The index side splits Korean text into morphemes with kiwipiepy and keeps the words that carry meaning
(nouns, verb and adjective stems, roots, adverbs, foreign words, hanja, numbers), dropping particles and
endings; a noun with its derivational suffix (군사 + 적) is indexed joined as well, as readers type it.
Text without Hangul (the pages still in English) is split as Sphinx splits English, and Latin-script
words are stemmed with Porter's stemmer on both sides, as in the English edition.

The browser cannot run kiwipiepy, so the query splitter (``splitQuery`` in ``language_data.js``) checks
each Korean query word against the index: a word the index holds is searched as typed; otherwise the
particle or ending that leaves a word the index holds is stripped (원조를 -> 원조, 국가가 -> 국가).
"""

from __future__ import annotations

import functools
import re

from sphinx.application import Sphinx
from sphinx.search import SearchLanguage
from sphinx.search.en import SearchEnglish, js_porter_stemmer

HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
ASCII_WORD = re.compile(r"^[\x00-\x7f]+$")
# kiwipiepy's tags (Sejong tag set) of the morphemes worth finding; a trailing "-I"/"-R" marks irregular stems.
KEPT_TAGS = frozenset({"NNG", "NNP", "NR", "NP", "VV", "VA", "XR", "MAG", "SL", "SH", "SN"})
NOUN_TAGS = frozenset({"NNG", "NNP"})
# What the query splitter may strip from a Korean word the index does not hold: particles, the copula and
# common verb endings (longest first, so 에서는 goes before 는).
SUFFIXES = sorted({
    "이", "가", "은", "는", "을", "를", "의", "에", "에서", "에게", "께", "와", "과", "도", "만", "로", "으로",
    "부터", "까지", "보다", "처럼", "이나", "나", "이며", "며", "에는", "에서는", "으로는", "로는", "와의", "과의",
    "에의", "에서의", "으로서", "로서", "으로써", "로써", "이라는", "라는", "이란", "란", "이다", "이고", "였다",
    "이었다", "까지의", "부터의", "에도", "과도", "와도", "마다", "조차", "한테", "이라고", "라고", "인", "이라",
    "하다", "한다", "하는", "하고", "하여", "해", "했다", "하며", "할", "한", "함", "하기", "하지", "해야",
    "된다", "되는", "되어", "됐다", "된", "될", "되고", "되며", "적인", "적으로", "적", "들", "들이", "들은",
    "들을", "들의", "들과", "었다", "았다", "다", "고", "어", "아", "지", "기", "게", "면", "서",
}, key=lambda s: (-len(s), s))

JS_SPLITTER = """
/* Korean query words (book/korean_search.py): a word the index holds is searched as typed; otherwise the
   particle or ending whose removal leaves a word the index holds is stripped, else the longest one. */
const KOREAN_SUFFIXES = %(suffixes)s;
const HANGUL = /[\\uac00-\\ud7a3]/;
function koreanIndexed(word) {
  const index = (typeof Search !== "undefined") && Search._index;
  if (!index) return false;
  return Object.prototype.hasOwnProperty.call(index.terms, word)
      || Object.prototype.hasOwnProperty.call(index.titleterms, word);
}
function koreanQueryWord(word) {
  if (!HANGUL.test(word) || koreanIndexed(word)) return word;
  const candidates = KOREAN_SUFFIXES.filter(s => word.length > s.length && word.endsWith(s))
                                    .map(s => word.slice(0, word.length - s.length));
  const known = [...candidates].sort((a, b) => b.length - a.length).find(koreanIndexed);
  return known || candidates[0] || word;
}
function splitQuery(query) {
  return query.split(/[^\\p{Letter}\\p{Number}_\\p{Emoji_Presentation}]+/gu)
              .filter(term => term).map(koreanQueryWord);
}
"""

JS_STEMMER = js_porter_stemmer.replace("var Stemmer = function", "var PorterStemmer = function", 1) + """
/* Latin-script words are stemmed as in the English edition; Korean words are already split. */
var Stemmer = function() {
  const porter = new PorterStemmer();
  this.stemWord = function(w) { return /^[\\x00-\\x7f]+$/.test(w) ? porter.stemWord(w) : w; };
};
"""


@functools.cache
def _kiwi():
    from kiwipiepy import Kiwi

    return Kiwi()


def korean_words(text: str) -> list[str]:
    """The meaningful morphemes of ``text``, plus each noun joined with its derivational suffix."""
    words = []
    tokens = _kiwi().tokenize(text)
    for i, token in enumerate(tokens):
        tag = token.tag.split("-")[0]
        if tag in KEPT_TAGS:
            words.append(token.form)
        if tag in NOUN_TAGS and i + 1 < len(tokens) and tokens[i + 1].tag == "XSN" and tokens[i + 1].start == token.end:
            words.append(token.form + tokens[i + 1].form)
    return words


class SearchKorean(SearchLanguage):
    lang = "ko"
    language_name = "Korean"
    stopwords = SearchEnglish.stopwords  # the pages still in English
    js_splitter_code = JS_SPLITTER % {"suffixes": repr(SUFFIXES).replace("'", '"')}
    js_stemmer_code = JS_STEMMER

    def init(self, options: dict[str, str]) -> None:
        import snowballstemmer

        self.porter = snowballstemmer.stemmer("porter")

    def split(self, input: str) -> list[str]:  # noqa: A002 - Sphinx's name
        return korean_words(input) if HANGUL.search(input) else self._word_re.findall(input)

    def stem(self, word: str) -> str:
        return self.porter.stemWord(word.lower()) if ASCII_WORD.match(word) else word


def setup(app: Sphinx) -> None:
    app.add_search_language(SearchKorean)
