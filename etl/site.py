"""Render the static site (placeholder until the site module lands)."""
from __future__ import annotations


def render(ctx, site_dir) -> None:
    (site_dir / "index.html").write_text("<!doctype html><title>dashboard</title>", encoding="utf-8")
