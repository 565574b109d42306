"""data/review.yaml: confirm, correct and reject decisions, applied after extraction,
kept across rebuilds, validated with one-line errors; orphans reported, never dropped."""
import csv

import pytest

import build
from etl import pipeline, review
from etl.errors import BuildError
from helpers_project import SAMPLE, build_args, make_project

REVIEW_TEXT = "2022年我国进出口增长6.4%。"      # a change with no level: goes to review


@pytest.fixture
def proj(tmp_path):
    make_project(tmp_path, {"a.txt": SAMPLE, "r.txt": REVIEW_TEXT})
    (tmp_path / "data").mkdir()
    return tmp_path


def ids(proj):
    ctx = pipeline.gather(proj / "sources.yaml")
    pub = next(f for f in ctx.figures if f.article_id == "a")
    rev = next(f for f in ctx.figures if f.status == "review")
    return pub, rev


def decide(proj, text):
    (proj / "data" / "review.yaml").write_text(text, encoding="utf-8")


def figures_csv(proj):
    with open(proj / "data" / "figures.csv", encoding="utf-8", newline="") as fh:
        return {r["figure_id"]: r for r in csv.DictReader(fh)}


def test_confirm_correct_reject_applied_and_written(proj, capsys):
    pub, rev = ids(proj)
    decide(proj, f"# decisions\n- {{figure_id: {rev.figure_id}, action: confirm, note: checked}}\n"
                 f"- {{figure_id: {pub.figure_id}, action: correct, set: {{partner: CHN, value: 2.6e11}}, "
                 f"note: 'sum'}}\n")
    assert build.main(build_args(proj)) == 0
    rows = figures_csv(proj)
    assert (rows[rev.figure_id]["status"], rows[rev.figure_id]["reviewed"]) == ("published", "confirmed")
    assert (rows[pub.figure_id]["partner"], rows[pub.figure_id]["value"],
            rows[pub.figure_id]["reviewed"]) == ("CHN", "260000000000", "corrected")
    decide(proj, f"- {{figure_id: {rev.figure_id}, action: reject, note: not a figure}}\n")
    assert build.main(build_args(proj)) == 0
    assert rev.figure_id not in figures_csv(proj) and pub.figure_id in figures_csv(proj)
    assert "1 rejected in review" in capsys.readouterr().out


def test_decisions_survive_rebuilds_and_staging_keeps_review_yaml(proj):
    _, rev = ids(proj)
    text = f"- {{figure_id: {rev.figure_id}, action: confirm}}  # kept\n"
    decide(proj, text)
    for _ in range(2):
        assert build.main(build_args(proj)) == 0
        assert (proj / "data" / "review.yaml").read_text(encoding="utf-8") == text
        assert figures_csv(proj)[rev.figure_id]["reviewed"] == "confirmed"
    assert sorted(p.name for p in (proj / "data").iterdir()) == ["articles.csv", "figures.csv", "review.yaml"]


def test_orphan_decision_is_reported_not_dropped(proj, capsys):
    decide(proj, "- {figure_id: f0123456789ab, action: reject, note: gone}\n")
    ctx = pipeline.gather(proj / "sources.yaml", proj / "data")
    assert len(ctx.review.orphans) == 1
    assert ctx.messages == [m for m in ctx.messages if "f0123456789ab" in m and "review.yaml:1" in m]
    assert build.main(build_args(proj)) == 0
    assert "no figure f0123456789ab any more" in capsys.readouterr().out


def test_data_dir_defaults_to_data_beside_the_sources(proj):
    _, rev = ids(proj)
    decide(proj, f"- {{figure_id: {rev.figure_id}, action: reject}}\n")
    assert rev.figure_id not in {f.figure_id for f in pipeline.gather(proj / "sources.yaml").figures}


@pytest.mark.parametrize("text, says", [
    ("- {figure_id: f0123456789ab, action: confrim}\n", r"review\.yaml:1: entry 1 \(f0123456789ab\): unknown action 'confrim'"),
    ("- {figure_id: f0123456789ab, action: correct, set: {partnr: USA}}\n", r"review\.yaml:1: entry 1 \(f0123456789ab\): unknown column 'partnr'"),
    ("- {figure_id: f0123456789ab, action: correct, set: {value: lots}}\n", "value must be a number"),
    ("- {figure_id: f0123456789ab, action: correct, set: {qualifier: about}}\n", "qualifier must be one of"),
    ("- {figure_id: f0123456789ab, action: correct, set: {figure_id: f1}}\n", "cannot be corrected"),
    ("- {figure_id: f0123456789ab, action: correct}\n", "needs 'set"),
    ("- {figure_id: f0123456789ab, action: confirm, set: {unit: USD}}\n", "only goes with action correct"),
    ("- {figure_id: f0123456789ab, action: confirm, why: x}\n", "unknown key 'why'"),
    ("- {figure_id: 12, action: confirm}\n", "figure_id must look like"),
    ("- {figure_id: f0123456789ab, action: confirm}\n- {figure_id: f0123456789ab, action: reject}\n",
     r"review\.yaml:2: entry 2: figure f0123456789ab already decided in entry 1"),
    ("- [figure_id, f0123456789ab]\n", "entry 1: expected a mapping"),
    ("figure_id: f0123456789ab\n", "expected a list of decisions"),
    ("- {figure_id: f0123456789ab, action: [\n", r"review\.yaml:\d+: malformed YAML"),
])
def test_bad_review_file_is_one_line_naming_file_and_entry(proj, text, says, capsys):
    decide(proj, text)
    with pytest.raises(BuildError, match=says):
        review.load_decisions(proj / "data" / "review.yaml")
    assert build.main(build_args(proj)) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "review.yaml" in err
    assert sorted(p.name for p in (proj / "data").iterdir()) == ["review.yaml"]   # nothing written


def test_review_command_lists_waiting_figures_with_quotes_and_reasons(proj, capsys):
    _, rev = ids(proj)
    assert build.main(["review", "--sources", str(proj / "sources.yaml"), "--data", str(proj / "data")]) == 0
    out = capsys.readouterr().out
    assert rev.figure_id in out and "6.4%" in out and f"「{REVIEW_TEXT}」" in out
    assert rev.review_reason and rev.review_reason in out and "1 figures wait in review" in out
    assert build.main(build_args(proj)) == 0
    assert "1 figures wait in review: `python build.py review`" in capsys.readouterr().out
