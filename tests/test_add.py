"""`build.py add` and `build.py pin`: files copied unchanged, entries appended with
comments and order kept, derived title/date marked, refusals change nothing."""
import codecs
import hashlib
import shutil

import pytest
import yaml

import build
from etl import add, derive
from etl.errors import BuildError
from helpers_project import ROOT, SAMPLE, build_args, make_project, tree


@pytest.fixture
def proj(tmp_path):
    """A copy of the bundled project (sources.yaml with its comments, the five seed articles)."""
    shutil.copyfile(ROOT / "sources.yaml", tmp_path / "sources.yaml")
    shutil.copytree(ROOT / "articles", tmp_path / "articles")
    return tmp_path


def entries(proj):
    return yaml.safe_load((proj / "sources.yaml").read_text(encoding="utf-8"))["articles"]


def run_add(proj, *args):
    return build.main(["add", *map(str, args), *build_args(proj)])


def test_add_copies_registers_and_rebuilds(proj, tmp_path_factory, capsys):
    new = tmp_path_factory.mktemp("in") / "My Article (1).txt"
    new.write_bytes(("## 2. 中越贸易再创新高\n\n" + SAMPLE).encode())
    before = (proj / "sources.yaml").read_text(encoding="utf-8")
    assert run_add(proj, new) == 0
    assert (proj / "articles" / new.name).read_bytes() == new.read_bytes()
    after = (proj / "sources.yaml").read_text(encoding="utf-8")
    assert after.startswith(before)                      # comments, order, layout of the rest kept
    e = entries(proj)[-1]
    assert e == {"id": "my-article-1", "path": f"articles/{new.name}", "title": "中越贸易再创新高",
                 "title_derived": True, "publisher": "", "date": "", "url": "", "language": "zh-Hans",
                 "sha256": hashlib.sha256(new.read_bytes()).hexdigest()}
    assert "my-article-1" in (proj / "data" / "figures.csv").read_text(encoding="utf-8")
    assert (proj / "site" / "articles" / "my-article-1.html").exists()
    assert "add: registered my-article-1" in capsys.readouterr().out


def test_flags_win_and_are_not_marked_derived(proj, tmp_path_factory):
    new = tmp_path_factory.mktemp("in") / "x.txt"
    new.write_text(" date 2026-01-01 " + SAMPLE, encoding="utf-8")
    assert run_add(proj, new, "--id", "vn-trade", "--title", "<Mine>", "--date", "2025-12",
                   "--url", "https://example.org/a", "--publisher", "新华社") == 0
    e = entries(proj)[-1]
    assert (e["id"], e["title"], e["date"], e["url"], e["publisher"]) == \
           ("vn-trade", "<Mine>", "2025-12", "https://example.org/a", "新华社")
    assert "title_derived" not in e and "date_derived" not in e


def test_folder_adds_every_txt_sorted_and_ids_stay_unique(proj, tmp_path_factory):
    folder = tmp_path_factory.mktemp("in")
    for name, text in [("b.txt", "据统计," + SAMPLE), ("a.txt", SAMPLE), ("note.md", "x"),
                       ("中文.txt", "2023年" + SAMPLE[4:])]:
        (folder / name).write_text(text, encoding="utf-8")
    sub = tmp_path_factory.mktemp("in2")
    (sub / "a.txt").write_text("2022年" + SAMPLE[4:], encoding="utf-8")
    assert run_add(proj, folder) == 0
    added = entries(proj)[5:]
    assert [e["path"] for e in added] == ["articles/a.txt", "articles/b.txt", "articles/中文.txt"]
    assert [e["id"] for e in added[:2]] == ["a", "b"] and added[2]["id"].startswith("article-")
    assert run_add(proj, sub) == 1        # same name, other content: refused, not overwritten


def test_gb18030_and_bom_files_are_stored_unchanged(proj, tmp_path_factory):
    folder = tmp_path_factory.mktemp("in")
    (folder / "gb.txt").write_bytes(("越南统计局消息," + SAMPLE).encode("gb18030"))
    (folder / "bom.txt").write_bytes(codecs.BOM_UTF8 + ("海关总署数据显示," + SAMPLE).encode())
    assert run_add(proj, folder) == 0
    bom, gb = entries(proj)[5:]
    assert gb["encoding"] == "gb18030" and gb["title"] == "越南统计局消息," + SAMPLE[:-1]
    assert "encoding" not in bom and bom["title"] == "海关总署数据显示," + SAMPLE[:-1]
    for name in ("gb.txt", "bom.txt"):
        assert (proj / "articles" / name).read_bytes() == (folder / name).read_bytes()


@pytest.mark.parametrize("make, args, says", [
    (lambda d: shutil.copyfile(ROOT / "articles/001_ff5f0781fb2903c3.txt", d / "renamed.txt"), [],
     "already registered as 'vn-pm-meets-cn-ambassador-2026'"),
    (lambda d: (d / "n.txt").write_text(SAMPLE, encoding="utf-8"), ["--id", "us-vn-defence-2017"],
     "id 'us-vn-defence-2017' is already in use"),
    (lambda d: (d / "n.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00IHDR"), [], "not a text file"),
    (lambda d: (d / "n.txt").write_bytes(bytes(range(128, 256)) * 4), [], "not a text file"),
    (lambda d: (d / "n.txt").write_bytes(b"  \n"), [], "empty file"),
    (lambda d: (d / "n.txt").write_text(SAMPLE, encoding="utf-8"), ["--url", "javascript:alert(1)"], "--url must be http"),
    (lambda d: (d / "n.txt").write_text(SAMPLE, encoding="utf-8"), ["--date", "yesterday"], "--date must be"),
    (lambda d: (d / "000_a8854fe5a056a486.txt").write_text(SAMPLE, encoding="utf-8"), [],
     "already registered as 'vn-us-surplus-2026' with other content"),
])
def test_refusals_change_nothing(proj, tmp_path_factory, make, args, says, capsys):
    folder = tmp_path_factory.mktemp("in")
    make(folder)
    before = tree(proj)
    assert run_add(proj, *sorted(folder.iterdir()), *args) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and says in err
    assert tree(proj) == before


def test_failed_rebuild_undoes_the_add(proj, tmp_path_factory, monkeypatch, capsys):
    from etl import site
    new = tmp_path_factory.mktemp("in") / "n.txt"
    new.write_text(SAMPLE, encoding="utf-8")
    before = tree(proj)
    monkeypatch.setattr(site, "render", lambda ctx, d: (_ for _ in ()).throw(BuildError("render: broken")))
    assert run_add(proj, new) == 1
    assert "render: broken (the add was undone)" in capsys.readouterr().err
    assert tree(proj) == before


def test_pin_records_the_new_sha256(proj, capsys):
    art = proj / "articles" / "000_a8854fe5a056a486.txt"
    art.write_bytes(art.read_bytes() + "。".encode())
    assert build.main(build_args(proj)) == 1
    assert "`python build.py pin vn-us-surplus-2026`" in capsys.readouterr().err
    before = (proj / "sources.yaml").read_text(encoding="utf-8")
    assert build.main(["pin", "vn-us-surplus-2026", *build_args(proj)]) == 0
    assert "re-pinned" in capsys.readouterr().out
    after = (proj / "sources.yaml").read_text(encoding="utf-8")
    old = entries(proj)[0]["sha256"]
    assert old == hashlib.sha256(art.read_bytes()).hexdigest()
    assert [l for l in before.splitlines() if l not in after.splitlines()] == [f"    sha256: {l}" for l in [
        "28f7f500755ae5ad3a9f2f9206842bdbaa2068bd564bccd98612084759811dad"]]
    assert build.main(["pin", "vn-us-surplus-2026", *build_args(proj)]) == 0
    assert "already pinned" in capsys.readouterr().out
    assert build.main(["pin", "nope", *build_args(proj)]) == 1
    assert "no article with id 'nope'" in capsys.readouterr().err


def test_add_creates_a_missing_sources_file(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(SAMPLE, encoding="utf-8")
    ids, _ = add.add([tmp_path / "in"], tmp_path / "proj" / "sources.yaml")
    assert ids == ["a"] and (tmp_path / "proj" / "articles" / "a.txt").exists()
    assert [e["id"] for e in entries(tmp_path / "proj")] == ["a"]


def test_add_keeps_a_safe_dump_layout(tmp_path):
    make_project(tmp_path, {"a.txt": SAMPLE})
    before = (tmp_path / "sources.yaml").read_text(encoding="utf-8")
    (tmp_path / "b.txt").write_text("据统计," + SAMPLE, encoding="utf-8")
    add.add([tmp_path / "b.txt"], tmp_path / "sources.yaml")
    assert (tmp_path / "sources.yaml").read_text(encoding="utf-8").startswith(before)


def test_derived_titles_of_the_seed_articles_match_sources_yaml():
    for e in yaml.safe_load((ROOT / "sources.yaml").read_text(encoding="utf-8"))["articles"]:
        text = (ROOT / e["path"]).read_bytes().decode("utf-8")
        assert derive.derive_title(text) == e["title"]


@pytest.mark.parametrize("text, title, date", [
    ("---\ntitle: 标题一\ndate: 2017-06-01 22:36:13\n---\n正文。", "标题一", "2017-06-01"),
    (" date 2026-01-01 2025年，世界局势动荡。后文。", "2025年，世界局势动荡", "2026-01-01"),
    ("## 2. 中亚贸易创新高\n正文,很长。", "中亚贸易创新高", ""),
    ("1. 2. 3. 49.\n![](/a.png)\n中越贸易稳步增长\n正文。", "中越贸易稳步增长", ""),
    ("\ufeff第一句话很短。第二句。", "第一句话很短", ""),
    ("这" * 30 + "，" + "那" * 30 + "。", "这" * 30, ""),
    ("这" * 60 + "。", "这" * 47 + "…", ""),
    ("abc\n\n", "", ""),
])
def test_derive_title_and_date(text, title, date):
    assert (derive.derive_title(text), derive.derive_date(text)) == (title, date)


def test_slug_ids_are_ascii_and_unique():
    assert add.slug_id("Vietnam Trade 2025.txt", "ab" * 32, set()) == "vietnam-trade-2025"
    assert add.slug_id("a.txt", "ab" * 32, {"a", "a-2"}) == "a-3"
    assert add.slug_id("越南.txt", "ab" * 32, set()) == "article-abababab"
