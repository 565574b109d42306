"""The build as a whole: reproducible outputs, provenance re-checked before writing,
and outputs swapped in only when complete."""
import dataclasses

import pytest

import build
from etl import load, pipeline, site
from etl.errors import BuildError
from helpers_project import ROOT, SAMPLE, build_args, make_project, tree


def test_two_builds_are_byte_identical(tmp_path):
    """Cold cache into one folder, warm cache into another: the same bytes everywhere."""
    sources = ROOT / "sources.yaml"
    outs = []
    for n in (1, 2):
        d = tmp_path / f"out{n}"
        assert build.main(["--sources", str(sources), "--data", str(d / "data"), "--site", str(d / "site")]) == 0
        outs.append((tree(d / "data"), tree(d / "site")))
    assert outs[0] == outs[1]
    assert outs[0][0]["figures.csv"].count(b"\n") > 20 and len(outs[0][1]) > 10


def test_provenance_is_rechecked_before_anything_is_written(tmp_path):
    make_project(tmp_path, {"a.txt": SAMPLE})
    ctx = pipeline.gather(tmp_path / "sources.yaml")
    good = ctx.figures[0]
    load.verify_provenance(ctx.figures, {s.id: s.text for s in ctx.sources})
    for bad in (dataclasses.replace(good, start=good.start + 1),
                dataclasses.replace(good, mention=good.mention + "x"),
                dataclasses.replace(good, quote_end=good.quote_end - 1),
                dataclasses.replace(good, article_id="missing")):
        ctx.figures = [bad]
        with pytest.raises(BuildError, match=f"figure {good.figure_id} .* does not match its mention"):
            pipeline.publish(ctx, tmp_path / "data", tmp_path / "site")
        assert not (tmp_path / "data").exists() and not (tmp_path / "site").exists()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["articles", "sources.yaml"]


def test_failed_render_leaves_previous_outputs_untouched(tmp_path, monkeypatch):
    make_project(tmp_path, {"a.txt": SAMPLE})
    assert build.main(build_args(tmp_path)) == 0
    before = tree(tmp_path)
    make_project(tmp_path, {"a.txt": SAMPLE, "b.txt": "据统计," + SAMPLE})
    before_sources = tree(tmp_path)

    def render(ctx, site_dir):
        (site_dir / "index.html").write_text("half", encoding="utf-8")
        raise RuntimeError("killed")
    monkeypatch.setattr(site, "render", render)
    with pytest.raises(RuntimeError):
        build.main(build_args(tmp_path))
    assert tree(tmp_path) == before_sources
    assert {k: v for k, v in before.items() if k.startswith(("data/", "site/"))} == \
           {k: v for k, v in tree(tmp_path).items() if k.startswith(("data/", "site/"))}


def test_gather_keeps_the_interface(tmp_path):
    make_project(tmp_path, {"a.txt": SAMPLE})
    ctx = pipeline.gather(str(tmp_path / "sources.yaml"))
    assert [s.id for s in ctx.sources] == ["a"] and ctx.figures and ctx.messages == []
    pipeline.publish(ctx, str(tmp_path / "data"), str(tmp_path / "site"))
    assert (tmp_path / "data" / "figures.csv").exists() and (tmp_path / "site" / "index.html").exists()
