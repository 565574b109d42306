"""Extraction results cached per article, so a rebuild re-extracts only what changed.

One JSON file per article under .cache/extract/ (or $DASHBOARD_CACHE_DIR), named
by what the extractor reads from the article (its sha256, id, date, encoding).
Inside, the extractor version (a hash of etl/*.py and etl/lexicon/*.yaml) and the
Figure schema: a file whose version or schema differs, or that does not parse,
is ignored and rewritten, never trusted. Files are written atomically.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path

from .model import Figure, Source

ETL_DIR = Path(__file__).resolve().parent
DEFAULT_DIR = ETL_DIR.parent / ".cache" / "extract"
ENV_VAR = "DASHBOARD_CACHE_DIR"
SCHEMA = [f.name for f in dataclasses.fields(Figure)]


def cache_dir() -> Path:
    """Where the cache lives: $DASHBOARD_CACHE_DIR, else .cache/extract/ in the project."""
    return Path(os.environ.get(ENV_VAR) or DEFAULT_DIR)


def code_files(etl_dir: Path = ETL_DIR) -> list[Path]:
    """The files whose bytes make the extractor version: etl/*.py and etl/lexicon/*.yaml, sorted."""
    return sorted(etl_dir.glob("*.py")) + sorted((etl_dir / "lexicon").glob("*.yaml"))


def extractor_version(etl_dir: Path = ETL_DIR) -> str:
    """Hash of the names and bytes of every code and lexicon file."""
    h = hashlib.sha256()
    for f in code_files(etl_dir):
        h.update(f.relative_to(etl_dir).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


@functools.lru_cache(maxsize=1)
def current_version() -> str:
    return extractor_version()


def article_key(src: Source) -> str:
    """File name for an article's entry: everything of the Source the extractor reads."""
    raw = json.dumps([src.sha256, src.id, src.date, src.encoding], ensure_ascii=False)
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def encode(figures: list[Figure], version: str) -> str:
    return json.dumps({"schema": SCHEMA, "version": version,
                       "figures": [dataclasses.asdict(f) for f in figures]},
                      ensure_ascii=False, sort_keys=True)


def decode(raw: str, version: str) -> list[Figure] | None:
    """The cached figures, or None when the entry is corrupt, stale or of another schema."""
    try:
        doc = json.loads(raw)
        if doc["version"] != version or doc["schema"] != SCHEMA:
            return None
        figures = []
        for d in doc["figures"]:
            if sorted(d) != sorted(SCHEMA):
                return None
            figures.append(Figure(**d))
        return figures
    except (ValueError, KeyError, TypeError):
        return None


def load(src: Source, version: str | None = None, directory: Path | None = None) -> list[Figure] | None:
    path = (directory or cache_dir()) / f"{article_key(src)}.json"
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return decode(raw, version or current_version())


def store(src: Source, figures: list[Figure], version: str | None = None,
          directory: Path | None = None) -> None:
    """Write the entry atomically (temp file + rename); a cache that cannot be written is skipped."""
    directory = directory or cache_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=directory)
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(encode(figures, version or current_version()))
        os.replace(tmp, directory / f"{article_key(src)}.json")
    except OSError:
        Path(tmp).unlink(missing_ok=True)
