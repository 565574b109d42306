#!/usr/bin/env python3
"""Speed and memory of the build, measured in one run and printed (`python3 tasks.py bench`).

Each step runs the real `python build.py ...` in its own process on a scratch copy
of the project (sources.yaml and articles/) with its own empty extraction cache;
time is wall clock, memory is that process's peak resident set (os.wait4).

  1. full build from a cold cache (every article extracted)
  2. rebuild with nothing changed (every article from the cache)
  3. `build.py add` of one new article, which rebuilds: only that article is extracted
  (with --with DIR, the base set also holds DIR's articles)
  4. a 10 MB article (the bundled texts repeated) built alone from a cold cache

Bars (checked here, exit 1 when missed): the add-one rebuild extracts exactly one
article; the 10 MB build succeeds with a peak RSS under 2 GiB and its offsets hold.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEMORY_BAR_MB = 2048
COUNTS = re.compile(r"build: (\d+) articles \((\d+) extracted, (\d+) cached\), (\d+) figures")


def run(args: list[str], cache: Path) -> dict:
    """One build.py process: wall time, peak RSS, what it says it extracted."""
    env = dict(os.environ, DASHBOARD_CACHE_DIR=str(cache), CI="true")
    with tempfile.TemporaryFile("w+") as out_f, tempfile.TemporaryFile("w+") as err_f:
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, str(ROOT / "build.py"), *args], cwd=ROOT, env=env,
                                stdout=out_f, stderr=err_f, text=True)
        _, status, usage = os.wait4(proc.pid, 0)      # reaps it, with its own resource usage
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - t0
        out_f.seek(0), err_f.seek(0)
        out, err = out_f.read(), err_f.read()
    rc = proc.returncode
    if rc != 0:
        sys.exit(f"bench: build.py {' '.join(args[:1])} failed (exit {rc}): {err.strip()}")
    m = COUNTS.search(out)
    articles, extracted, cached, figures = map(int, m.groups()) if m else (0, 0, 0, 0)
    return {"seconds": seconds, "rss_mb": usage.ru_maxrss / 1024, "articles": articles,
            "extracted": extracted, "cached": cached, "figures": figures}


def scratch_project(where: Path) -> Path:
    shutil.copy2(ROOT / "sources.yaml", where / "sources.yaml")
    shutil.copytree(ROOT / "articles", where / "articles")
    return where


def paths(project: Path) -> list[str]:
    return ["--sources", str(project / "sources.yaml"), "--data", str(project / "data"),
            "--site", str(project / "site")]


def new_article(folder: Path) -> Path:
    """A new article of realistic content: the bundled one with the most figures, under a new first line."""
    with open(ROOT / "data" / "articles.csv", encoding="utf-8", newline="") as fh:
        richest = max(csv.DictReader(fh), key=lambda a: (int(a["n_figures"]), a["article_id"]))
    biggest = ROOT / richest["path"]
    path = folder / "bench-new-article.txt"
    path.write_bytes("转载说明:本文为基准测试添加的新文章。\n\n".encode() + biggest.read_bytes())
    return path


def big_article(folder: Path, megabytes: int) -> Path:
    body = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "articles").glob("*.txt")))
    data = body.encode()
    path = folder / "big.txt"
    path.write_bytes(data * (megabytes * 1_000_000 // len(data) + 1))
    return path


def offsets_hold(project: Path) -> int:
    with open(project / "data" / "figures.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    texts: dict[str, str] = {}
    with open(project / "data" / "articles.csv", encoding="utf-8", newline="") as fh:
        for a in csv.DictReader(fh):
            texts[a["article_id"]] = (project / a["path"]).read_bytes().decode(a["encoding"])
    bad = sum(texts[r["article_id"]][int(r["start"]):int(r["end"])] != r["mention"] for r in rows)
    return bad


def line(name: str, r: dict) -> str:
    return (f"  {name:<38} {r['seconds']:7.2f} s  peak {r['rss_mb']:7.0f} MB  "
            f"{r['extracted']:>4} extracted, {r['cached']:>4} cached, {r['figures']:>6} figures")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--big-mb", type=int, default=10, help="size of the big article (default 10)")
    ap.add_argument("--with", dest="extra", type=Path, action="append", default=[], metavar="DIR",
                    help="also register every .txt in DIR in the base set before the cold build")
    args = ap.parse_args()
    failures = []
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        tmp = Path(tmp)
        (tmp / "project").mkdir()
        project = scratch_project(tmp / "project")
        cache = tmp / "cache"
        for folder in args.extra:      # registered (and built once, unmeasured), then the cache is dropped
            run(["add", str(folder.resolve()), *paths(project)], tmp / "setup-cache")
        print(f"bench: {sys.version.split()[0]}, {os.cpu_count()} cores; each step is one build.py process")
        cold = run(paths(project), cache)
        print(line("full build, cold cache", cold))
        warm = run(paths(project), cache)
        print(line("rebuild, nothing changed", warm))
        added = run(["add", str(new_article(tmp)), *paths(project)], cache)
        print(line("add one article + rebuild", added))
        if added["extracted"] != 1:
            failures.append(f"add one article extracted {added['extracted']} articles, not 1")
        print(f"  add-one rebuild / cold full build: {added['seconds'] / cold['seconds']:.2f}")

        (tmp / "big").mkdir()
        big = tmp / "big"
        (big / "articles").mkdir()
        article = big_article(big / "articles", args.big_mb)
        digest = hashlib.sha256(article.read_bytes()).hexdigest()
        (big / "sources.yaml").write_text(
            f"articles:\n  - id: big\n    path: articles/{article.name}\n    title: big\n"
            f"    date: '2025-12-01'\n    sha256: {digest}\n", encoding="utf-8")
        huge = run(paths(big), tmp / "big-cache")
        size = (big / "articles" / "big.txt").stat().st_size / 1e6
        print(line(f"{size:.1f} MB article, cold cache", huge))
        bad = offsets_hold(big)
        print(f"  {size:.1f} MB article: {huge['figures']} figures, {bad} offsets that do not hold; "
              f"memory bar {MEMORY_BAR_MB} MB")
        if huge["rss_mb"] > MEMORY_BAR_MB:
            failures.append(f"10 MB article peaked at {huge['rss_mb']:.0f} MB (bar {MEMORY_BAR_MB} MB)")
        if bad:
            failures.append(f"{bad} figures of the big article fail text[start:end] == mention")
    for f in failures:
        print(f"bench: MISSED: {f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
