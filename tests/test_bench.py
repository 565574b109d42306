"""scripts/bench.py runs end to end (a 1 MB big article keeps it quick) and checks its own bars."""
import re
import subprocess
import sys

from helpers_project import ROOT


def test_bench_prints_its_figures_and_meets_its_bars():
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench.py"), "--big-mb", "1"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    assert re.search(r"full build, cold cache\s+[\d.]+ s\s+peak\s+\d+ MB\s+5 extracted,\s+0 cached", out)
    assert re.search(r"rebuild, nothing changed .* 0 extracted,\s+5 cached", out)
    assert re.search(r"add one article \+ rebuild .* 1 extracted,\s+5 cached", out)
    assert re.search(r"1\.0 MB article: \d+ figures, 0 offsets that do not hold", out)
    assert "MISSED" not in out
