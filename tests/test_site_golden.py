"""Golden site: render the fixed test context and diff every file against tests/golden/site/.

The fixed context is tests/site_context.py (its build stamp is fixed; nothing
reads the clock). plotly.min.js is not stored; it is checked against the plotly
package instead. After an intended change to templates or rendering, regenerate
and review the diff:

    UPDATE_GOLDEN=1 python -m pytest tests/test_site_golden.py && git diff tests/golden
"""
from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

from etl import site
from site_context import make_context

GOLDEN = Path(__file__).resolve().parent / "golden" / "site"
NOT_STORED = {Path("assets/plotly.min.js")}


def tree(root: Path) -> dict[Path, bytes]:
    return {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.relative_to(root) not in NOT_STORED}


def first_difference(name: Path, want: bytes, got: bytes) -> str:
    diff = difflib.unified_diff(want.decode("utf-8", "replace").splitlines(),
                                got.decode("utf-8", "replace").splitlines(),
                                f"golden/{name}", f"rendered/{name}", lineterm="", n=1)
    return "\n".join(list(diff)[:40])


def test_site_matches_the_golden_files(tmp_path):
    out = tmp_path / "site"
    site.render(make_context(tmp_path), out)
    assert (out / "assets" / "plotly.min.js").read_bytes() == site.PLOTLY_JS.read_bytes()
    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for name, data in tree(out).items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_bytes(data)
    got, want = tree(out), tree(GOLDEN)
    assert sorted(got) == sorted(want), "files added or missing (see UPDATE_GOLDEN in this file's docstring)"
    for name in sorted(want):
        assert got[name] == want[name], first_difference(name, want[name], got[name])
