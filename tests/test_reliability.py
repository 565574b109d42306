"""Bad input never crashes, loses data or publishes a wrong page: one row per input.

Each row writes a small project, builds it (through the real CLI in a subprocess
where marked, else build.main), and checks the outcome: a refused input exits 1
with ONE stderr line naming the file and the cause and writes nothing; an
accepted one builds, and every written figure satisfies text[start:end] == mention
with the text decoded from the bytes by the encoding recorded in articles.csv.
"""
from __future__ import annotations

import codecs
import csv
import re
import shutil
from pathlib import Path

import pytest

import build
from etl import extract, site
from etl.errors import BuildError
from etl.lexicon import LEXICON_DIR, load_lexicon
from helpers_project import SAMPLE, build_args, cli, fake_extract, make_project, tree

HOSTILE = ('越南海关<script>alert("x")</script>数据显示,' + SAMPLE +
           "</mark>{{ 7*7 }}{% raw %}\"双引号\" 'single' &amp; <b>粗</b>")


def write(root: Path, text: str) -> None:
    (root / "sources.yaml").write_text(text, encoding="utf-8")


def sources_row(text):
    return lambda root: write(root, text)


def project_row(articles, **extra):
    return lambda root: make_project(root, articles, **extra)


def changed(root):
    make_project(root, {"a.txt": SAMPLE})
    (root / "articles" / "a.txt").write_text(SAMPLE + "又", encoding="utf-8")


def missing_file(root):
    make_project(root, {"a.txt": SAMPLE})
    (root / "articles" / "a.txt").unlink()


# name, setup(root), how ('cli' subprocess or 'main'), expected stderr pattern
REFUSED = [
    ("sources malformed", sources_row("articles:\n  - id: a\n    path: [x\n"), "cli",
     r"sources\.yaml: line \d+ malformed YAML"),
    ("sources missing id", sources_row("articles:\n  - path: articles/a.txt\n"), "main",
     r"sources\.yaml: entry 1: missing 'id'"),
    ("sources missing path", sources_row("articles:\n  - id: a\n"), "main", r"sources\.yaml: entry 1: missing 'path'"),
    ("sources duplicate id", project_row({"a.txt": SAMPLE, "b.txt": SAMPLE + "。"}, b={"id": "a"}), "main",
     r"sources\.yaml: entry 2 \(id a\): duplicate id"),
    ("sources unknown key", project_row({"a.txt": SAMPLE}, a={"titel": "x"}), "cli",
     r"sources\.yaml: entry 1 \(id a\): unknown key 'titel'"),
    ("sources not a list", sources_row("articles: {id: a}\n"), "main", r"sources\.yaml: expected a list"),
    ("sources not UTF-8", lambda root: (root / "sources.yaml").write_bytes(b"articles: [] # \xff\xfe\n"),
     "main", r"sources\.yaml: not UTF-8 text"),
    ("sources bad date", project_row({"a.txt": SAMPLE}, a={"date": "2025/03/01"}), "main",
     r"entry 1 \(id a\): date must be YYYY-MM-DD"),
    ("id with path characters", project_row({"a.txt": SAMPLE}, a={"id": "../../x"}), "main",
     r"entry 1 \(id \.\./\.\./x\): id must be letters"),
    ("article path missing", missing_file, "cli", r"entry 1 \(id a\): article file not found: articles/a\.txt"),
    ("article empty", project_row({"a.txt": ""}), "main", r"entry 1 \(id a\): article file is empty: articles/a\.txt"),
    ("article binary", project_row({"a.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50}), "main",
     r"entry 1 \(id a\): articles/a\.txt: not a text file"),
    ("article undecodable", project_row({"a.txt": bytes(range(128, 256)) * 8}), "main",
     r"entry 1 \(id a\): articles/a\.txt: not a text file"),
    ("article wrong declared encoding", project_row({"a.txt": SAMPLE}, a={"encoding": "utf-16"}), "main",
     r"entry 1 \(id a\): articles/a\.txt: declared encoding utf-16 but the file is UTF-8 text"),
    ("article undecodable in declared encoding", project_row({"a.txt": b"\x81" + SAMPLE.encode("gb18030")},
                                                           a={"encoding": "ascii"}), "main",
     r"entry 1 \(id a\): articles/a\.txt: not valid ascii text"),
    ("article changed since pinned", changed, "cli",
     r"entry 1 \(id a\): articles/a\.txt changed since it was registered .*`python build\.py pin a`"),
    ("url javascript:", project_row({"a.txt": SAMPLE}, a={"url": "javascript:alert(1)"}), "cli",
     r"entry 1 \(id a\): url must be http\(s\)"),
    ("url data:", project_row({"a.txt": SAMPLE}, a={"url": "data:text/html,<script>x</script>"}), "main",
     r"entry 1 \(id a\): url must be http\(s\)"),
    ("review.yaml unknown action", lambda root: (make_project(root, {"a.txt": SAMPLE}), (root / "data").mkdir(),
     (root / "data" / "review.yaml").write_text("- {figure_id: f0123456789ab, action: ok}\n")), "main",
     r"review\.yaml:1: entry 1 \(f0123456789ab\): unknown action 'ok'"),
]


@pytest.mark.parametrize("name, setup, how, says", REFUSED, ids=[r[0] for r in REFUSED])
def test_refused_with_one_line_and_nothing_written(tmp_path, capsys, name, setup, how, says):
    setup(tmp_path)
    before = tree(tmp_path)
    if how == "cli":
        proc = cli(*build_args(tmp_path))
        rc, err = proc.returncode, proc.stderr
    else:
        rc, err = build.main(build_args(tmp_path)), capsys.readouterr().err
    assert rc == 1
    assert err.count("\n") == 1 and err.startswith("build: "), err
    assert re.search(says, err), err
    assert tree(tmp_path) == before                       # no data/, no site/, no staging left


def offsets_hold(root: Path) -> int:
    """Every written figure's span, checked against the article bytes decoded by the recorded encoding."""
    with open(root / "data" / "articles.csv", encoding="utf-8", newline="") as fh:
        arts = {r["article_id"]: r for r in csv.DictReader(fh)}
    with open(root / "data" / "figures.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        a = arts[r["article_id"]]
        text = (root / a["path"]).read_bytes().decode(a["encoding"])
        assert text[int(r["start"]):int(r["end"])] == r["mention"]
        assert text[int(r["quote_start"]):int(r["quote_end"])] == r["quote"]
    return len(rows)


CRLF = "越南统计局:\r\n" + SAMPLE.replace(",", ",\r\n") + "\r\n另据报道,2023年双边贸易额达2143亿美元。\r\n"
ACCEPTED = [
    ("GB18030 undeclared", {"a.txt": ("越南统计局:" + SAMPLE).encode("gb18030")}, "gb18030"),
    ("GBK undeclared", {"a.txt": ("越南统计局:" + SAMPLE).encode("gbk")}, "gb18030"),
    ("UTF-8 with BOM", {"a.txt": codecs.BOM_UTF8 + SAMPLE.encode()}, "utf-8"),
    ("CRLF line ends", {"a.txt": CRLF}, "utf-8"),
    ("CR-only line ends", {"a.txt": CRLF.replace("\r\n", "\r")}, "utf-8"),
    ("GB18030 with CRLF", {"a.txt": CRLF.encode("gb18030")}, "gb18030"),
]


@pytest.mark.parametrize("name, articles, encoding", ACCEPTED, ids=[r[0] for r in ACCEPTED])
def test_accepted_with_offsets_that_hold(tmp_path, name, articles, encoding):
    make_project(tmp_path, articles)
    assert build.main(build_args(tmp_path)) == 0
    assert offsets_hold(tmp_path) >= 1
    assert f",{encoding}," in (tmp_path / "data" / "articles.csv").read_text(encoding="utf-8")


def test_ten_megabyte_article_builds(tmp_path, monkeypatch):
    """The I/O shell (read, hash, decode, cache, CSVs, a 10 MB article page) with a stand-in
    extractor: the real extractor's time and memory on 10 MB are measured by scripts/bench.py."""
    monkeypatch.setattr(extract, "extract_article", fake_extract)
    filler = "这是一段没有数字的普通文字，用来填充文章的长度。\n"
    big = (SAMPLE + "\n" + filler * (10_000_000 // len(filler.encode()))).encode()
    assert len(big) >= 9_900_000
    make_project(tmp_path, {"big.txt": big})
    assert build.main(build_args(tmp_path)) == 0
    assert offsets_hold(tmp_path) == 1
    assert (tmp_path / "site" / "articles" / "big.html").stat().st_size > 9_000_000


def test_hostile_text_is_escaped_everywhere(tmp_path):
    make_project(tmp_path, {"a.txt": HOSTILE},
                 a={"title": "<script>alert(1)</script>{{ 7*7 }}\"'", "publisher": "</mark><i>x</i>",
                    "url": "https://example.org/?a=\"><script>alert(1)</script>"})
    assert build.main(build_args(tmp_path)) == 0
    assert offsets_hold(tmp_path) >= 1
    pages = {p: p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*.html")}
    article = pages[tmp_path / "site" / "articles" / "a.html"]
    assert "&lt;script&gt;alert(" in article and "{{ 7*7 }}{% raw %}" in article   # never evaluated
    assert "&lt;/mark&gt;" in article and "&lt;b&gt;粗&lt;/b&gt;" in article
    for path, html in pages.items():
        assert "<script>alert" not in html and "alert(1)</script>" not in html, path
        assert "<i>x</i>" not in html and "<b>粗" not in html, path
        assert html.count("<mark") == html.count("</mark>"), path
        assert html.count("<script") == html.count("</script>"), path
        for attr in re.findall(r'\s[a-z-]+="([^"]*)"', html):
            assert "<" not in attr and "'single'" not in attr, (path, attr)


LEXICON_TYPOS = [
    ("unit form twice", "units.yaml", "forms: [吨]", "forms: [吨, 列]", r"unit form '列' listed twice"),
    ("unknown unit", "indicators.yaml", "units: [trains]\n    keywords: [日均", "units: [trainz]\n    keywords: [日均",
     r"unknown unit"),
    ("duplicate alias", "entities.yaml", "KHM: [柬埔寨]", "KHM: [柬埔寨, 越南]", r"given twice"),
]


@pytest.mark.parametrize("name, file, old, new, says", LEXICON_TYPOS, ids=[r[0] for r in LEXICON_TYPOS])
def test_lexicon_typo_names_file_and_line(tmp_path, name, file, old, new, says):
    lexdir = tmp_path / "lexicon"
    shutil.copytree(LEXICON_DIR, lexdir)
    path = lexdir / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    line = text[:text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(BuildError) as err:
        load_lexicon(lexdir)
    assert re.search(says, str(err.value)), err.value
    assert re.search(rf"{re.escape(file)}:({line}|{line + 1})\b", str(err.value)), err.value


def test_build_killed_half_way_leaves_previous_outputs(tmp_path, monkeypatch):
    make_project(tmp_path, {"a.txt": SAMPLE})
    assert build.main(build_args(tmp_path)) == 0
    previous = {k: v for k, v in tree(tmp_path).items() if k.startswith(("data/", "site/"))}
    make_project(tmp_path, {"a.txt": SAMPLE, "b.txt": "据统计," + SAMPLE})

    def dies(ctx, site_dir):
        (Path(site_dir) / "index.html").write_text("half a page", encoding="utf-8")
        raise KeyboardInterrupt
    monkeypatch.setattr(site, "render", dies)
    with pytest.raises(KeyboardInterrupt):
        build.main(build_args(tmp_path))
    after = tree(tmp_path)
    assert {k: v for k, v in after.items() if k.startswith(("data/", "site/"))} == previous
    assert not [k for k in after if ".staging" in k or ".old-site" in k]
