"""Title and date of an article, from its own text, for `build.py add`.

Where the text carries them: YAML front matter (title, date); a leading
`date YYYY-MM-DD` marker; a markdown heading (`## 2. 标题`) or a first short
line without sentence punctuation as the headline; else the first sentence,
cut at a clause break to at most TITLE_MAX characters. Nothing is guessed: no
date in the text gives ''. Callers mark what they use as derived.
"""
from __future__ import annotations

import datetime as dt
import re

import yaml

TITLE_MAX = 48
HEADLINE_MAX = 40
FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
DATE_MARKER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")
HEADING = re.compile(r"^#{1,6}\s*(?:\d+[.、．]\s*)?(.+?)\s*#*$")
CJK = re.compile(r"[\u4e00-\u9fff]")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
SENTENCE_END = re.compile(r"[。！？!?]")
SENTENCE_PUNCT = re.compile(r"[。！？!?，,；;：:]")
CLAUSE_BREAK = re.compile(r"[，,；;：:]")
DATE_RE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


def front_matter(text: str) -> tuple[dict, int]:
    """(fields, end offset) of a leading YAML front matter block; ({}, 0) when there is none."""
    m = FRONT_MATTER.match(text)
    if not m:
        return {}, 0
    try:
        fields = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        fields = None
    return (fields if isinstance(fields, dict) else {}), m.end()


def as_date(value) -> str:
    """YYYY-MM-DD (or YYYY-MM) from a front matter value, '' when it is not one."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    s = str(value or "").strip()[:10]
    return s if DATE_RE.match(s) else ""


def derive_date(text: str) -> str:
    fields, end = front_matter(text)
    if as_date(fields.get("date")):
        return as_date(fields.get("date"))
    m = DATE_MARKER.match(text[end:].lstrip("\ufeff"))
    return m.group(1) if m else ""


def body_lines(text: str) -> list[str]:
    """The text's lines after front matter and date marker, without images, blanks or junk (no CJK)."""
    _, end = front_matter(text)
    body = text[end:].lstrip("\ufeff")
    m = DATE_MARKER.match(body)
    body = body[m.end():] if m else body
    lines = (IMAGE.sub("", line).replace("*", "").strip(" \t\r>") for line in body.splitlines())
    return [line for line in lines if CJK.search(line)]


def cut_title(sentence: str, limit: int = TITLE_MAX) -> str:
    """A sentence cut at its last clause break within `limit` characters (hard cut with … if none)."""
    sentence = sentence.strip()
    if len(sentence) <= limit:
        return sentence
    breaks = [m.start() for m in CLAUSE_BREAK.finditer(sentence) if 0 < m.start() <= limit]
    return sentence[:breaks[-1]] if breaks else sentence[:limit - 1] + "…"


def derive_title(text: str) -> str:
    fields, _ = front_matter(text)
    if str(fields.get("title") or "").strip():
        return str(fields["title"]).strip()
    lines = body_lines(text)
    if not lines:
        return ""
    first = lines[0]
    heading = HEADING.match(first)
    if heading:
        return cut_title(heading.group(1))
    if len(first) <= HEADLINE_MAX and not SENTENCE_PUNCT.search(first):
        return first
    return cut_title(SENTENCE_END.split(first, 1)[0])
