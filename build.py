#!/usr/bin/env python3
"""Build the dashboard: extract the figures of every article in the sources file
into data/*.csv, then render the static site.

    python build.py [--sources FILE] [--data DIR] [--site DIR]
    python build.py add PATH... [--id ID] [--title T] [--date D] [--url U] [--publisher P]
    python build.py pin ID          re-pin an article whose file changed, then rebuild
    python build.py review          list the figures waiting in review

Article paths in FILE are relative to FILE's folder. On failure it prints one
line naming the file and the cause, exits 1, and leaves data/ and site/ as they
were (and a failed add or pin leaves articles/ and FILE as they were).
"""
from __future__ import annotations

import argparse
import sys

from etl.errors import BuildError

COMMANDS = ("add", "pin", "review")


def parse_args(argv: list[str]) -> argparse.Namespace:
    command = argv[0] if argv and argv[0] in COMMANDS else "build"
    ap = argparse.ArgumentParser(prog=f"build.py{'' if command == 'build' else ' ' + command}",
                                 description=__doc__.splitlines()[0])
    if command == "add":
        ap.add_argument("paths", nargs="+", metavar="PATH", help="article file, or folder of .txt files")
        for flag in ("id", "title", "date", "url", "publisher"):
            ap.add_argument(f"--{flag}", help=f"the article's {flag} (default: derived from the file)")
    elif command == "pin":
        ap.add_argument("id", help="id of the article to re-pin")
    ap.add_argument("--sources", default="sources.yaml", help="sources file (default: sources.yaml)")
    ap.add_argument("--data", default="data", help="folder for the CSVs and review.yaml (default: data)")
    ap.add_argument("--site", default="site", help="folder for the site (default: site)")
    args = ap.parse_args(argv if command == "build" else argv[1:])
    args.command = command
    return args


def build(args: argparse.Namespace, undo=None):
    """Gather, then publish; a failed rebuild runs `undo` (of an add or pin) first."""
    from etl import pipeline
    try:
        ctx = pipeline.gather(args.sources, args.data)
        pipeline.publish(ctx, args.data, args.site)
    except BuildError as exc:
        if undo is None:
            raise
        undo()
        raise BuildError(f"{exc} (the {args.command} was undone)") from None
    return ctx


def summary(ctx, args: argparse.Namespace) -> list[str]:
    n_pub = sum(f.status == "published" for f in ctx.figures)
    n_review = len(ctx.figures) - n_pub
    rejected = f", {ctx.review.rejected} rejected in review" if ctx.review.rejected else ""
    lines = [f"build: {len(ctx.sources)} articles ({ctx.n_extracted} extracted, "
             f"{len(ctx.sources) - ctx.n_extracted} cached), {len(ctx.figures)} figures "
             f"({n_pub} published, {n_review} in review{rejected}) -> {args.data}/, {args.site}/"]
    if n_review:
        lines.append(f"build: {n_review} figures wait in review: `python build.py review` lists them; "
                     f"decide in {args.data}/review.yaml")
    return lines


def run(args: argparse.Namespace) -> list[str]:
    """Do the command; the lines to print."""
    from etl import add, pipeline, review
    if args.command == "review":
        ctx = pipeline.gather(args.sources, args.data)
        lines = review.listing(ctx.figures)
        return ctx.messages + lines + [f"review: {len(lines) // 2} figures wait in review "
                                       f"(decide in {args.data}/review.yaml)"]
    head, undo = [], None
    if args.command == "add":
        meta = add.Meta(args.id, args.title, args.date, args.url, args.publisher)
        ids, undo = add.add(args.paths, args.sources, meta)
        head = [f"add: registered {', '.join(ids)} in {args.sources}"]
    elif args.command == "pin":
        message, undo = add.pin(args.sources, args.id)
        head = [message]
    ctx = build(args, undo)
    return head + ctx.messages + summary(ctx, args)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        lines = run(args)
    except BuildError as exc:
        print(f"build: {' '.join(str(exc).split())}", file=sys.stderr)
        return 1
    for line in lines:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
