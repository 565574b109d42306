"""`build.py add` and `build.py pin`: register article files in sources.yaml.

add copies each file, unchanged, into articles/ beside the sources file and
appends its entry (sha256, encoding when not UTF-8, title and date from the
flags or derived from the text). Every check runs before anything is changed:
a refused add copies no file and leaves sources.yaml as it was. The returned
`undo` puts both back, for when the rebuild that follows fails.
"""
from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import registry
from .derive import derive_date, derive_title
from .errors import BuildError
from .sources import DATE_RE, ID_RE, URL_RE, decode_text, load_sources

ARTICLES_DIR = "articles"


@dataclass
class Meta:
    """What the user gave on the command line; None = not given (derive it)."""
    id: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    publisher: str | None = None


@dataclass
class Plan:
    """One file to add: where it goes and the entry that registers it."""
    source: Path
    dest: Path
    copy: bool
    fields: dict


def expand(paths: list[str | Path]) -> list[Path]:
    """Files as given; a folder gives every .txt in it, sorted."""
    out = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.glob("*.txt") if f.is_file())
            if not found:
                raise BuildError(f"{p}: no .txt files in this folder")
            out += found
        elif p.is_file():
            out.append(p)
        else:
            raise BuildError(f"{p}: no such file or folder")
    return out


def slug_id(name: str, digest: str, taken: set[str]) -> str:
    """An ASCII-safe id from a file name, made unique against `taken` with -2, -3, …"""
    base = re.sub(r"[^a-z0-9._-]+", "-", Path(name).stem.lower()).strip("-._")[:70]
    base = base or f"article-{digest[:8]}"
    sid, n = base, 2
    while sid in taken:
        sid, n = f"{base}-{n}", n + 1
    return sid


def pinned_sha(src) -> str:
    """The entry's pinned sha256, or its file's when it has none pinned."""
    if src.sha256 or not Path(src.abspath).is_file():
        return src.sha256
    return hashlib.sha256(Path(src.abspath).read_bytes()).hexdigest()


def check_meta(meta: Meta, n_files: int) -> None:
    if meta.id is not None and n_files != 1:
        raise BuildError(f"--id names one article, but {n_files} files were given")
    if meta.id is not None and not ID_RE.match(meta.id):
        raise BuildError(f"--id {meta.id!r}: id must be letters, digits, '-', '_' or '.'")
    if meta.date and not DATE_RE.match(meta.date):
        raise BuildError(f"--date must be YYYY-MM-DD or YYYY-MM, got {meta.date!r}")
    if meta.url and not URL_RE.match(meta.url.strip()):
        raise BuildError(f"--url must be http(s), got {meta.url[:40]!r}")


def entry_fields(sid: str, rel: str, text: str, encoding: str, digest: str, meta: Meta) -> dict:
    """The new entry, in sources.yaml's documented key order."""
    title = meta.title if meta.title is not None else derive_title(text)
    date = meta.date if meta.date is not None else derive_date(text)
    return {"id": sid, "path": rel, "title": title,
            "title_derived": True if meta.title is None and title else None,
            "publisher": meta.publisher or "", "date": date,
            "date_derived": True if meta.date is None and date else None,
            "url": (meta.url or "").strip(), "language": "zh-Hans",
            "encoding": encoding if encoding != "utf-8" else None, "sha256": digest}


def plan(paths: list[str | Path], sources_path: Path, meta: Meta) -> list[Plan]:
    """Check every file and build its entry; raises BuildError before anything changes."""
    existing = load_sources(sources_path, read_text=False) if sources_path.exists() else []
    files = expand(paths)
    check_meta(meta, len(files))
    shas = {pinned_sha(s): s.id for s in existing}
    ids = {s.id for s in existing}
    paths_taken = {Path(s.abspath): s.id for s in existing}
    articles = sources_path.resolve().parent / ARTICLES_DIR
    plans = []
    for f in files:
        data = f.read_bytes()
        if not data.strip():
            raise BuildError(f"{f}: empty file, nothing to add")
        text, encoding = decode_text(data, "", str(f))
        digest = hashlib.sha256(data).hexdigest()
        if digest in shas:
            raise BuildError(f"{f}: already registered as '{shas[digest]}' (same sha256)")
        dest = articles / f.name
        if dest in paths_taken:
            raise BuildError(f"{f}: {ARTICLES_DIR}/{f.name} is already registered as '{paths_taken[dest]}' "
                             f"with other content; rename the file, or `python build.py pin "
                             f"{paths_taken[dest]}` if it is a new version")
        if dest.exists() and dest.read_bytes() != data:
            raise BuildError(f"{f}: {ARTICLES_DIR}/{f.name} already exists with other content; rename the file")
        if meta.id is not None and meta.id in ids:
            raise BuildError(f"{f}: id '{meta.id}' is already in use")
        sid = meta.id if meta.id is not None else slug_id(f.name, digest, ids)
        fields = entry_fields(sid, f"{ARTICLES_DIR}/{f.name}", text, encoding, digest, meta)
        plans.append(Plan(f, dest, not dest.exists(), fields))
        shas[digest], paths_taken[dest] = sid, sid
        ids.add(sid)
    return plans


def add(paths: list[str | Path], sources_path: str | Path, meta: Meta | None = None) -> tuple[list[str], Callable]:
    """Register the files; returns (the ids added, undo)."""
    sources_path = Path(sources_path)
    plans = plan(paths, sources_path, meta or Meta())
    yaml, doc, entries = registry.read(sources_path)
    before = sources_path.read_bytes() if sources_path.exists() else None
    for p in plans:
        entries.append(registry.entry(p.fields))
    copied = []

    def undo() -> None:
        for dest in copied:
            dest.unlink(missing_ok=True)
        if before is None:
            sources_path.unlink(missing_ok=True)
        else:
            registry.write_atomic(sources_path, before.decode("utf-8"))

    try:
        for p in plans:
            if p.copy:
                p.dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(p.source, p.dest)
                copied.append(p.dest)
        registry.write_atomic(sources_path, registry.dump(yaml, doc))
    except BaseException:
        undo()
        raise
    return [p.fields["id"] for p in plans], undo


def pin(sources_path: str | Path, sid: str) -> tuple[str, Callable]:
    """Record the current sha256 (and detected encoding) of article `sid`; returns (message, undo)."""
    sources_path = Path(sources_path)
    src = next((s for s in load_sources(sources_path, read_text=False) if s.id == sid), None)
    if src is None:
        raise BuildError(f"{sources_path}: no article with id '{sid}'")
    if not Path(src.abspath).is_file():
        raise BuildError(f"{sources_path}: article '{sid}': file not found: {src.path}")
    data = Path(src.abspath).read_bytes()
    if not data.strip():
        raise BuildError(f"{sources_path}: article '{sid}': file is empty: {src.path}")
    _, encoding = decode_text(data, src.encoding, f"{src.path}")
    digest = hashlib.sha256(data).hexdigest()
    if digest == src.sha256:
        return f"pin: {sid} is already pinned to {digest[:12]}…", lambda: None
    yaml, doc, entries = registry.read(sources_path)
    item = next(e for e in entries if str(e.get("id")) == sid)
    item["sha256"] = digest
    if encoding != "utf-8" and not src.encoding:
        item["encoding"] = encoding
    before = sources_path.read_text(encoding="utf-8")
    registry.write_atomic(sources_path, registry.dump(yaml, doc))
    return (f"pin: {sid} re-pinned, sha256 {(src.sha256 or 'none')[:12]}… -> {digest[:12]}…",
            lambda: registry.write_atomic(sources_path, before))
