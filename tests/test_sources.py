"""sources.yaml validation and how an article's bytes become its text (offsets-exact)."""
import codecs

import pytest

from etl.errors import BuildError
from etl.sources import decode_text, load_sources
from helpers_project import SAMPLE, make_project


@pytest.mark.parametrize("data, encoding, text", [
    (SAMPLE.encode("utf-8"), "utf-8", SAMPLE),
    (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8", "\ufeff" + SAMPLE),   # BOM kept as char 0
    (SAMPLE.replace("。", "。\r\n").encode("utf-8"), "utf-8", SAMPLE.replace("。", "。\r\n")),  # CRLF kept
    ((SAMPLE * 3).encode("gb18030"), "gb18030", SAMPLE * 3),                   # detected
    ((SAMPLE * 3).encode("gbk"), "gb18030", SAMPLE * 3),                       # GBK read as its superset
])
def test_decode_detects_and_keeps_every_character(data, encoding, text):
    assert decode_text(data) == (text, encoding)


def test_declared_encoding_is_used_as_is():
    assert decode_text(SAMPLE.encode("gb18030"), "gb18030") == (SAMPLE, "gb18030")
    with pytest.raises(BuildError, match="not valid utf-8 text"):
        decode_text(SAMPLE.encode("gb18030"), "utf-8", "a.txt")
    with pytest.raises(BuildError, match="not valid klingon"):
        decode_text(b"abc", "klingon", "a.txt")


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "trade 2024".encode("utf-16")])
def test_nul_bytes_are_not_text(data):
    with pytest.raises(BuildError, match=r"^a\.txt: not a text file"):
        decode_text(data, "", "a.txt")


def test_load_sources_reads_pins_and_records_the_encoding(tmp_path):
    path = make_project(tmp_path, {"a.txt": SAMPLE, "b.txt": (SAMPLE * 3).encode("gb18030")})
    a, b = load_sources(path)
    assert (a.text, a.encoding, b.text, b.encoding) == (SAMPLE, "utf-8", SAMPLE * 3, "gb18030")
    assert a.abspath == str((tmp_path / "articles" / "a.txt").resolve())


def test_changed_article_names_the_pin_command(tmp_path):
    path = make_project(tmp_path, {"a.txt": SAMPLE})
    (tmp_path / "articles" / "a.txt").write_text(SAMPLE + "更多", encoding="utf-8")
    with pytest.raises(BuildError, match=r"entry 1 \(id a\): articles/a\.txt changed .*`python build\.py pin a`"):
        load_sources(path)


def test_paths_are_relative_to_the_sources_folder(tmp_path, monkeypatch):
    path = make_project(tmp_path / "proj", {"a.txt": SAMPLE})
    monkeypatch.chdir(tmp_path)
    assert load_sources("proj/sources.yaml")[0].text == SAMPLE
