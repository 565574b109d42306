"""Load and validate the YAML lexicons in etl/lexicon/.

Every string read from a lexicon remembers its file and line, so a typo (an
unknown unit class, an alias given to two entities, a key written twice) is
reported as `file:line: what is wrong` when the lexicon loads, not as a wrong
figure later.
"""
from __future__ import annotations

import functools
import gettext
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import BuildError

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"
FILES = ("units", "qualifiers", "cues", "indicators", "entities", "rail", "parts")
UNIT_CLASSES = {"currency", "percent", "percent_points", "physical", "count", "duration", "ignore"}
QUALIFIERS = {"exact", "approx", "at_least", "at_most"}
DOMAINS = {"trade", "fdi", "rail"}
CONTEXTS = {"rail", "fdi"}
ROLES = {"trade", "investment"}
GROUP_CODES = {"WLD", "ASEAN", "EU", "CENTRAL_ASIA", "AFRICA", "LATAM", "BRI", "RCEP", "BRICS", "MIDDLE_EAST"}


class Str(str):
    """A string that knows where it was written."""
    where: str = ""


class _Loader(yaml.SafeLoader):
    pass


def _str(loader: _Loader, node) -> Str:
    s = Str(loader.construct_scalar(node))
    s.where = f"{loader.name}:{node.start_mark.line + 1}"
    return s


def _mapping(loader: _Loader, node, deep=False):
    seen = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise BuildError(f"{loader.name}:{key_node.start_mark.line + 1}: key {key!r} written twice "
                             f"(first at line {seen[key]})")
        seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node, deep=deep)


_Loader.add_constructor("tag:yaml.org,2002:str", _str)
_Loader.add_constructor("tag:yaml.org,2002:map", _mapping)


def _read(path: Path):
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BuildError(f"{path}: lexicon file missing") from None
    loader = _Loader(text)
    loader.name = str(path)
    try:
        return loader.get_single_data()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"{mark.line + 1}" if mark else "?"
        raise BuildError(f"{path}:{line}: malformed YAML ({getattr(exc, 'problem', exc)})") from None
    finally:
        loader.dispose()


def _where(x, fallback: str) -> str:
    return getattr(x, "where", "") or fallback


def _fail(x, fallback: str, msg: str):
    raise BuildError(f"{_where(x, fallback)}: {msg}")


@dataclass
class Unit:
    code: str
    cls: str
    form: str
    scale: float = 1.0
    chinese_only: bool = False


@dataclass
class Indicator:
    code: str
    domain: str
    units: list[str]
    keywords: list[str]
    after: list[str] = field(default_factory=list)
    requires: list[str] = field(default_factory=list)
    block: list[str] = field(default_factory=list)
    negative: list[str] = field(default_factory=list)
    needs: str = ""
    roles: str = "trade"
    timeless: bool = False
    sentence_cues_other: dict = field(default_factory=dict)
    default_in: str = ""      # in this context, a quantity in its unit with no keyword is this indicator


@dataclass
class RailName:
    name: str
    country: str
    partner: str = ""


@dataclass
class Lexicon:
    units: list[Unit]                       # every written form, longest first
    qualifiers: dict                        # prefix/suffix/inner/prefix_conditional/fillers
    cues: dict
    indicators: dict[str, Indicator]
    contexts: dict[str, list[str]]
    conventions: dict[str, dict[str, str]]   # economy -> keyword -> indicator its own statistics mean by it
    not_figures: list[str]
    aliases: dict[str, tuple[str, str]]     # written form -> (code, kind: country|group|place)
    abbreviations: dict[str, str]           # one character -> code
    not_abbreviations: set[str]             # two-character words that look like abbreviations
    not_aliases: tuple[str, ...]             # words holding a name that is not one (其中国有企业)
    self_places: tuple[str, ...]             # 我市, 我省: the place the article is written from
    place_names: dict[str, str]
    rail: dict[str, RailName]               # written form -> line
    rail_suffixes: list[str]
    rail_stoppers: list[str]
    train_kinds: list[str]
    parts: dict[str, list[str]]


def _strings(x, where: str, what: str) -> list[str]:
    if not isinstance(x, list) or not all(isinstance(s, str) and s for s in x):
        _fail(x, where, f"{what} must be a list of non-empty strings")
    return list(x)


def _units(doc, path) -> list[Unit]:
    out, seen = [], {}
    for entry in (doc or {}).get("units", []):
        code, cls = entry.get("code"), entry.get("class")
        if not code or cls not in UNIT_CLASSES:
            _fail(code or entry, path, f"unit {code!r}: class must be one of {sorted(UNIT_CLASSES)}, got {cls!r}")
        for form in _strings(entry.get("forms"), _where(code, path), f"unit {code} forms"):
            if form in seen:
                _fail(form, path, f"unit form {form!r} listed twice (first at {seen[form]})")
            seen[form] = _where(form, path)
            out.append(Unit(str(code), str(cls), str(form), float(entry.get("scale", 1)),
                            bool(entry.get("chinese_only", False))))
    return sorted(out, key=lambda u: -len(u.form))


def _qualifiers(doc, path) -> dict:
    doc = doc or {}
    for part in ("prefix", "suffix", "inner"):
        for q, cues in (doc.get(part) or {}).items():
            if q not in QUALIFIERS:
                _fail(q, path, f"unknown qualifier {q!r} (known: {sorted(QUALIFIERS)})")
            _strings(cues, _where(q, path), f"{part}.{q}")
    for c in doc.get("prefix_conditional") or []:
        if c.get("qualifier") not in QUALIFIERS:
            _fail(c.get("cue"), path, f"unknown qualifier {c.get('qualifier')!r}")
    return doc


def _indicators(doc, path, unit_classes: set[str]) -> dict[str, Indicator]:
    out = {}
    for code, spec in ((doc or {}).get("indicators") or {}).items():
        if not isinstance(spec, dict):
            _fail(code, path, f"indicator {code}: expected a mapping")
        if spec.get("domain") not in DOMAINS:
            _fail(code, path, f"indicator {code}: domain must be one of {sorted(DOMAINS)}")
        for u in _strings(spec.get("units"), _where(code, path), f"indicator {code} units"):
            if u not in unit_classes and u not in {"currency", "percent", "count"} | _UNIT_CODES:
                _fail(u, path, f"indicator {code}: unknown unit {u!r}")
        if spec.get("needs", "") and spec["needs"] not in CONTEXTS:
            _fail(spec["needs"], path, f"indicator {code}: needs must be one of {sorted(CONTEXTS)}")
        if spec.get("default_in", "") and spec["default_in"] not in CONTEXTS:
            _fail(spec["default_in"], path, f"indicator {code}: default_in must be one of {sorted(CONTEXTS)}")
        if spec.get("roles", "trade") not in ROLES:
            _fail(spec["roles"], path, f"indicator {code}: roles must be one of {sorted(ROLES)}")
        out[str(code)] = Indicator(
            code=str(code), domain=str(spec["domain"]), units=[str(u) for u in spec["units"]],
            keywords=_strings(spec.get("keywords"), _where(code, path), f"{code} keywords"),
            after=list(spec.get("after") or []), requires=list(spec.get("requires") or []),
            block=list(spec.get("block") or []), negative=list(spec.get("negative") or []),
            needs=str(spec.get("needs") or ""), roles=str(spec.get("roles") or "trade"),
            timeless=bool(spec.get("timeless", False)),
            sentence_cues_other=dict(spec.get("sentence_cues_other") or {}),
            default_in=str(spec.get("default_in") or ""),
        )
    return out


def _conventions(doc, path, indicators) -> dict[str, dict[str, str]]:
    out = {}
    for economy, table in (doc.get("conventions") or {}).items():
        if not isinstance(table, dict):
            _fail(economy, path, f"conventions {economy}: expected a mapping of keyword: indicator")
        for kw, code in table.items():
            if code not in indicators:
                _fail(code, path, f"conventions {economy}: unknown indicator {code!r}")
        out[str(economy)] = {str(k): str(v) for k, v in table.items()}
    return out


_UNIT_CODES: set[str] = set()


@functools.lru_cache(maxsize=1)
def _pycountry_names() -> dict[str, str]:
    """zh_CN names of every ISO 3166-1 country (name, common and official)."""
    import pycountry
    try:
        zh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    except OSError:
        return {}
    names = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            en = getattr(c, attr, None)
            if en:
                zh_name = zh.gettext(en)
                if zh_name != en and len(zh_name) >= 2:
                    names.setdefault(zh_name, c.alpha_3)
    return names


def _entities(doc, path) -> tuple[dict, dict, dict]:
    doc = doc or {}
    aliases: dict[str, tuple[str, str]] = {}
    written: dict[str, str] = {}

    def add(form, code, kind, where_node):
        if form in written:
            _fail(form, path, f"alias {form!r} given twice (first at {written[form]})")
        written[form] = _where(form, path)
        aliases[str(form)] = (str(code), kind)

    for kind, section in (("country", "countries"), ("group", "groups"), ("place", "places")):
        for code, forms in (doc.get(section) or {}).items():
            if kind == "group" and code not in GROUP_CODES:
                _fail(code, path, f"unknown group code {code!r} (known: {sorted(GROUP_CODES)})")
            if kind == "country" and not (len(code) == 3 and code.isupper()):
                _fail(code, path, f"country code {code!r} is not ISO 3166-1 alpha-3")
            for form in _strings(forms, _where(code, path), f"{section}.{code}"):
                add(form, code, kind, code)
    for form in _strings(doc.get("self_places") or [], path, "self_places"):
        add(form, "CHN", "place", form)          # 我市, 我省: resolved to the article's place
    for zh_name, a3 in _pycountry_names().items():
        aliases.setdefault(zh_name, (a3, "country"))
    abbreviations = {}
    for code, chars in (doc.get("abbreviations") or {}).items():
        for ch in _strings(chars, _where(code, path), f"abbreviations.{code}"):
            if len(ch) != 1 or ch in abbreviations:
                _fail(ch, path, f"abbreviation {ch!r} must be one character, given once")
            abbreviations[str(ch)] = str(code)
    return aliases, abbreviations, dict(doc.get("place_names") or {})


def _rail(doc, path) -> tuple[dict, list, list]:
    doc = doc or {}
    names: dict[str, RailName] = {}
    for entry in doc.get("lines") or []:
        name = entry.get("name")
        if not name or not entry.get("country"):
            _fail(name or entry, path, "rail line needs a name and a country")
        line = RailName(str(name), str(entry["country"]), str(entry.get("partner") or ""))
        for form in [name, *(entry.get("aliases") or [])]:
            if form in names:
                _fail(form, path, f"rail name {form!r} listed twice")
            names[str(form)] = line
    return names, _strings(doc.get("suffixes"), path, "suffixes"), list(doc.get("name_stoppers") or [])


def load_lexicon(directory: str | Path = LEXICON_DIR) -> Lexicon:
    """Read and validate every lexicon file in `directory`."""
    directory = Path(directory)
    docs = {name: _read(directory / f"{name}.yaml") for name in FILES}
    units = _units(docs["units"], str(directory / "units.yaml"))
    _UNIT_CODES.update(u.code for u in units)
    classes = {u.cls for u in units}
    ind_doc = docs["indicators"] or {}
    indicators = _indicators(ind_doc, str(directory / "indicators.yaml"), classes)
    aliases, abbreviations, place_names = _entities(docs["entities"], str(directory / "entities.yaml"))
    rail, suffixes, stoppers = _rail(docs["rail"], str(directory / "rail.yaml"))
    parts = {k: _strings(v, str(directory / "parts.yaml"), k) for k, v in (docs["parts"] or {}).items()}
    return Lexicon(
        units=units, qualifiers=_qualifiers(docs["qualifiers"], str(directory / "qualifiers.yaml")),
        cues=docs["cues"] or {}, indicators=indicators,
        contexts={k: list(v) for k, v in (ind_doc.get("contexts") or {}).items()},
        conventions=_conventions(ind_doc, str(directory / "indicators.yaml"), indicators),
        not_figures=list(ind_doc.get("not_figures") or []),
        aliases=aliases, abbreviations=abbreviations, place_names=place_names,
        not_abbreviations=set((docs["entities"] or {}).get("not_abbreviations") or []),
        not_aliases=tuple(_strings((docs["entities"] or {}).get("not_aliases") or [],
                                   str(directory / "entities.yaml"), "not_aliases")),
        self_places=tuple((docs["entities"] or {}).get("self_places") or []),
        rail=rail, rail_suffixes=suffixes, rail_stoppers=stoppers, parts=parts,
        train_kinds=list((docs["rail"] or {}).get("train_kinds") or []),
    )


@functools.lru_cache(maxsize=1)
def default() -> Lexicon:
    return load_lexicon(LEXICON_DIR)
