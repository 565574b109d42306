"""Write the tidy CSVs, and swap build outputs into place only when complete.

A build writes data/*.csv and the whole site into staging folders; `staged`
moves them over the previous outputs at the very end, so a build that fails
half way leaves the previous data/ and site/ exactly as they were.
"""
from __future__ import annotations

import contextlib
import csv
import io
import os
import shutil
import tempfile
from pathlib import Path

from .errors import BuildError
from .model import ARTICLE_COLUMNS, FIGURE_COLUMNS, Figure, Source, format_value


def figure_rows(figures: list[Figure]) -> list[dict]:
    rows = []
    for f in figures:
        r = f.row()
        r["value"] = format_value(f.value)
        r["value_max"] = format_value(f.value_max) if f.value_max is not None else ""
        r["change_pct"] = format_value(f.change_pct) if f.change_pct is not None else ""
        rows.append(r)
    return rows


def article_rows(sources: list[Source], figures: list[Figure]) -> list[dict]:
    rows = []
    for s in sources:
        mine = [f for f in figures if f.article_id == s.id]
        rows.append({
            "article_id": s.id, "title": s.title, "title_derived": str(s.title_derived).lower(),
            "publisher": s.publisher, "date": s.date, "date_derived": str(s.date_derived).lower(),
            "url": s.url, "language": s.language, "path": s.path, "encoding": s.encoding,
            "sha256": s.sha256, "n_figures": len(mine),
            "n_published": sum(f.status == "published" for f in mine),
            "n_review": sum(f.status == "review" for f in mine),
        })
    return rows


def csv_text(rows: list[dict], columns: list[str]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def verify_provenance(figures: list[Figure], texts: dict[str, str]) -> None:
    """Refuse to write any figure whose mention is not exactly text[start:end]."""
    for f in figures:
        text = texts.get(f.article_id)
        if text is None or text[f.start:f.end] != f.mention or text[f.quote_start:f.quote_end] != f.quote:
            raise BuildError(f"article {f.article_id}: figure {f.figure_id} at [{f.start}:{f.end}] "
                             f"does not match its mention {f.mention!r}; nothing was written")


def write_data(data_dir: Path, sources: list[Source], figures: list[Figure]) -> None:
    verify_provenance(figures, {s.id: s.text for s in sources})
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "figures.csv").write_text(csv_text(figure_rows(figures), FIGURE_COLUMNS), encoding="utf-8")
    (data_dir / "articles.csv").write_text(csv_text(article_rows(sources, figures), ARTICLE_COLUMNS),
                                           encoding="utf-8")


@contextlib.contextmanager
def staged(data_dir: Path, site_dir: Path):
    """Yield (tmp_data, tmp_site); on success move them over data_dir's CSVs and site_dir."""
    data_dir, site_dir = Path(data_dir), Path(site_dir)
    for d in (data_dir.parent, site_dir.parent):
        d.mkdir(parents=True, exist_ok=True)
    tmp_data = Path(tempfile.mkdtemp(prefix=".staging-data-", dir=data_dir.parent))
    tmp_site = Path(tempfile.mkdtemp(prefix=".staging-site-", dir=site_dir.parent))
    try:
        yield tmp_data, tmp_site
        data_dir.mkdir(parents=True, exist_ok=True)
        old_site = None
        if site_dir.exists():
            old_site = Path(tempfile.mkdtemp(prefix=".old-site-", dir=site_dir.parent))
            os.rmdir(old_site)
            os.replace(site_dir, old_site)
        os.replace(tmp_site, site_dir)
        for f in sorted(tmp_data.iterdir()):
            os.replace(f, data_dir / f.name)
        if old_site is not None:
            shutil.rmtree(old_site, ignore_errors=True)
    finally:
        shutil.rmtree(tmp_data, ignore_errors=True)
        shutil.rmtree(tmp_site, ignore_errors=True)
