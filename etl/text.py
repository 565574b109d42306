"""An article's text as stored, and a cleaned view of it for matching.

Offsets always point into the text exactly as stored. Cleaning never edits
that text: `Doc.view` is a copy in which boilerplate (front matter, junk
enumerations, image placeholders, URLs, disclaimers) is blanked with spaces,
full-width digits are folded to ASCII, and whitespace inside a number or a
date written across a hard line break (`2012\\n年 6 月`) is dropped. `Doc.idx`
maps every view position back to its position in the stored text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_FULLWIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
DATELINE = re.compile(r"^[ \t]*(?:[^\n，,。：:]{0,12}?(?:社|网|台|报|讯)[ \t\u3000]*)?[\u4e00-\u9fff]{2,5}[ \t]*"
                      r"\d{1,2}月\d{1,2}日(?:电|讯|消息)", re.M)
_MASKS = [
    re.compile(r"\A\ufeff?---\n.*?\n---[ \t]*\n", re.S),              # YAML front matter
    re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"),                          # markdown image
    re.compile(r"\[([^\]\n]*)\]\((?:https?:)?//[^)\n]*\)"),           # markdown link target
    re.compile(r"(?:https?|ftp)://[^\s)）>\]]+"),                      # bare URL
    re.compile(r"^[ \t]*(?:\d+\.[ \t]*){3,}[ \t]*$", re.M),           # junk '1. 2. 3. … 49.'
    re.compile(r"^[ \t]*#{1,6}[ \t]*(?:\d+[.、][ \t]*)?", re.M),       # heading marks '## 2. '
    re.compile(r"\A[ \t\ufeff]*date[ \t]+\d{4}-\d{2}-\d{2}"),          # leading 'date 2026-01-01'
    DATELINE,                                                         # '新华社北京11月15日电': no place, no date of the news
    re.compile(r"^[ \t>]*(?:特别声明|免责声明|声明[:：]|Notice:|原文[:：]|责任编辑|文章来源|作者简介).*$", re.M),
]
_CJK = r"\u3400-\u9fff"
_INNER_WS = re.compile(rf"(?<=[0-9{_CJK}.%])[ \t\u3000]+(?=[0-9{_CJK}.%])")
_SPLIT_NUM = re.compile(rf"(?<=[0-9])[ \t\u3000]*\r?\n[ \t\u3000]*(?=[{_CJK}%])")
_SENT_END = re.compile(r"[。！？!?]+[”’」』）)]*|\n+")
CLAUSE_SEPARATORS = "，,；;：:（）()\n"


@dataclass
class Span:
    start: int   # view positions
    end: int


@dataclass
class Sentence(Span):
    para: int = 0
    index: int = 0


@dataclass
class Doc:
    text: str
    view: str = ""
    idx: list[int] = field(default_factory=list, repr=False)
    paragraphs: list[Span] = field(default_factory=list, repr=False)
    sentences: list[Sentence] = field(default_factory=list, repr=False)

    def text_span(self, vstart: int, vend: int) -> tuple[int, int]:
        """Stored-text span covering view[vstart:vend]."""
        return self.idx[vstart], self.idx[vend - 1] + 1

    def sentence_at(self, vpos: int) -> Sentence:
        lo, hi = 0, len(self.sentences) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid].start <= vpos:
                lo = mid
            else:
                hi = mid - 1
        return self.sentences[lo]

    def quote_span(self, sent: Sentence) -> tuple[int, int]:
        """Stored-text span of a sentence, trimmed of surrounding whitespace."""
        s, e = sent.start, sent.end
        while s < e and self.view[s].isspace():
            s += 1
        while e > s and self.view[e - 1].isspace():
            e -= 1
        return self.text_span(s, e) if e > s else (self.idx[sent.start], self.idx[sent.start])


def mask_boilerplate(text: str) -> str:
    """Same length as text, with boilerplate characters replaced by spaces."""
    chars = list(text)
    for rx in _MASKS:
        for m in rx.finditer(text):
            for i in range(m.start(), m.end()):
                if chars[i] != "\n":
                    chars[i] = " "
    return "".join(chars)


def _drop(text: str) -> set[int]:
    drop = set()
    for rx in (_INNER_WS, _SPLIT_NUM):
        for m in rx.finditer(text):
            drop.update(range(m.start(), m.end()))
    return drop


def make_doc(text: str) -> Doc:
    """Build the view, its index map, paragraphs and sentences."""
    masked = mask_boilerplate(text).replace("\r\n", " \n").replace("\r", "\n").translate(_FULLWIDTH)
    drop = _drop(masked)
    keep = [i for i in range(len(masked)) if i not in drop]
    view = "".join(masked[i] for i in keep)
    doc = Doc(text=text, view=view, idx=keep + [len(text)])
    doc.paragraphs = [Span(m.start(), m.end()) for m in re.finditer(r"[^\n]+", view)]
    for p_no, para in enumerate(doc.paragraphs):
        start = para.start
        for m in _SENT_END.finditer(view, para.start, para.end):
            if m.end() > start:
                doc.sentences.append(Sentence(start, m.end(), p_no, len(doc.sentences)))
            start = m.end()
        if start < para.end:
            doc.sentences.append(Sentence(start, para.end, p_no, len(doc.sentences)))
    if not doc.sentences:
        doc.sentences.append(Sentence(0, len(view), 0, 0))
    return doc


def clause_bounds(view: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The clause (between , ; : and brackets) holding view[start:end], within [lo, hi); an
    aside in brackets before the quantity belongs to its clause."""
    s = start
    while s > lo:
        if view[s - 1] in ")）":                      # an aside in brackets before it: 外资企业(包括石油)出口额
            o = max(view.rfind("(", lo, s - 1), view.rfind("（", lo, s - 1))
            if o < lo or any(c in view[o + 1:s - 1] for c in "。；;，,"):
                break
            s = o
            continue
        if view[s - 1] in CLAUSE_SEPARATORS:
            break
        s -= 1
    e = end
    while e < hi and view[e] not in CLAUSE_SEPARATORS:
        e += 1
    return s, e
