"""The YAML lexicons load, and a typo is reported with its file and line."""
import shutil

import pytest

from etl.errors import BuildError
from etl.lexicon import LEXICON_DIR, load_lexicon


def test_bundled_lexicons_load():
    lex = load_lexicon()
    assert lex.aliases["越南"] == ("VNM", "country")
    assert lex.aliases["东盟"] == ("ASEAN", "group")
    assert "trade_value" in lex.indicators and "中老铁路" in lex.rail


@pytest.fixture
def lexdir(tmp_path):
    d = tmp_path / "lexicon"
    shutil.copytree(LEXICON_DIR, d)
    return d


def break_file(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


@pytest.mark.parametrize("file, old, new, says", [
    ("units.yaml", "class: physical, forms: [吨]", "class: phisical, forms: [吨]", "class must be one of"),
    ("units.yaml", "forms: [吨]", "forms: [吨, 列]", "listed twice"),
    ("entities.yaml", "KHM: [柬埔寨]", "KHM: [柬埔寨, 越南]", "given twice"),
    ("indicators.yaml", "units: [trains]\n    keywords: [日均", "units: [trainz]\n    keywords: [日均", "unknown unit"),
    ("entities.yaml", "  ASEAN: [", "  ASEANN: [", "unknown group code"),
])
def test_typo_names_file_and_line(lexdir, file, old, new, says):
    line = break_file(lexdir / file, old, new)
    with pytest.raises(BuildError) as err:
        load_lexicon(lexdir)
    msg = str(err.value)
    assert f"{file}:" in msg and says in msg
    assert f"{file}:{line}" in msg or f"{file}:{line + 1}" in msg


def test_malformed_yaml_names_the_line(lexdir):
    (lexdir / "cues.yaml").write_text("growth:\n  up: [增长\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"cues\.yaml:\d+: malformed YAML"):
        load_lexicon(lexdir)


def test_key_written_twice(lexdir):
    p = lexdir / "cues.yaml"
    p.write_text(p.read_text(encoding="utf-8") + "\ntarget: [目标]\n", encoding="utf-8")
    with pytest.raises(BuildError, match="written twice"):
        load_lexicon(lexdir)


def test_a_convention_naming_an_unknown_indicator_is_refused(lexdir):
    p = lexdir / "indicators.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("吸收外资: fdi_registered", "吸收外资: fdi_registred"),
                 encoding="utf-8")
    with pytest.raises(BuildError, match="unknown indicator 'fdi_registred'"):
        load_lexicon(lexdir)
