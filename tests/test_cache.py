"""The extraction cache: exact round trip, never trusting a corrupt or stale entry, and
incremental rebuilds (only new articles re-extracted; a lexicon change re-extracts all)."""
import io
import json
import shutil

import pytest

from etl import cache, extract, pipeline, progress
from etl.model import Figure
from etl.sources import load_sources
from helpers_project import SAMPLE, make_project


@pytest.fixture
def counted(monkeypatch):
    """The real extractor, counting the articles it is asked to read."""
    calls, real = [], extract.extract_article
    monkeypatch.setattr(extract, "extract_article", lambda src: calls.append(src.id) or real(src))
    return calls


@pytest.fixture
def one(tmp_path):
    src = load_sources(make_project(tmp_path, {"a.txt": SAMPLE}))[0]
    return src, extract.extract_article(src)


def test_round_trip_is_exact(one, tmp_path):
    src, figures = one
    assert figures and any(f.change_pct is not None for f in figures)
    odd = Figure(**{**figures[0].__dict__, "value": 0.1 + 0.2, "value_max": 1e300, "change_pct": None})
    cache.store(src, figures + [odd], "v1", tmp_path / "c")
    back = cache.load(src, "v1", tmp_path / "c")
    assert back == figures + [odd]
    kinds = lambda figs: [str if isinstance(v, str) else type(v) for f in figs for v in f.__dict__.values()]
    assert kinds(back) == kinds(figures + [odd])


@pytest.mark.parametrize("spoil", [
    lambda raw: raw[: len(raw) // 2],                                        # truncated
    lambda raw: "\x00garbage",                                               # not JSON
    lambda raw: json.dumps({**json.loads(raw), "version": "old"}),           # stale extractor
    lambda raw: json.dumps({**json.loads(raw), "schema": ["article_id"]}),   # other schema
    lambda raw: raw.replace('"mention"', '"mentionx"'),                      # field renamed
    lambda raw: json.dumps({**json.loads(raw), "figures": [{"start": "x"}]}),
])
def test_corrupt_or_stale_entries_are_ignored_and_rewritten(one, tmp_path, spoil):
    src, figures = one
    d = tmp_path / "c"
    cache.store(src, figures, "v1", d)
    entry = d / f"{cache.article_key(src)}.json"
    entry.write_text(spoil(entry.read_text(encoding="utf-8")), encoding="utf-8")
    assert cache.load(src, "v1", d) is None
    cache.store(src, figures, "v1", d)
    assert cache.load(src, "v1", d) == figures
    assert [p.name for p in d.iterdir()] == [entry.name]     # no temp files left behind


def test_key_changes_with_what_the_extractor_reads(one):
    src, _ = one
    keys = {cache.article_key(src)}
    for change in ({"sha256": "0" * 64}, {"id": "b"}, {"date": "2026-01"}, {"encoding": "gb18030"}):
        keys.add(cache.article_key(type(src)(**{**src.__dict__, **change})))
    assert len(keys) == 5


def test_version_changes_with_code_or_lexicon(tmp_path):
    etl = tmp_path / "etl"
    shutil.copytree(cache.ETL_DIR, etl, ignore=shutil.ignore_patterns("__pycache__"))
    v0 = cache.extractor_version(etl)
    assert v0 == cache.extractor_version(etl) == cache.extractor_version()
    units = etl / "lexicon" / "units.yaml"
    units.write_bytes(units.read_bytes() + b"\n")
    v1 = cache.extractor_version(etl)
    (etl / "numbers.py").write_bytes((etl / "numbers.py").read_bytes() + b"\n")
    assert len({v0, v1, cache.extractor_version(etl)}) == 3


def test_rebuild_extracts_only_the_new_article(tmp_path, counted):
    path = make_project(tmp_path, {"a.txt": SAMPLE, "b.txt": "2023年" + SAMPLE[4:]})
    first = pipeline.gather(path)
    assert sorted(counted) == ["a", "b"] and first.n_extracted == 2
    make_project(tmp_path, {"a.txt": SAMPLE, "b.txt": "2023年" + SAMPLE[4:], "c.txt": "据统计," + SAMPLE})
    counted.clear()
    second = pipeline.gather(path)
    assert counted == ["c"] and second.n_extracted == 1
    assert second.figures[: len(first.figures)] == first.figures


def test_lexicon_change_extracts_everything_again(tmp_path, counted, monkeypatch):
    path = make_project(tmp_path, {"a.txt": SAMPLE, "b.txt": "据统计," + SAMPLE})
    pipeline.gather(path)
    monkeypatch.setattr(cache, "current_version", lambda: "another lexicon")
    counted.clear()
    assert pipeline.gather(path).n_extracted == 2 and sorted(counted) == ["a", "b"]


def test_default_cache_dir_is_out_of_git_and_overridable(monkeypatch, tmp_path):
    monkeypatch.delenv(cache.ENV_VAR)
    assert cache.cache_dir() == cache.ETL_DIR.parent / ".cache" / "extract"
    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path))
    assert cache.cache_dir() == tmp_path


def test_progress_plain_lines_when_not_a_terminal(monkeypatch):
    out = io.StringIO()
    assert list(progress.progress(range(25), 25, "extract", stream=out)) == list(range(25))
    lines = out.getvalue().splitlines()
    assert lines[0] == "extract: 2/25" and lines[-1] == "extract: 25/25" and len(lines) == 10
    quiet = io.StringIO()
    assert list(progress.progress(range(5), 5, "extract", stream=quiet)) == list(range(5))
    assert quiet.getvalue() == ""


def test_progress_bar_only_on_a_terminal_outside_ci(monkeypatch):
    class Tty(io.StringIO):
        def isatty(self):
            return True
    monkeypatch.delenv("CI", raising=False)
    assert progress.interactive(Tty()) and not progress.interactive(io.StringIO())
    monkeypatch.setenv("CI", "true")
    assert not progress.interactive(Tty())
    monkeypatch.delenv("CI")
    out = Tty()
    assert list(progress.progress(range(30), 30, "extract", stream=out)) == list(range(30))
    assert out.getvalue().startswith("\rextract:") and "/30" in out.getvalue()
