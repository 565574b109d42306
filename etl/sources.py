"""Read and validate sources.yaml, and the article files it pins.

Every article is a pinned snapshot: its sha256 is recorded in sources.yaml and
checked on every build, so a changed file is noticed instead of quoted wrongly.
"""
from __future__ import annotations

import codecs
import hashlib
import os
import re
from pathlib import Path

import yaml

from .errors import BuildError
from .model import Source

KNOWN_KEYS = {"id", "path", "title", "title_derived", "publisher", "date", "date_derived",
              "url", "language", "encoding", "sha256", "note"}
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
URL_RE = re.compile(r"^https?://[^\s/]", re.I)


def sha256_file(path: str | os.PathLike) -> str:
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def _entries(doc, where: str) -> list:
    items = doc.get("articles") if isinstance(doc, dict) else doc
    if not isinstance(items, list):
        raise BuildError(f"{where}: expected a list of articles (top level or under 'articles:')")
    return items


def load_sources(path: str | os.PathLike, read_text: bool = True) -> list[Source]:
    """Parse and validate sources.yaml; with read_text, read and verify each article."""
    path = Path(path)
    if not path.exists():
        raise BuildError(f"{path}: no such sources file")
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark else ""
        raise BuildError(f"{path}:{line} malformed YAML ({getattr(exc, 'problem', exc)})") from None
    except UnicodeDecodeError:
        raise BuildError(f"{path}: not UTF-8 text") from None
    base = path.resolve().parent
    sources, seen = [], set()
    for n, item in enumerate(_entries(doc, str(path)), 1):
        where = f"{path}: entry {n}"
        if not isinstance(item, dict):
            raise BuildError(f"{where}: expected a mapping, got {type(item).__name__}")
        for key in ("id", "path"):
            if not item.get(key):
                raise BuildError(f"{where}: missing '{key}'")
        sid = str(item["id"])
        where = f"{path}: entry {n} (id {sid})"
        unknown = sorted(set(map(str, item)) - KNOWN_KEYS)
        if unknown:
            raise BuildError(f"{where}: unknown key '{unknown[0]}'")
        if not ID_RE.match(sid):
            raise BuildError(f"{where}: id must be letters, digits, '-', '_' or '.'")
        if sid in seen:
            raise BuildError(f"{where}: duplicate id")
        seen.add(sid)
        date = "" if item.get("date") is None else str(item["date"])
        if date and not DATE_RE.match(date):
            raise BuildError(f"{where}: date must be YYYY-MM-DD or YYYY-MM, got {date!r}")
        url = str(item.get("url") or "").strip()
        if url and not URL_RE.match(url):
            raise BuildError(f"{where}: url must be http(s), got {url[:40]!r}")
        src = Source(
            id=sid, path=str(item["path"]), abspath=str((base / str(item["path"])).resolve()),
            title=str(item.get("title") or ""), title_derived=bool(item.get("title_derived")),
            publisher=str(item.get("publisher") or ""), date=date,
            date_derived=bool(item.get("date_derived")), url=url,
            language=str(item.get("language") or "zh-Hans"),
            encoding=str(item.get("encoding") or ""),
            sha256=str(item.get("sha256") or ""), note=str(item.get("note") or ""),
        )
        if read_text:
            src.text = read_article(src, where)
        sources.append(src)
    return sources


def decode_text(data: bytes, declared: str = "", where: str = "") -> tuple[str, str]:
    """(text, encoding) of an article's bytes, exactly as stored: no newline translation.

    A declared encoding is used as is. Otherwise UTF-8 when the bytes are valid UTF-8
    (a BOM is kept as character 0, U+FEFF, so offsets agree with any reader that
    decodes the file as UTF-8); else the encoding charset-normalizer detects
    (GB18030/GBK files come out as gb18030). NUL bytes or no plausible encoding:
    not text.
    """
    if b"\x00" in data:
        raise BuildError(f"{where}: not a text file (it holds NUL bytes: binary, or UTF-16)")
    encoding = declared
    if encoding and not is_utf8(encoding) and not data.isascii() and valid_utf8(data):
        raise BuildError(f"{where}: declared encoding {encoding} but the file is UTF-8 text "
                         f"(remove or fix 'encoding:' in the sources file)")
    if not encoding:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            encoding = detect_encoding(data)
        if not encoding:
            raise BuildError(f"{where}: not a text file (not UTF-8, and no text encoding detected)")
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        raise BuildError(f"{where}: not valid {encoding} text "
                         f"(set the right 'encoding:' in the sources file)") from None


def is_utf8(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")
    except LookupError:
        return False


def valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def detect_encoding(data: bytes) -> str:
    """charset-normalizer's best guess as a Python codec name, or '' when it has none."""
    import charset_normalizer
    match = charset_normalizer.from_bytes(data).best()
    if match is None:
        return ""
    return "utf-8" if match.encoding == "utf_8" else match.encoding.replace("_", "-")


def read_article(src: Source, where: str = "") -> str:
    """The article's text exactly as stored (no newline translation), verified against its pin.

    Sets src.sha256 when it was not pinned and src.encoding to the one used.
    """
    where = where or src.id
    if not os.path.isfile(src.abspath):
        raise BuildError(f"{where}: article file not found: {src.path}")
    data = Path(src.abspath).read_bytes()
    if not data.strip():
        raise BuildError(f"{where}: article file is empty: {src.path}")
    digest = hashlib.sha256(data).hexdigest()
    if src.sha256 and digest != src.sha256:
        raise BuildError(
            f"{where}: {src.path} changed since it was registered (sha256 {digest[:12]}… "
            f"!= pinned {src.sha256[:12]}…); if the change is intended, re-pin it with "
            f"`python build.py pin {src.id}`")
    if not src.sha256:
        src.sha256 = digest
    text, src.encoding = decode_text(data, src.encoding, f"{where}: {src.path}")
    return text
