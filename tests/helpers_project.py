"""Small throwaway projects for the build tests: a sources.yaml and its articles in a tmp folder."""
from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = "2024年中越双边贸易额突破2481.3亿美元,同比增长11.8%。"


def as_bytes(text: str | bytes) -> bytes:
    return text if isinstance(text, bytes) else text.encode("utf-8")


def make_project(root: Path, articles: dict[str, str | bytes], **extra) -> Path:
    """Write articles/<name> and a sources.yaml pinning each (id = name's stem); extra[id] adds keys."""
    (root / "articles").mkdir(parents=True, exist_ok=True)
    entries = []
    for name, text in articles.items():
        data = as_bytes(text)
        (root / "articles" / name).write_bytes(data)
        sid = Path(name).stem
        e = {"id": sid, "path": f"articles/{name}", "title": f"Title {sid}", "date": "2025-03-01",
             "sha256": hashlib.sha256(data).hexdigest()}
        e.update(extra.get(sid, {}))
        entries.append(e)
    path = root / "sources.yaml"
    path.write_text("# test sources\n" + yaml.safe_dump({"articles": entries}, allow_unicode=True,
                                                        sort_keys=False), encoding="utf-8")
    return path


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under folder, by relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(Path(folder).rglob("*")) if p.is_file()}


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run the real `python build.py ARGS`, capturing text output."""
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def build_args(root: Path) -> list[str]:
    return ["--sources", str(root / "sources.yaml"), "--data", str(root / "data"), "--site", str(root / "site")]


def fake_extract(src):
    """A stand-in extractor: one trade figure per '亿美元' amount found with str.find."""
    from etl.model import Figure, figure_id
    out, i = [], src.text.find("亿美元")
    while i != -1:
        start = i
        while start > 0 and (src.text[start - 1].isdigit() or src.text[start - 1] == "."):
            start -= 1
        end = i + 3
        mention = src.text[start:end]
        value = float(mention[:-3]) * 1e8 if start < i else 0.0
        out.append(Figure(src.id, "trade", "trade_value", "CHN", "VNM", "", "2024", "year", value, "USD",
                          "exact", mention, start, end, mention, start, end,
                          figure_id=figure_id(src.sha256, start, end)))
        i = src.text.find("亿美元", end)
    return out
