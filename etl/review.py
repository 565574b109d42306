"""A maintainer's review decisions (data/review.yaml), validated and applied to figures.

    - {figure_id: f4b0d544dafb4, action: confirm, note: checked against the source}
    - {figure_id: f0123456789ab, action: correct, set: {partner: USA}, note: '...'}
    - {figure_id: f0123456789ab, action: reject, note: a page number, not a figure}

confirm -> published, reviewed 'confirmed'; correct -> the columns set, published,
reviewed 'corrected'; reject -> the figure is dropped (and counted). Decisions are
keyed by figure_id (article sha256 + span), so they survive rebuilds; one whose
figure no longer exists is reported, never silently dropped.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from .errors import BuildError
from .model import DOMAINS, FIGURE_COLUMNS, PERIOD_KINDS, QUALIFIERS, Figure

ACTIONS = ("confirm", "correct", "reject")
KEYS = {"figure_id", "action", "set", "note"}
FIGURE_ID_RE = re.compile(r"^f[0-9a-f]{12}$")
FIXED = {"figure_id", "article_id", "status", "reviewed"}   # set by the decision itself
FLOATS = {"value", "value_max", "change_pct"}
NULLABLE = {"value_max", "change_pct"}
INTS = {"start", "end", "quote_start", "quote_end"}
CHOICES = {"domain": DOMAINS + ("other",), "period_kind": PERIOD_KINDS, "qualifier": QUALIFIERS,
           "kind": ("actual", "target", "conversion", "difference")}


@dataclass
class Decision:
    figure_id: str
    action: str
    set: dict = field(default_factory=dict)
    note: str = ""
    where: str = ""           # 'data/review.yaml:12' for messages


@dataclass
class Outcome:
    confirmed: int = 0
    corrected: int = 0
    rejected: int = 0
    orphans: list[Decision] = field(default_factory=list)


def load_decisions(path: str | Path) -> list[Decision]:
    """Parse and validate review.yaml; a missing or empty file holds no decisions."""
    path = Path(path)
    if not path.exists():
        return []
    try:
        doc = YAML(typ="rt").load(path.read_text(encoding="utf-8"))
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"{mark.line + 1}:" if mark else ""
        raise BuildError(f"{path}:{line} malformed YAML ({getattr(exc, 'problem', exc)})") from None
    except UnicodeDecodeError:
        raise BuildError(f"{path}: not UTF-8 text") from None
    if doc is None:
        return []
    if not isinstance(doc, list):
        raise BuildError(f"{path}: expected a list of decisions ('- {{figure_id: ..., action: ...}}')")
    decisions, seen = [], {}
    for n, item in enumerate(doc):
        where = f"{path}:{doc.lc.item(n)[0] + 1}: entry {n + 1}"
        d = decision(item, where)
        if d.figure_id in seen:
            raise BuildError(f"{where}: figure {d.figure_id} already decided in entry {seen[d.figure_id]}")
        seen[d.figure_id] = n + 1
        decisions.append(d)
    return decisions


def decision(item, where: str) -> Decision:
    """One validated entry."""
    if not isinstance(item, dict):
        raise BuildError(f"{where}: expected a mapping with figure_id and action")
    unknown = sorted(set(map(str, item)) - KEYS)
    if unknown:
        raise BuildError(f"{where}: unknown key '{unknown[0]}' (expected {', '.join(sorted(KEYS))})")
    fid = str(item.get("figure_id") or "")
    if not FIGURE_ID_RE.match(fid):
        raise BuildError(f"{where}: figure_id must look like f0123456789ab, got {fid!r}")
    action = str(item.get("action") or "")
    if action not in ACTIONS:
        raise BuildError(f"{where} ({fid}): unknown action {action!r} (expected confirm, correct or reject)")
    changes = item.get("set")
    if action == "correct":
        if not isinstance(changes, dict) or not changes:
            raise BuildError(f"{where} ({fid}): action correct needs 'set: {{column: value}}'")
        changes = {str(k): column_value(str(k), v, f"{where} ({fid})") for k, v in changes.items()}
    elif changes is not None:
        raise BuildError(f"{where} ({fid}): 'set' only goes with action correct")
    return Decision(fid, action, changes or {}, str(item.get("note") or ""), where.rsplit(": entry", 1)[0])


def column_value(column: str, value, where: str):
    """A corrected column's value, typed as the Figure field; unknown columns and bad values refused."""
    if column not in FIGURE_COLUMNS:
        raise BuildError(f"{where}: unknown column {column!r}")
    if column in FIXED:
        raise BuildError(f"{where}: column {column!r} cannot be corrected")
    if value is None and column in NULLABLE:
        return None
    if column in FLOATS:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise BuildError(f"{where}: {column} must be a number, got {value!r}")
        return float(value)
    if column in INTS:
        if isinstance(value, bool) or not isinstance(value, int):
            raise BuildError(f"{where}: {column} must be an integer, got {value!r}")
        return int(value)
    value = "" if value is None else str(value)
    if column in CHOICES and value not in CHOICES[column]:
        allowed = ", ".join(c or "''" for c in CHOICES[column])
        raise BuildError(f"{where}: {column} must be one of {allowed}, got {value!r}")
    return value


def apply(figures: list[Figure], decisions: list[Decision]) -> tuple[list[Figure], Outcome]:
    """The figures with every decision applied (new objects; the input is not changed)."""
    by_id = {d.figure_id: d for d in decisions}
    out, outcome, used = [], Outcome(), set()
    for f in figures:
        d = by_id.get(f.figure_id)
        if d is None:
            out.append(f)
            continue
        used.add(d.figure_id)
        if d.action == "reject":
            outcome.rejected += 1
        elif d.action == "confirm":
            outcome.confirmed += 1
            out.append(dataclasses.replace(f, status="published", reviewed="confirmed"))
        else:
            outcome.corrected += 1
            out.append(dataclasses.replace(f, **d.set, status="published", reviewed="corrected"))
    outcome.orphans = [d for d in decisions if d.figure_id not in used]
    return out, outcome


def messages(outcome: Outcome) -> list[str]:
    """Lines for the build to print: orphaned decisions, one each."""
    return [f"review: {d.where}: no figure {d.figure_id} any more (article changed or no longer "
            f"extracted); its '{d.action}' decision is kept in the file but applies to nothing"
            for d in outcome.orphans]


def listing(figures: list[Figure]) -> list[str]:
    """The figures waiting in review, with their quotes and reasons, for `build.py review`."""
    lines = []
    for f in figures:
        if f.status != "review":
            continue
        lines.append(f"{f.figure_id}  {f.article_id} [{f.start}:{f.end}] {f.mention!r}  "
                     f"{f.indicator or '?'} {f.unit}  reason: {f.review_reason or '-'}")
        lines.append(f"    「{' '.join(f.quote.split())}」")
    return lines
