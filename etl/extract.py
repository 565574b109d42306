"""Figures from one article (placeholder)."""
from __future__ import annotations


def extract_article(src):
    return []
