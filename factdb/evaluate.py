"""Measure extraction against hand-annotated gold: precision, recall, F1 per kind.

Gold lives in YAML, one file per article::

    document: 000_example.txt        # file name of the article
    published: 2019-04-23            # publication date a reader sees in the text, or null
    facts:
      - fact_type: figure
        metric: entourage size       # for humans; not matched
        raw: "140 people"            # for humans; not matched
        value: 140
        unit: people                 # or a list of acceptable units
        bound: exact
      - fact_type: event
        description: summit          # for humans; not matched
        date: "2019-04-25"           # ISO at date_precision; null = unresolved
        date_precision: day
        anchor: "Putin on April 25"  # words of the sentence that states it
        optional: true               # neither rewarded nor punished (see below)

Unit of annotation (what one gold fact is):

* ``entourage_member``, ``venue``, ``menu_item``: one fact per distinct person,
  place or dish per document. Repeat mentions belong in one predicted fact's
  ``evidence`` list; a second predicted fact for the same thing is a duplicate.
* ``quote``: one fact per quotation-mark segment (a quote interrupted by
  "he said" is two). Segments of 8+ words are required, 5–7 words optional,
  1–4 word scare quotes are not quotes.
* ``event`` and ``figure``: one fact per statement (sentence) of a date or
  number; the same date restated in another sentence is another fact.

Annotation conventions (what the gold counts, so extractors know the target):

* Boilerplate is never gold: photo captions, datelines and date lines,
  "Related article" lines, embedded tweets, share/comment prompts, bylines and
  URLs. Facts predicted from them are false positives. Headlines and
  standfirsts that restate the lead are optional.
* Entourage: named people only (not "his bodyguards"), on either leader's
  side when reported travelling with, accompanying, sitting in the leader's
  delegation or going ahead; hosts are not entourage. ``present: false`` for
  people reported absent from the party.
* Events: official acts and happenings are required; dates of media reports
  ("Le Monde reported on Tuesday") and vague periods ("last week", "earlier
  this week", "by the end of this year") are optional. Without a publication
  date, weekday- and month-only dates are unresolved (``date: null``).
  A month with no year resolves by tense against publication ("in June" in
  past tense, published in April 2019 -> 2018-06).
* Venues: cities, islands, campuses, stations, airports, buildings, hotels,
  memorials, squares... where something in the story happens (background
  events included). Countries, regions, metonyms ("Moscow thinks") and the
  dateline city are not venues.
* Figures: every number with a unit or counted noun, parenthetical
  conversions included ("$15 million" after "S$20 million"); years, ordinals,
  clock times and names ("six-party", "Group of 20") are not figures.
* Menu: dishes served at a meal; ceremonial bread and salt is not a meal;
  drinks are optional.

Matching (a prediction and a gold fact of the same document and kind):

* entourage_member — person names equal after normalization (case, accents,
  hyphens, possessives, honorifics such as "Mr" dropped), or first and last
  tokens equal, or rapidfuzz ``ratio`` >= 90; *and* ``present`` equal.
  Secondary: role accuracy (predicted role contains / is contained in / is
  fuzzy-close to one of the gold roles) and "present": of the people found by
  name, how many carry the right ``present`` flag.
* event — ``date`` equal (both null when the text gives no resolvable date),
  ``date_precision`` equal, and the gold ``anchor`` occurs (case- and
  whitespace-insensitively) in one of the prediction's evidence sentences.
  ``date_any: true`` accepts any date (vague expressions, optional facts only).
  A gold range (``date_end``) also accepts, as an optional extra, a prediction
  dated at its end.
* venue — place name (or one of ``aliases``) normalized (also "the" dropped)
  equal, ``ratio`` >= 90, or one contains the other on token boundaries and
  either covers more than half of the longer's tokens or differs only by
  generic words ("Sentosa" ~ "Sentosa island"; "Vladivostok" does not match
  "Vladivostok station" nor "Bogor" "Bogor Palace": list aliases in gold).
* figure — value within relative tolerance 1e-6 and unit equal after
  normalization (singular/plural, "%"/"per cent" -> percent, "centimetres" ->
  cm, "$"/"dollars" -> USD ...). Secondary: bound accuracy.
* menu_item — dish (or alias / local name) normalized equal, ``ratio`` >= 85,
  or token containment covering at least half. Secondary: course accuracy
  (where gold gives a course; singular-blind, "main" ~ "main course").
* quote — text normalized (case, quote marks, dashes, punctuation), then one
  contains the other or ``partial_ratio`` >= 90, and the shorter is at least
  half as long as the longer (a quote split in pieces earns one match and
  duplicates). Secondary: speaker accuracy (last names equal, or one speaker
  description contains the other: "the official" ~ "State Department official").

Assignment: all (gold, prediction) pairs that match are ranked by match score
and assigned greedily, one to one, required gold first. Predictions left over
are then matched to ``optional`` gold facts and ignored (neither TP nor FP).
Every remaining prediction is a false positive — labelled "duplicate" when it
would have matched an already taken gold fact (extractors should merge repeat
mentions into one fact's evidence), "wrong present flag" for entourage people
matched by name only, otherwise "spurious". Unmatched required gold facts are
false negatives. Precision = TP / (TP + FP), recall = TP / (TP + FN).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

import yaml
from rapidfuzz import fuzz

from .models import FACT_TYPES

__all__ = [
    "GoldDocument",
    "GoldFact",
    "GoldError",
    "KindScore",
    "Report",
    "evaluate",
    "load_gold",
    "load_gold_file",
    "score",
    "matches",
]


class GoldError(ValueError):
    """A gold file that does not follow the format."""


# --- gold --------------------------------------------------------------------

# Fields each kind must / may carry in gold. Keys outside these lists are typos.
_COMMON = {"fact_type", "optional", "note"}
_REQUIRED = {
    "entourage_member": {"person"},
    "event": {"anchor"},
    "venue": {"place"},
    "figure": {"value", "unit"},
    "menu_item": {"dish"},
    "quote": {"text"},
}
_ALLOWED = {
    "entourage_member": {"person", "aliases", "role", "leader", "present"},
    "event": {
        "description", "event_type", "date", "date_precision", "date_end",
        "date_any", "anchor", "place",
    },
    "venue": {"place", "aliases", "place_type", "activity"},
    "figure": {"metric", "raw", "value", "unit", "bound", "direction", "period"},
    "menu_item": {"dish", "aliases", "local_names", "course", "meal"},
    "quote": {"text", "speaker", "verb", "via_interpreter"},
}
_DATE_PATTERNS = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
}


@dataclass(frozen=True)
class GoldFact:
    """One hand-annotated fact; ``fields`` holds the kind's keys as written."""

    document: str
    fact_type: str
    fields: Mapping[str, Any]
    optional: bool = False
    index: int = 0  # position in the gold file, for stable ordering and messages

    def get(self, key: str, default: Any = None) -> Any:
        return self.fields.get(key, default)

    def label(self) -> str:
        return describe(self.fact_type, self.fields)


@dataclass
class GoldDocument:
    document: str
    published: date | None
    facts: list[GoldFact]
    path: Path | None = None


def _iso(value: Any) -> str | None:
    """YAML turns 2019-04-25 into a date and 2011 into an int; gold wants strings."""
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _gold_fact(document: str, index: int, raw: Any, where: str) -> GoldFact:
    if not isinstance(raw, dict):
        raise GoldError(f"{where}: fact #{index} is not a mapping")
    kind = raw.get("fact_type")
    if kind not in FACT_TYPES:
        raise GoldError(f"{where}: fact #{index} has unknown fact_type {kind!r}")
    unknown = set(raw) - _COMMON - _ALLOWED[kind]
    if unknown:
        raise GoldError(f"{where}: fact #{index} ({kind}) has unknown keys {sorted(unknown)}")
    missing = {k for k in _REQUIRED[kind] if raw.get(k) in (None, "")}
    if missing:
        raise GoldError(f"{where}: fact #{index} ({kind}) lacks {sorted(missing)}")
    fields = {k: v for k, v in raw.items() if k not in _COMMON}
    if kind == "event":
        for key in ("date", "date_end"):
            fields[key] = _iso(fields.get(key))
        precision = fields.get("date_precision")
        if fields["date"] is None and precision is not None:
            raise GoldError(f"{where}: fact #{index} has date_precision without a date")
        if fields["date"] is not None:
            if precision not in _DATE_PATTERNS:
                raise GoldError(f"{where}: fact #{index} needs date_precision day|month|year")
            for key in ("date", "date_end"):
                if fields[key] is not None and not _DATE_PATTERNS[precision].match(fields[key]):
                    raise GoldError(f"{where}: fact #{index} {key} {fields[key]!r} is not ISO {precision}")
        if fields.get("date_any") and not raw.get("optional"):
            raise GoldError(f"{where}: fact #{index}: date_any is only allowed on optional facts")
    if kind == "figure":
        try:
            fields["value"] = float(fields["value"])
        except (TypeError, ValueError) as exc:
            raise GoldError(f"{where}: fact #{index} value is not a number") from exc
    if kind == "entourage_member":
        fields.setdefault("present", True)
    return GoldFact(document, kind, fields, bool(raw.get("optional", False)), index)


def load_gold_file(path: str | Path) -> GoldDocument:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise GoldError(f"{path}: {exc}") from exc
    if not isinstance(data, dict) or not data.get("document"):
        raise GoldError(f"{path}: needs a `document:` key")
    unknown = set(data) - {"document", "published", "facts", "note"}
    if unknown:
        raise GoldError(f"{path}: unknown top-level keys {sorted(unknown)}")
    published = data.get("published")
    if isinstance(published, str):
        published = date.fromisoformat(published)
    document = str(data["document"])
    facts = [
        _gold_fact(document, i, raw, str(path)) for i, raw in enumerate(data.get("facts") or [])
    ]
    return GoldDocument(document, published, facts, path)


def load_gold(directory: str | Path) -> dict[str, GoldDocument]:
    """All ``*.yaml`` / ``*.yml`` gold files of a directory, keyed by document name."""
    directory = Path(directory)
    paths = sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")])
    if not paths:
        raise GoldError(f"{directory}: no gold files")
    gold: dict[str, GoldDocument] = {}
    for path in paths:
        doc = load_gold_file(path)
        if doc.document in gold:
            raise GoldError(f"{path}: document {doc.document!r} already annotated")
        gold[doc.document] = doc
    return gold


# --- normalization -------------------------------------------------------------

_HONORIFICS = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "madam", "madame",
    "comrade", "gen", "general", "marshal", "adm", "admiral", "col", "colonel",
    "president", "premier", "chairman", "minister", "prof", "professor",
}
_PUNCT = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")
_QUOTE_MARKS = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2212": "-",
})


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text).translate(_QUOTE_MARKS))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def normalize_text(text: str) -> str:
    """Lower case, no accents or punctuation (hyphens become spaces), one space."""
    text = _fold(text).replace("'s ", " ").replace("'s", "")
    return _SPACE.sub(" ", _PUNCT.sub(" ", text.replace("-", " "))).strip()


def normalize_name(name: str) -> str:
    tokens = normalize_text(name).split()
    while len(tokens) > 1 and tokens[0] in _HONORIFICS:
        tokens = tokens[1:]
    return " ".join(tokens)


def normalize_place(name: str) -> str:
    tokens = normalize_text(name).split()
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    return " ".join(tokens)


_UNIT_SYNONYMS = {
    "%": "percent", "per cent": "percent", "pct": "percent", "percentage": "percent",
    "percentage point": "percentage point", "pp": "percentage point",
    "$": "usd", "us$": "usd", "dollar": "usd", "us dollar": "usd",
    "£": "gbp", "pound": "gbp", "pound sterling": "gbp", "sterling": "gbp",
    "€": "eur", "euro": "eur", "¥": "jpy", "yen": "jpy", "won": "krw", "yuan": "cny",
    "rouble": "rub", "ruble": "rub",
    "centimetre": "cm", "centimeter": "cm", "millimetre": "mm", "millimeter": "mm",
    "metre": "m", "meter": "m", "kilometre": "km", "kilometer": "km",
    "mile": "mi", "hour": "hours", "hr": "hours", "h": "hours",
    "minute": "minutes", "min": "minutes", "second": "seconds", "sec": "seconds",
    "year": "years", "yr": "years", "day": "days", "week": "weeks", "month": "months",
    "person": "people", "persons": "people",
}
_IRREGULAR_SINGULAR = {"people": "people", "men": "man", "women": "woman", "children": "child"}


def normalize_unit(unit: str) -> str:
    """Map unit spellings to one form; counted nouns compare singular/plural-blind."""
    text = _SPACE.sub(" ", _fold(unit).strip().rstrip("."))
    if text in _UNIT_SYNONYMS:
        return _UNIT_SYNONYMS[text]
    if text in _IRREGULAR_SINGULAR:
        return _IRREGULAR_SINGULAR[text]
    singular = text
    if text.endswith("ies") and len(text) > 4:
        singular = text[:-3] + "y"
    elif text.endswith(("ches", "shes", "sses", "xes")):
        singular = text[:-2]
    elif text.endswith("s") and not text.endswith("ss") and len(text) > 3:
        singular = text[:-1]
    return _UNIT_SYNONYMS.get(singular, singular)


def normalize_quote(text: str) -> str:
    return normalize_text(text)


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if v is not None]
    return [str(value)]


# --- matching ----------------------------------------------------------------

def _get(fact: Any, key: str, default: Any = None) -> Any:
    if isinstance(fact, Mapping):
        return fact.get(key, default)
    return getattr(fact, key, default)


def _evidence_sentences(fact: Any) -> list[str]:
    sentences = []
    for ev in _get(fact, "evidence", None) or []:
        sentence = _get(ev, "sentence")
        if sentence:
            sentences.append(sentence)
    return sentences


# Words that do not change which place is meant: "Sentosa" is "Sentosa island",
# but "Vladivostok" is not "Vladivostok station" and "Bogor" is not "Bogor Palace".
_GENERIC_PLACE_WORDS = frozenset(
    "the of city town village island islands hotel resort region province port".split()
)


def _token_containment(a: str, b: str) -> tuple[float, set[str]]:
    """Share of the longer's tokens covered when one is a token run inside the other,
    and the longer's extra tokens."""
    short, long_ = (a, b) if len(a.split()) <= len(b.split()) else (b, a)
    if not short or f" {short} " not in f" {long_} ":
        return 0.0, set()
    extra = set(long_.split()) - set(short.split())
    return len(short.split()) / len(long_.split()), extra


def _name_score(gold_names: list[str], predicted: str | None, threshold: float,
                normalize: Callable[[str], str], first_last: bool = False,
                containment: str = "half") -> float:
    """Best score of a predicted name against gold names (0 = no match)."""
    if not predicted:
        return 0.0
    p = normalize(predicted)
    if not p:
        return 0.0
    best = 0.0
    for name in gold_names:
        g = normalize(name)
        if not g:
            continue
        if g == p:
            return 100.0
        ratio = fuzz.ratio(g, p)
        if ratio >= threshold:
            best = max(best, ratio)
            continue
        gt, pt = g.split(), p.split()
        if first_last and len(gt) > 1 and len(pt) > 1 and gt[0] == pt[0] and gt[-1] == pt[-1]:
            best = max(best, 90.0)
            continue
        coverage, extra = _token_containment(g, p)
        if containment == "half":  # dishes: "beef rendang" ~ "rendang"
            ok = coverage >= 0.5
        else:  # places: more than half, or only generic words added
            ok = coverage > 0.5 or (coverage > 0 and extra <= _GENERIC_PLACE_WORDS)
        if ok:
            best = max(best, 80.0 + 10.0 * coverage)
    return best


def _same_value(a: float, b: float) -> bool:
    if a == b:
        return True
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b))


def _quote_score(gold_text: str, predicted: str | None) -> float:
    if not predicted:
        return 0.0
    g, p = normalize_quote(gold_text), normalize_quote(predicted)
    if not g or not p:
        return 0.0
    short, long_ = (g, p) if len(g) <= len(p) else (p, g)
    if len(short) < 0.5 * len(long_):
        return 0.0
    if short in long_:
        return 100.0 * len(short) / len(long_) + 1.0
    partial = fuzz.partial_ratio(short, long_)
    if partial >= 90:
        return partial * len(short) / len(long_)
    return 0.0


def _anchor_in(anchor: str, sentences: Iterable[str]) -> bool:
    needle = _SPACE.sub(" ", _fold(anchor)).strip()
    return any(needle in _SPACE.sub(" ", _fold(s)) for s in sentences)


def matches(gold: GoldFact, predicted: Any) -> float:
    """Match score of one prediction against one gold fact of the same kind (0 = none).

    The kind rules are listed in the module docstring; higher scores are
    better matches and win in the greedy assignment.
    """
    if _get(predicted, "fact_type") != gold.fact_type:
        return 0.0
    kind = gold.fact_type
    if kind == "entourage_member":
        if bool(_get(predicted, "present", True)) != bool(gold.get("present", True)):
            return 0.0
        return _person_score(gold, predicted)
    if kind == "event":
        if not gold.get("date_any"):
            if _get(predicted, "date") != gold.get("date"):
                return 0.0
            if gold.get("date") is not None and _get(predicted, "date_precision") != gold.get("date_precision"):
                return 0.0
        return 100.0 if _anchor_in(gold.get("anchor"), _evidence_sentences(predicted)) else 0.0
    if kind == "venue":
        names = [gold.get("place"), *_as_list(gold.get("aliases"))]
        return _name_score(names, _get(predicted, "place"), 90, normalize_place, containment="place")
    if kind == "figure":
        value = _get(predicted, "value")
        unit = _get(predicted, "unit")
        if value is None or unit is None or not _same_value(float(value), gold.get("value")):
            return 0.0
        units = {normalize_unit(u) for u in _as_list(gold.get("unit"))}
        return 100.0 if normalize_unit(unit) in units else 0.0
    if kind == "menu_item":
        names = [gold.get("dish"), *_as_list(gold.get("aliases")), *_as_list(gold.get("local_names"))]
        return _name_score(names, _get(predicted, "dish"), 85, normalize_place)
    if kind == "quote":
        return _quote_score(gold.get("text"), _get(predicted, "text"))
    return 0.0


def _person_score(gold: GoldFact, predicted: Any) -> float:
    names = [gold.get("person"), *_as_list(gold.get("aliases"))]
    score = _name_score(names, _get(predicted, "person"), 90, normalize_name, first_last=True)
    # token containment is for places and dishes; for people only first+last counts
    return score if score >= 90 else 0.0


def _role_ok(gold: GoldFact, predicted: Any) -> bool:
    role = _get(predicted, "role")
    if not role:
        return False
    p = normalize_text(role)
    for alternative in _as_list(gold.get("role")):
        g = normalize_text(alternative)
        if g and (g in p or p in g or fuzz.token_set_ratio(g, p) >= 85):
            return True
    return False


def _speaker_ok(gold: GoldFact, predicted: Any) -> bool:
    speaker = _get(predicted, "speaker")
    if not speaker:
        return False
    p = normalize_name(speaker)
    for alternative in _as_list(gold.get("speaker")):
        g = normalize_name(alternative)
        if not g:
            continue
        if g.split()[-1] == p.split()[-1] or f" {g} " in f" {p} " or f" {p} " in f" {g} ":
            return True
    return False


def _course_ok(gold: GoldFact, predicted: Any) -> bool:
    """Course words compare singular-blind and by containment ("main" ~ "main course")."""
    course = _get(predicted, "course")
    if not course:
        return False
    p = " ".join(normalize_unit(t) for t in normalize_text(course).split())
    for alternative in _as_list(gold.get("course")):
        g = " ".join(normalize_unit(t) for t in normalize_text(alternative).split())
        if g and (f" {g} " in f" {p} " or f" {p} " in f" {g} "):
            return True
    return False


# Secondary checks on true positives: name -> (applies to gold?, correct?)
_SECONDARY: dict[str, dict[str, tuple[Callable[[GoldFact], bool], Callable[[GoldFact, Any], bool]]]] = {
    "entourage_member": {"role": (lambda g: bool(g.get("role")), _role_ok)},
    "quote": {"speaker": (lambda g: bool(g.get("speaker")), _speaker_ok)},
    "figure": {"bound": (lambda g: bool(g.get("bound")),
                         lambda g, p: _get(p, "bound", "exact") == g.get("bound"))},
    "menu_item": {"course": (lambda g: bool(g.get("course")), _course_ok)},
}


# --- describing facts for humans ------------------------------------------------

def describe(kind: str, fact: Any) -> str:
    """One line naming a fact by the fields matching uses."""
    def get(key: str) -> Any:
        value = fact.get(key) if isinstance(fact, Mapping) else getattr(fact, key, None)
        return " / ".join(map(str, value)) if isinstance(value, (list, tuple)) else value

    if kind == "entourage_member":
        flag = "" if get("present") in (None, True) else " [ABSENT]"
        return f"{get('person')} ({get('role') or '-'}){flag}"
    if kind == "event":
        when = "any date" if get("date_any") else (get("date") or "null")
        prec = f"/{get('date_precision')}" if get("date_precision") else ""
        what = get("anchor") or get("description") or ""
        return f"{when}{prec} · {what!s}"
    if kind == "venue":
        return f"{get('place')} ({get('activity') or '-'})"
    if kind == "figure":
        value = get("value")
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return f"{value} {get('unit')} [{get('bound') or 'exact'}] · {get('raw') or get('metric') or ''}"
    if kind == "menu_item":
        return f"{get('dish')} ({get('course') or '-'})"
    if kind == "quote":
        text = str(get("text") or "")
        short = text if len(text) <= 70 else text[:67] + "..."
        return f"{get('speaker') or '?'}: \u201c{short}\u201d"
    return repr(fact)


def _evidence_snippet(fact: Any, width: int = 110) -> str:
    sentences = _evidence_sentences(fact)
    if not sentences:
        return ""
    text = _SPACE.sub(" ", sentences[0]).strip()
    return text if len(text) <= width else text[: width - 3] + "..."


# --- scoring -----------------------------------------------------------------

@dataclass
class KindScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    ignored: int = 0  # predictions that matched optional gold
    secondary: dict[str, list[int]] = field(default_factory=dict)  # name -> [correct, total]

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "KindScore") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.ignored += other.ignored
        for name, (ok, total) in other.secondary.items():
            mine = self.secondary.setdefault(name, [0, 0])
            mine[0] += ok
            mine[1] += total


@dataclass(frozen=True)
class Miss:
    document: str
    fact_type: str
    gold: GoldFact


@dataclass(frozen=True)
class FalsePositive:
    document: str
    fact_type: str
    predicted: Any
    reason: str  # "spurious" | "duplicate of ..." | "wrong present flag for ..."


@dataclass(frozen=True)
class Hit:
    document: str
    fact_type: str
    gold: GoldFact
    predicted: Any


@dataclass
class Report:
    """Per-kind counts plus the individual misses and false positives."""

    by_kind: dict[str, KindScore]
    misses: list[Miss] = field(default_factory=list)
    false_positives: list[FalsePositive] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    title: str = "extraction"

    @property
    def overall(self) -> KindScore:
        total = KindScore()
        for score in self.by_kind.values():
            total.add(score)
        return total

    def precision(self, kind: str | None = None) -> float:
        return (self.by_kind[kind] if kind else self.overall).precision

    def recall(self, kind: str | None = None) -> float:
        return (self.by_kind[kind] if kind else self.overall).recall

    def f1(self, kind: str | None = None) -> float:
        return (self.by_kind[kind] if kind else self.overall).f1

    def table(self) -> str:
        rows = [(kind, self.by_kind[kind]) for kind in FACT_TYPES if kind in self.by_kind]
        rows.append(("overall", self.overall))
        lines = [
            f"{self.title}",
            f"{'kind':<17} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5} {'opt':>5}  secondary",
        ]
        for kind, s in rows:
            extra = ", ".join(
                f"{name} {ok}/{total}" for name, (ok, total) in sorted(s.secondary.items())
            ) if kind != "overall" else ""
            lines.append(
                f"{kind:<17} {s.precision:>6.2f} {s.recall:>6.2f} {s.f1:>6.2f} "
                f"{s.tp:>5} {s.fp:>5} {s.fn:>5} {s.ignored:>5}  {extra}"
            )
        return "\n".join(lines)

    def errors(self, kind: str | None = None, limit: int | None = None) -> str:
        """Misses and false positives, grouped by kind and document, for debugging."""
        lines = []
        for k in FACT_TYPES:
            if kind and k != kind:
                continue
            misses = [m for m in self.misses if m.fact_type == k]
            fps = [f for f in self.false_positives if f.fact_type == k]
            if not misses and not fps:
                continue
            lines.append(f"== {k}: {len(misses)} missed, {len(fps)} false positive")
            for m in misses[:limit]:
                lines.append(f"  MISS {m.document}: {m.gold.label()}")
            for f in fps[:limit]:
                lines.append(f"  FP   {f.document}: {describe(k, f.predicted)}  <{f.reason}>")
                snippet = _evidence_snippet(f.predicted)
                if snippet:
                    lines.append(f"         in: {snippet}")
        return "\n".join(lines)

    def __str__(self) -> str:
        parts = [self.table()]
        if self.notes:
            parts.append("\n".join(f"note: {n}" for n in self.notes))
        errors = self.errors()
        if errors:
            parts.append(errors)
        return "\n\n".join(parts)


def _assign(golds: list[GoldFact], preds: list[Any]) -> tuple[dict[int, int], set[int]]:
    """Greedy one-to-one assignment by descending score; returns gold->pred and used preds."""
    pairs = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            s = matches(g, p)
            if s > 0:
                pairs.append((-s, g.index, pi, gi))
    pairs.sort()
    assigned: dict[int, int] = {}
    used: set[int] = set()
    for _, _, pi, gi in pairs:
        if gi in assigned or pi in used:
            continue
        assigned[gi] = pi
        used.add(pi)
    return assigned, used


def _range_end_extras(golds: list[GoldFact]) -> list[GoldFact]:
    """A range "April 24-25" accepts, as an optional extra, an event dated at its end."""
    extras = []
    for g in golds:
        if g.fact_type == "event" and g.get("date_end") and g.get("date"):
            fields = dict(g.fields, date=g.get("date_end"), date_end=None)
            extras.append(GoldFact(g.document, g.fact_type, fields, True, g.index))
    return extras


def _score_kind(document: str, kind: str, golds: list[GoldFact], preds: list[Any],
                report: Report, score: KindScore) -> None:
    required = [g for g in golds if not g.optional]
    optional = [g for g in golds if g.optional] + _range_end_extras(required)
    assigned, used = _assign(required, preds)
    rest = [i for i in range(len(preds)) if i not in used]
    _, used_optional = _assign(optional, [preds[i] for i in rest])
    ignored = {rest[i] for i in used_optional}

    checks = _SECONDARY.get(kind, {})
    for gi, g in enumerate(required):
        if gi in assigned:
            p = preds[assigned[gi]]
            score.tp += 1
            report.hits.append(Hit(document, kind, g, p))
            for name, (applies, correct) in checks.items():
                if applies(g):
                    tally = score.secondary.setdefault(name, [0, 0])
                    tally[0] += bool(correct(g, p))
                    tally[1] += 1
            if kind == "entourage_member":
                tally = score.secondary.setdefault("present", [0, 0])
                tally[0] += 1
                tally[1] += 1
        else:
            score.fn += 1
            report.misses.append(Miss(document, kind, g))
    score.ignored += len(ignored)

    for pi, p in enumerate(preds):
        if pi in used or pi in ignored:
            continue
        reason = "spurious"
        twin = next((g for g in golds if matches(g, p) > 0), None)
        if twin is not None:
            reason = f"duplicate of gold: {twin.label()}"
        elif kind == "entourage_member":
            named = next((g for g in golds if _person_score(g, p) > 0), None)
            if named is not None:
                reason = f"wrong present flag for: {named.label()}"
                # people found by name: how many carry the right present flag
                tally = score.secondary.setdefault("present", [0, 0])
                tally[1] += 1
        score.fp += 1
        report.false_positives.append(FalsePositive(document, kind, p, reason))


def score(gold: Mapping[str, GoldDocument], predicted_facts_by_document: Mapping[str, Iterable[Any]],
          kinds: Iterable[str] | None = None, title: str = "extraction") -> Report:
    """Compare predictions (Fact models or dicts) with gold, document by document.

    Documents with gold but no predictions count all their gold as missed;
    predictions for documents without gold are skipped (and noted).
    """
    kinds = tuple(kinds) if kinds else FACT_TYPES
    report = Report({k: KindScore() for k in kinds}, title=title)
    for name in sorted(set(predicted_facts_by_document) - set(gold)):
        report.notes.append(f"predictions for {name} skipped: no gold for it")
    for name, doc in sorted(gold.items()):
        preds = list(predicted_facts_by_document.get(name) or [])
        for kind in kinds:
            _score_kind(
                name,
                kind,
                [g for g in doc.facts if g.fact_type == kind],
                [p for p in preds if _get(p, "fact_type") == kind],
                report,
                report.by_kind[kind],
            )
    return report


def _hidden_gold(doc: GoldDocument, article: Any) -> list[str]:
    """Required event anchors the reader puts only in boilerplate or across a
    sentence break: no extractor can reach them, so say so next to the misses."""
    notes = []
    for fact in doc.facts:
        if fact.fact_type != "event" or fact.optional:
            continue
        needle = _SPACE.sub(" ", _fold(fact.get("anchor"))).strip()
        holders = [s for s in article.sentences if needle in _SPACE.sub(" ", _fold(s.text))]
        if not holders:
            notes.append(f"{doc.document}: anchor {fact.get('anchor')!r} is split across sentences by the reader")
        elif all(s.boilerplate for s in holders):
            notes.append(f"{doc.document}: anchor {fact.get('anchor')!r} is in a sentence the reader marks boilerplate")
    return notes


def evaluate(gold_dir: str | Path, articles_dir: str | Path, *, kinds: Iterable[str] | None = None,
             extractor: Callable[..., list[Any]] | None = None,
             published_from_gold: bool = False) -> Report:
    """Read each gold document's article, run the extractors, and score them.

    ``published_from_gold`` hands the annotated publication date to the reader
    when it found none itself (as a crawler's metadata would); off by default
    so date resolution is measured end to end. Publication dates the reader
    gets wrong are listed in the report's notes either way.
    """
    from .read import read_path, read_text

    if extractor is None:
        from .extract import extract as extractor  # type: ignore[no-redef]
    gold_dir, articles_dir = Path(gold_dir), Path(articles_dir)
    gold = load_gold(gold_dir)
    predictions: dict[str, list[Any]] = {}
    notes = []
    for name, doc in sorted(gold.items()):
        path = articles_dir / name
        if not path.exists():
            raise GoldError(f"{doc.path}: article {path} not found")
        article = read_path(path)
        if article.published != doc.published:
            notes.append(f"{name}: reader found published={article.published}, gold says {doc.published}")
            if published_from_gold and article.published is None:
                article = read_text(name, article.text, published=doc.published)
        notes.extend(_hidden_gold(doc, article))
        predictions[name] = list(extractor(article))
    report = score(gold, predictions, kinds=kinds, title=f"{gold_dir}")
    report.notes[:0] = notes
    return report
