#!/usr/bin/env python3
"""The project's one task file: set-up and the everyday commands.

    python3 tasks.py site    build data/ and site/ from the bundled articles
    python3 tasks.py test    run the whole test suite (browser tests included)
    python3 tasks.py bench   print the speed figures (full build, add-one rebuild)
    python3 tasks.py eval    score the extractor on the seed and corpus gold

Each command first makes sure .venv/ holds the dependencies named in
pyproject.toml (created with the running Python, refreshed when pyproject.toml
changes), so a fresh machine with only Python 3.11+ needs nothing else. The
test command also installs Debian's chromium and fonts-noto-cjk with apt when
they are missing (the browser tests drive that chromium through Playwright).
Only the standard library is used here: this file runs before anything is installed.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PY = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
STAMP = VENV / ".deps-stamp"
CHROMIUM = "/usr/bin/chromium"


def log(msg: str) -> None:
    print(f"tasks: {msg}", flush=True)


def run(cmd: list[str], **kw) -> int:
    return subprocess.call([str(c) for c in cmd], cwd=ROOT, **kw)


def requirements(extras: bool) -> list[str]:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = list(meta["dependencies"])
    if extras:
        for group in meta.get("optional-dependencies", {}).values():
            reqs += group
    return reqs


def ensure_venv(extras: bool = True) -> None:
    """Create .venv and install the dependencies unless the stamp says they are current."""
    def digest(reqs: list[str]) -> str:
        return hashlib.sha256("\n".join([sys.version] + reqs).encode()).hexdigest()
    reqs = requirements(extras)
    current = {digest(reqs), digest(requirements(True))}      # a full install covers the core one
    if PY.exists() and STAMP.exists() and STAMP.read_text() in current:
        return
    if not PY.exists():
        log(f"creating {VENV.name}/ with {sys.executable}")
        subprocess.check_call([sys.executable, "-m", "venv", str(VENV)])
    log("installing dependencies from pyproject.toml")
    subprocess.check_call([str(PY), "-m", "pip", "install", "-q", "--disable-pip-version-check", *reqs])
    STAMP.write_text(digest(reqs))


def ensure_browser() -> None:
    """Debian's chromium and CJK fonts for the browser tests; installed with apt when missing."""
    have_fonts = Path("/usr/share/fonts/opentype/noto").exists() and any(
        "CJK" in p.name for p in Path("/usr/share/fonts/opentype/noto").iterdir())
    if Path(CHROMIUM).exists() and have_fonts:
        return
    if not shutil.which("apt-get"):
        sys.exit("tasks: chromium or fonts-noto-cjk is missing and apt-get is not available")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    log("installing chromium and fonts-noto-cjk with apt-get")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.check_call(sudo + ["apt-get", "update", "-qq"], env=env)
    subprocess.check_call(sudo + ["apt-get", "install", "-y", "-qq", "chromium", "fonts-noto-cjk"], env=env)


def site(args: list[str]) -> int:
    ensure_venv(extras=False)
    return run([PY, "build.py", *args])


def test(args: list[str]) -> int:
    ensure_venv()
    ensure_browser()
    return run([PY, "-m", "pytest", *args])


def bench(args: list[str]) -> int:
    ensure_venv(extras=False)
    return run([PY, "scripts/bench.py", *args])


def eval_(args: list[str]) -> int:
    ensure_venv(extras=False)
    return run([PY, "scripts/eval.py", *args])


COMMANDS = {"site": site, "test": test, "bench": bench, "eval": eval_}


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        return 2
    return COMMANDS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
