"""Edit sources.yaml in place, keeping its comments, key order and layout.

ruamel.yaml's round-trip mode re-emits every entry it did not touch as it was
written (comments, quoting, order, indentation guessed from the file), so
`build.py add` and `build.py pin` change only the lines they mean to.
PyYAML would drop every comment and re-sort or re-quote what it rewrote.
"""
from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.util import load_yaml_guess_indent

from .errors import BuildError

NEW_FILE = "# The articles the dashboard is built from (see README: adding an article).\narticles: []\n"


def read(path: Path) -> tuple[YAML, object, CommentedSeq]:
    """(yaml, document, list of entries) of a sources file; a missing file starts empty."""
    text = path.read_text(encoding="utf-8") if path.exists() else NEW_FILE
    try:
        doc, indent, block_seq_indent = load_yaml_guess_indent(text)
    except Exception as exc:   # ruamel raises several unrelated types for malformed YAML
        raise BuildError(f"{path}: malformed YAML ({str(exc).splitlines()[0]})") from None
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    offset, seq = block_seq_indent or 0, indent or 2
    yaml.indent(mapping=max(2, seq - offset), sequence=seq, offset=offset)
    entries = doc.get("articles") if isinstance(doc, dict) else doc
    if isinstance(doc, dict) and entries is None:
        entries = doc["articles"] = CommentedSeq()
    if not isinstance(entries, list):
        raise BuildError(f"{path}: expected a list of articles (top level or under 'articles:')")
    return yaml, doc, entries


def dump(yaml: YAML, doc) -> str:
    buf = io.StringIO()
    yaml.dump(doc, buf)
    return buf.getvalue()


def write_atomic(path: Path, text: str) -> None:
    """Replace path's content in one rename, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def entry(fields: dict) -> CommentedMap:
    """A new sources.yaml entry with its keys in the documented order, empty extras left out."""
    return CommentedMap((k, v) for k, v in fields.items() if v is not None)
