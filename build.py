#!/usr/bin/env python3
"""Build the dashboard: extract the figures of every article in the sources file
into data/*.csv, then render the static site.

    python build.py [--sources FILE] [--data DIR] [--site DIR]

Article paths in FILE are relative to FILE's folder. On failure it prints one
line naming the file and the cause, exits 1, and leaves data/ and site/ as they were.
"""
from __future__ import annotations

import argparse
import sys

from etl.errors import BuildError


def parse_args(argv: list[str]) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sources", default="sources.yaml", help="sources file (default: sources.yaml)")
    ap.add_argument("--data", default="data", help="folder for the CSVs (default: data)")
    ap.add_argument("--site", default="site", help="folder for the site (default: site)")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from etl import pipeline
    try:
        ctx = pipeline.gather(args.sources)
        pipeline.publish(ctx, args.data, args.site)
    except BuildError as exc:
        print(f"build: {exc}", file=sys.stderr)
        return 1
    for line in ctx.messages:
        print(line)
    n_pub = sum(f.status == "published" for f in ctx.figures)
    print(f"build: {len(ctx.sources)} articles, {len(ctx.figures)} figures "
          f"({n_pub} published, {len(ctx.figures) - n_pub} in review) -> {args.data}/, {args.site}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
