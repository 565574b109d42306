#!/usr/bin/env python3
"""Error analysis: build the seed and corpus sets into scratch folders, run the
referee (../shared/eval/score_figures.py -v) on each, and print its scores with
misses, wrong attributes and false positives grouped by cause.

    python3 tasks.py eval            (or: make eval)
    python scripts/eval.py --shared ../shared
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def scratch_sources(articles: Path, index: Path | None, out: Path) -> Path:
    """Copy a folder of articles into out/ with a sources.yaml (metadata from index.yaml if any)."""
    meta = {}
    if index and index.exists():
        meta = {str(m["id"]): m for m in yaml.safe_load(index.read_text(encoding="utf-8"))}
    (out / "articles").mkdir(parents=True, exist_ok=True)
    entries = []
    for f in sorted(articles.glob("*.txt")):
        shutil.copyfile(f, out / "articles" / f.name)
        m = meta.get(f.stem, {})
        entries.append({"id": f.stem, "path": f"articles/{f.name}", "title": m.get("title", f.stem),
                        "date": str(m.get("date", "")), "url": m.get("url", ""),
                        "sha256": hashlib.sha256(f.read_bytes()).hexdigest()})
    path = out / "sources.yaml"
    path.write_text(yaml.safe_dump({"articles": entries}, allow_unicode=True), encoding="utf-8")
    return path


def referee(shared: Path, sources: Path, figures: Path, gold: Path, articles: Path) -> tuple[dict, list[str]]:
    cmd = [sys.executable, str(shared / "eval" / "score_figures.py"), "--sources", str(sources),
           "--figures", str(figures), "--gold", str(gold), "--articles", str(articles)]
    scores = json.loads(subprocess.run(cmd + ["--json"], capture_output=True, text=True, check=True).stdout)
    detail = subprocess.run(cmd + ["-v"], capture_output=True, text=True, check=True).stdout.splitlines()
    return scores, detail


def group(detail: list[str]) -> dict[str, list[str]]:
    causes: dict[str, list[str]] = defaultdict(list)
    for line in detail:
        if line.startswith("MISS"):
            m = re.search(r"\((\S+)\)$", line)
            causes[f"missed {m.group(1) if m else '?'}"].append(line)
        elif line.startswith("WRONG"):
            for attr in re.findall(r"(\w+): got", line):
                causes[f"wrong {attr}"].append(line)
        elif line.startswith("FP"):
            m = re.search(r"\((\w+)/(\w*) =", line)
            causes[f"false positive {m.group(1)}/{m.group(2)}" if m else "false positive"].append(line)
        elif line.startswith("PROV"):
            causes["provenance violation"].append(line)
    return causes


def run_set(name: str, articles: Path, gold: Path, sources: Path | None, index: Path | None,
            shared: Path, tmp: Path) -> dict:
    """Build one set (from `sources`, or a scratch sources.yaml over `articles`) and score it."""
    out = tmp / name
    out.mkdir(parents=True)
    sources = sources or scratch_sources(articles, index, out)
    build = subprocess.run([sys.executable, str(ROOT / "build.py"), "--sources", str(sources),
                            "--data", str(out / "data"), "--site", str(out / "site")],
                           capture_output=True, text=True, cwd=ROOT)
    if build.returncode:
        print(f"== {name}: build failed: {build.stderr.strip().splitlines()[-1:]}")
        return {}
    scores, detail = referee(shared, sources, out / "data" / "figures.csv", gold, articles)
    print(f"== {name}: {scores['articles_scored']} articles, {scores['gold_required']} required figures, "
          f"{scores['predicted']} predicted trade/fdi/rail figures")
    print(f"precision {scores['precision']:.3f}  recall {scores['recall']:.3f}  F1 {scores['f1']:.3f}  "
          f"row accuracy {scores['row_accuracy']:.3f}  provenance violations {scores['provenance_violations']}")
    print("attribute accuracy: " + ", ".join(f"{a} {v:.2f}" for a, v in scores["attribute_accuracy"].items()))
    causes = group(detail)
    if not causes:
        print("no misses, wrong attributes or false positives")
    for cause, lines in sorted(causes.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        print(f"-- {cause}: {len(lines)}")
        for line in lines:
            print(f"   {line}")
    print()
    return scores


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder (default: ../shared)")
    args = ap.parse_args()
    shared = Path(args.shared)
    if not (shared / "eval" / "score_figures.py").exists():
        print(f"eval: no referee at {shared}/eval/score_figures.py", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="eval-") as tmp:
        run_set("seed", shared / "articles", shared / "gold" / "seed_figures.csv", ROOT / "sources.yaml", None,
                shared, Path(tmp))
        run_set("corpus", shared / "corpus", shared / "corpus" / "gold.csv", None, shared / "corpus" / "index.yaml",
                shared, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
