"""Resolve room: mentions become canonical entities, duplicates become one fact.

Input is every validated fact (extracted and curated) plus the curated
entities and decisions; output is a :class:`Resolution` the store writes as a
whole. Everything here is a pure function of its input, so a rebuild gives
every entity and fact the same id.

Entity linking uses RapidFuzz to score candidates and explicit rules to
decide; every decision is recorded with its rule and score.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz

from .models import (
    CuratedFile,
    EntityDecision,
    EntourageMember,
    Event,
    Evidence,
    FactBase,
    FactDecision,
    Figure,
    MenuItem,
    Quote,
    Venue,
)

ID_PREFIX = {
    "entourage_member": "ent",
    "event": "evt",
    "venue": "ven",
    "figure": "fig",
    "menu_item": "menu",
    "quote": "quo",
}

HONORIFICS = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "comrade", "president", "chairman",
    "premier", "leader", "general", "marshal", "secretary", "minister", "king",
    "queen", "prince", "princess", "prime", "vice", "former", "late", "then",
}

MONTHS = [
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
]


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def entity_id(prefix: str, name: str) -> str:
    """The id an entity gets from its canonical name (``person-kim-jong-un``)."""
    return f"{prefix}-{slug(normalize_name(name))}"


def stable_id(prefix: str, *parts: object) -> str:
    key = "\x1f".join("" if p is None else str(p) for p in parts)
    return f"{prefix}_{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}"


def normalize_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    text = re.sub(r"[^\w\s']", " ", text.lower())
    return " ".join(text.split())


def normalize_name(name: str) -> str:
    """Fold spelling variants that never distinguish two people or places."""
    name = unicodedata.normalize("NFKC", name).replace("’", "'")
    name = re.sub(r"'s?\b", "", name)
    name = re.sub(r"[-‐‑.]", " ", name)
    tokens = [t for t in re.sub(r"[^\w\s]", " ", name.lower()).split()]
    while len(tokens) > 1 and tokens[0] in HONORIFICS | {"the"}:
        tokens.pop(0)
    return " ".join(tokens)


def display_date(iso: str | None, precision: str | None) -> str | None:
    """25 April 2019 / April 2019 / 2011, as a reporter writes them."""
    if not iso or not precision:
        return None
    if precision == "year":
        return iso[:4]
    year, month = int(iso[:4]), int(iso[5:7])
    if precision == "month":
        return f"{MONTHS[month - 1]} {year}"
    day = date.fromisoformat(iso[:10]).day
    return f"{day} {MONTHS[month - 1]} {year}"


_CURRENCY_SIGNS = {"USD": "$", "GBP": "£", "EUR": "€", "JPY": "¥"}
_BOUND_WORDS = {"lower_bound": "more than ", "upper_bound": "up to ", "approximate": "about "}
_QUALIFIER = re.compile(
    r"^\s*(more than|less than|fewer than|at least|at most|up to|nearly|almost|about|around|"
    r"approximately|roughly|some|over|under|within|just over|just under)\b",
    re.IGNORECASE,
)


def display_figure(value: float, unit: str, bound: str, raw: str = "") -> str:
    """$12 million, more than 40%, at least 3 trucks, 18:00."""
    qualifier = _QUALIFIER.match(raw or "")
    if qualifier:
        prefix = qualifier.group(1).lower() + " "
    else:
        prefix = "" if bound == "exact" else _BOUND_WORDS.get(bound, "")
    if unit == "time":
        hours, minutes = int(value), round((value - int(value)) * 60)
        return f"{prefix}{hours:02d}:{minutes:02d}"
    if value == 1 and unit.endswith("s") and not unit.isupper():
        unit = unit[:-1]
    number = value
    scale = ""
    for size, word in ((1e12, " trillion"), (1e9, " billion"), (1e6, " million")):
        if abs(value) >= size and unit.isupper():
            number, scale = value / size, word
            break
    text = f"{number:,.2f}".rstrip("0").rstrip(".") + scale
    if unit.isupper() and len(unit) == 3:
        sign = _CURRENCY_SIGNS.get(unit)
        return f"{prefix}{sign}{text}" if sign else f"{prefix}{text} {unit}"
    if unit in ("percent", "%"):
        return f"{prefix}{text}%"
    return f"{prefix}{text} {unit}"


# Kinds of happening that one date pins down, whatever the wording; an article's
# "summit" is another's "talks". Statements and reports are not here: many
# differ on one day, so their wording stays part of their identity.
EVENT_FAMILIES = {
    "summit": "meeting", "meeting": "meeting", "press conference": "meeting",
    "arrival": "arrival", "border crossing": "arrival",
    "departure": "departure", "death": "death", "election": "election",
    "accession": "accession", "collapse": "collapse", "signing": "signing",
    "reception": "reception", "ceremony": "ceremony",
}


# --- entities ---------------------------------------------------------------


@dataclass
class Entity:
    id: str
    entity_type: str
    name: str
    aliases: set[str] = field(default_factory=set)
    attributes: dict = field(default_factory=dict)


@dataclass
class Decision:
    entity_type: str
    mention: str
    entity_id: str
    decision: str
    rule: str
    score: float | None = None
    reason: str | None = None


_NAME_PARTICLES = {"bin", "al", "de", "da", "di", "van", "von", "der", "la", "le", "du", "ibn"}
_FILLER_WORDS = {"of", "the", "and"}


def looks_like_name(mention: str) -> bool:
    """A proper name ("Moon Jae-in"), not a description ("a senior ministry official")."""
    words = re.findall(r"[^\W\d_][\w'’.-]*", mention)
    return bool(words) and all(w[0].isupper() or w.lower() in _NAME_PARTICLES for w in words)


def _reordered_score(a: str, b: str) -> float | None:
    """Names made of the same words in another order ("House of Friendship" / "Friendship House")."""
    ta = sorted(t for t in a.split() if t not in _FILLER_WORDS)
    tb = sorted(t for t in b.split() if t not in _FILLER_WORDS)
    if len(ta) >= 2 and ta == tb:
        return fuzz.token_sort_ratio(a, b)
    return None


def _variant_score(a: str, b: str) -> float | None:
    """Score two normalized names that differ only by one transliterated token."""
    ta, tb = a.split(), b.split()
    if len(ta) != len(tb) or len(ta) < 2:
        return None
    differing = [(x, y) for x, y in zip(ta, tb) if x != y]
    if len(differing) != 1:
        return None
    x, y = differing[0]
    if min(len(x), len(y)) < 4:
        return None
    score = fuzz.ratio(x, y)
    return score if score >= 75 else None


class EntityIndex:
    """Canonical entities of one type, with the rules that link mentions to them."""

    def __init__(self, entity_type: str, prefix: str, decisions: list[EntityDecision]):
        self.entity_type = entity_type
        self.prefix = prefix
        self.entities: dict[str, Entity] = {}
        self.by_key: dict[str, str] = {}
        self.decisions: list[Decision] = []
        self._decided: set[tuple[str, str]] = set()
        self.kept_apart: set[frozenset[str]] = set()
        self.merges: list[list[str]] = []
        for decision in decisions:
            if decision.entity_type != entity_type:
                continue
            keys = [normalize_name(n) for n in decision.names]
            if decision.action == "split":
                for i, a in enumerate(keys):
                    for b in keys[i + 1 :]:
                        self.kept_apart.add(frozenset((a, b)))
            else:
                self.merges.append(decision.names)

    def _record(self, mention: str, entity_id: str, decision: str, rule: str,
                score: float | None = None, reason: str | None = None) -> None:
        if (mention, entity_id) in self._decided:
            return
        self._decided.add((mention, entity_id))
        self.decisions.append(Decision(self.entity_type, mention, entity_id, decision, rule, score, reason))

    def add_canonical(self, name: str, aliases: list[str] = (), **attributes) -> Entity:
        key = normalize_name(name)
        if key in self.by_key:
            entity = self.entities[self.by_key[key]]
        else:
            entity = Entity(entity_id(self.prefix, name), self.entity_type, name)
            self.entities[entity.id] = entity
            self.by_key[key] = entity.id
        entity.attributes.update({k: v for k, v in attributes.items() if v is not None})
        for alias in [name, *aliases]:
            entity.aliases.add(alias)
            self.by_key.setdefault(normalize_name(alias), entity.id)
            self._record(alias, entity.id, "link", "curated")
        return entity

    def apply_merges(self) -> None:
        for names in self.merges:
            target = self.link(names[0])
            for other in names[1:]:
                key = normalize_name(other)
                self.by_key[key] = target.id
                target.aliases.add(other)
                self._record(other, target.id, "link", "curated-merge", reason="curated merge decision")

    def link(self, mention: str) -> Entity:
        """The entity a full mention names, creating one when no rule links it."""
        key = normalize_name(mention)
        if key in self.by_key:
            entity = self.entities[self.by_key[key]]
            if mention not in entity.aliases:
                entity.aliases.add(mention)
                rule = "exact" if mention == entity.name else "normalized-spelling"
                self._record(mention, entity.id, "link", rule, 100.0)
            return entity
        best: tuple[float, str, Entity] | None = None
        for other_key, candidate_id in self.by_key.items():
            rule, score = "transliteration-variant", _variant_score(key, other_key)
            if score is None and self.entity_type != "person":
                rule, score = "reordered-words", _reordered_score(key, other_key)
            if score is None:
                continue
            if frozenset((key, other_key)) in self.kept_apart:
                self._record(mention, candidate_id, "keep-apart", "curated-split", score,
                             "curated decision: different entities")
                continue
            if best is None or score > best[0]:
                best = (score, rule, self.entities[candidate_id])
        if best is not None:
            score, rule, entity = best
            self.by_key[key] = entity.id
            entity.aliases.add(mention)
            reason = ("names differ in one token spelled alike" if rule == "transliteration-variant"
                      else "the same words in another order")
            self._record(mention, entity.id, "link", rule, score, reason)
            return entity
        entity = Entity(entity_id(self.prefix, mention), self.entity_type, mention, {mention})
        while entity.id in self.entities:
            entity.id += "-2"
        self.entities[entity.id] = entity
        self.by_key[key] = entity.id
        self._record(mention, entity.id, "new", "no-match")
        return entity

    def link_short(self, mention: str, document_text: str) -> Entity:
        """Link a one-word mention ("Moon", "Pompeo") inside one article.

        It names the entity whose full name contains the word and appears
        first in the article; with no such full name it stays its own entity.
        """
        key = normalize_name(mention)
        if len(key.split()) != 1 or key in self.by_key and len(self.entities[self.by_key[key]].name.split()) > 1:
            return self.link(mention)
        text = document_text.lower()
        candidates = []
        for entity in self.entities.values():
            tokens = normalize_name(entity.name).split()
            if len(tokens) < 2 or key not in tokens:
                continue
            positions = [text.find(a.lower()) for a in entity.aliases if len(a.split()) > 1]
            positions = [p for p in positions if p >= 0]
            if positions:
                candidates.append((min(positions), entity))
        if not candidates:
            return self.link(mention)
        candidates.sort(key=lambda item: item[0])
        entity = candidates[0][1]
        rule = "short-form-unique" if len(candidates) == 1 else "short-form-first-mention"
        entity.aliases.add(mention)
        self._record(mention, entity.id, "link", rule, 100.0 if len(candidates) == 1 else 80.0,
                     "short form of a full name in the same article")
        return entity


# --- facts ------------------------------------------------------------------


@dataclass
class ResolvedFact:
    fact_id: str
    fact_type: str
    topic: str
    row: dict
    evidence: list[Evidence] = field(default_factory=list)
    origins: set[str] = field(default_factory=set)
    status: str = "extracted"
    status_reason: str | None = None
    decision_source: str | None = None

    @property
    def origin(self) -> str:
        return "extracted" if "extracted" in self.origins else "curated"


@dataclass
class Resolution:
    people: list[Entity]
    places: list[Entity]
    outlets: list[Entity]
    decisions: list[Decision]
    facts: dict[str, ResolvedFact]


@dataclass
class SourcedFact:
    """A validated fact and where it came from (a document or a curated file)."""

    fact: FactBase
    source: str
    document_text: str = ""


def _is_full_name(name: str) -> bool:
    return len(normalize_name(name).split()) > 1


class Resolver:
    def __init__(self, curated: list[tuple[str, CuratedFile]]):
        decisions = [d for _, c in curated for d in c.entity_decisions]
        self.people = EntityIndex("person", "person", decisions)
        self.places = EntityIndex("place", "place", decisions)
        self.outlets = EntityIndex("outlet", "outlet", decisions)
        self.fact_decisions: list[tuple[str, FactDecision]] = [
            (source, d) for source, c in curated for d in c.fact_decisions
        ]
        for _, c in curated:
            for p in c.people:
                self.people.add_canonical(p.name, p.aliases, wikidata=p.wikidata, description=p.description)
            for p in c.places:
                self.places.add_canonical(
                    p.name, p.aliases, wikidata=p.wikidata, place_type=p.place_type,
                    latitude=p.latitude, longitude=p.longitude,
                )
            for o in c.outlets:
                self.outlets.add_canonical(o.name, o.aliases, domain=o.domain)
        for index in (self.people, self.places, self.outlets):
            index.apply_merges()

    def person(self, mention: str | None, text: str) -> Entity | None:
        """The person a name refers to; descriptions ("a ministry official") link to no one."""
        if not mention or not looks_like_name(mention):
            return None
        if _is_full_name(mention):
            return self.people.link(mention)
        return self.people.link_short(mention, text)

    def place(self, mention: str | None, **attributes) -> Entity | None:
        if not mention:
            return None
        entity = self.places.link(mention)
        for key, value in attributes.items():
            if value is not None:
                entity.attributes.setdefault(key, value)
        return entity

    def outlet(self, name: str | None) -> Entity | None:
        return self.outlets.link(name) if name else None

    # Each kind: (identity parts, topic, row for the kind's table).

    def _entourage(self, f: EntourageMember, text: str):
        person = self.person(f.person, text) or self.people.link(f.person)
        leader = self.person(f.leader, text)
        leader_id = leader.id if leader else None
        identity = (person.id, leader_id, f.present)
        topic = f"entourage:{person.id}:{leader_id}"
        row = {"person_id": person.id, "leader_id": leader_id, "role": f.role, "present": f.present}
        return identity, topic, row

    def _event(self, f: Event, text: str):
        place = self.place(f.place)
        family = EVENT_FAMILIES.get(f.event_type or "")
        if f.date and family:
            # Articles word one happening differently; its kind and date identify it.
            identity = (family, f.date, f.date_end)
        else:
            identity = (f.event_type, normalize_text(f.description), f.date or
                        normalize_text(f.date_text or ""), place.id if place else None)
        topic = f"event:{normalize_text(f.description)}"
        row = {
            "description": f.description, "event_type": f.event_type, "date": f.date,
            "date_precision": f.date_precision, "date_end": f.date_end, "date_text": f.date_text,
            "date_display": display_date(f.date, f.date_precision),
            "place_id": place.id if place else None,
        }
        return identity, topic, row

    def _venue(self, f: Venue, text: str):
        # One fact per place: what happens there accumulates across articles.
        place = self.place(f.place, place_type=f.place_type)
        return (place.id,), f"venue:{place.id}", {"place_id": place.id, "activity": f.activity}

    def _figure(self, f: Figure, text: str):
        metric = " ".join(w for w in normalize_text(f.metric).split() if w not in HONORIFICS)
        identity = (metric, f.period, f.unit, repr(float(f.value)))
        topic = f"figure:{metric}:{f.period}:{f.unit}"
        row = {
            "metric": f.metric, "raw": f.raw, "value": f.value, "unit": f.unit, "bound": f.bound,
            "direction": f.direction, "period": f.period,
            "display": display_figure(f.value, f.unit, f.bound, f.raw),
        }
        return identity, topic, row

    def _menu(self, f: MenuItem, text: str):
        dish = normalize_text(f.dish)
        return (dish,), f"menu:{dish}", {
            "dish": f.dish, "course": f.course, "meal": f.meal,
            "local_names": ", ".join(f.local_names) or None,
        }

    def _quote(self, f: Quote, text: str):
        speaker = self.person(f.speaker, text)
        speaker_key = speaker.id if speaker else None
        words = normalize_text(f.text)
        return (speaker_key, words), f"quote:{speaker_key}:{words[:80]}", {
            "speaker_id": speaker_key, "speaker": speaker.name if speaker else f.speaker,
            "text": f.text, "verb": f.verb, "via_interpreter": f.via_interpreter,
        }

    def resolve(self, sourced: list[SourcedFact], document_outlets: list[str]) -> Resolution:
        for outlet in document_outlets:
            self.outlet(outlet)
        handlers = {
            "entourage_member": self._entourage, "event": self._event, "venue": self._venue,
            "figure": self._figure, "menu_item": self._menu, "quote": self._quote,
        }
        # Full names first, so short forms ("Moon") can find them wherever they appear.
        ordered = sorted(sourced, key=lambda s: (s.fact.origin != "curated", s.source))
        for item in ordered:
            for mention in _person_mentions(item.fact):
                if _is_full_name(mention) and looks_like_name(mention):
                    self.people.link(mention)
        facts: dict[str, ResolvedFact] = {}
        for item in ordered:
            fact = item.fact
            identity, topic, row = handlers[fact.fact_type](fact, item.document_text)
            fact_id = stable_id(ID_PREFIX[fact.fact_type], fact.fact_type, *identity)
            resolved = facts.get(fact_id)
            if resolved is None:
                resolved = facts[fact_id] = ResolvedFact(fact_id, fact.fact_type, topic, row)
            else:
                for key, value in row.items():
                    if resolved.row.get(key) in (None, "") and value not in (None, ""):
                        resolved.row[key] = value
                if fact.fact_type == "venue":
                    resolved.row["activity"] = _join_activities(resolved.row["activity"],
                                                                row["activity"])
            resolved.origins.add(fact.origin)
            if fact.origin == "curated":
                resolved.status = "confirmed"
                resolved.status_reason = f"stated in curated file {item.source}"
                resolved.decision_source = item.source
            seen = {(e.document, e.char_start, e.char_end) for e in resolved.evidence}
            for ev in fact.evidence:
                if (ev.document, ev.char_start, ev.char_end) not in seen:
                    resolved.evidence.append(ev.model_copy(update={"extractor": ev.extractor or (
                        "curated" if fact.origin == "curated" else None)}))
                    seen.add((ev.document, ev.char_start, ev.char_end))
        self._mark_conflicts(facts)
        self._apply_fact_decisions(facts)
        decisions = self.people.decisions + self.places.decisions + self.outlets.decisions
        return Resolution(
            sorted(self.people.entities.values(), key=lambda e: e.id),
            sorted(self.places.entities.values(), key=lambda e: e.id),
            sorted(self.outlets.entities.values(), key=lambda e: e.id),
            decisions,
            dict(sorted(facts.items())),
        )

    def _mark_conflicts(self, facts: dict[str, ResolvedFact]) -> None:
        _group_restated_events(facts)
        by_topic: dict[str, list[ResolvedFact]] = defaultdict(list)
        for fact in facts.values():
            by_topic[fact.topic].append(fact)
        for group in by_topic.values():
            if len(group) < 2 or any(f.status == "confirmed" for f in group):
                continue
            for fact in group:
                fact.status = "disputed"
                fact.status_reason = f"{len(group)} different values for the same topic"

    def _apply_fact_decisions(self, facts: dict[str, ResolvedFact]) -> None:
        status_for = {"confirm": "confirmed", "reject": "rejected", "dispute": "disputed",
                      "correct": "confirmed"}
        for source, decision in self.fact_decisions:
            fact = facts.get(decision.fact_id)
            if fact is None:
                raise UnknownFactError(source, decision.fact_id)
            if decision.action == "correct":
                unknown = set(decision.changes) - set(fact.row)
                if unknown:
                    raise ValueError(
                        f"{source}: fact_decisions[{decision.fact_id}].changes: "
                        f"unknown field(s) {sorted(unknown)} for {fact.fact_type}"
                    )
                fact.row.update(decision.changes)
            fact.status = status_for[decision.action]
            fact.status_reason = decision.reason
            fact.decision_source = source


EVENT_RESTATEMENT_SCORE = 80


def _words_before_value(evidence: Evidence, count: int = 2) -> str:
    if evidence.value_start is None:
        return ""
    before = normalize_text(evidence.sentence[: evidence.value_start - evidence.char_start])
    return " ".join(before.split()[-count:])


def _without_value(evidence: Evidence) -> str:
    if evidence.value_start is None:
        return normalize_text(evidence.sentence)
    start = evidence.value_start - evidence.char_start
    end = evidence.value_end - evidence.char_start
    return normalize_text(evidence.sentence[:start] + " " + evidence.sentence[end:])


def _group_restated_events(facts: dict[str, ResolvedFact]) -> None:
    """Give one topic to events that two articles tell alike but date differently.

    Candidates share a kind of happening, a date precision and the words that
    introduce the date ("last held in"); they are one topic when their
    sentences, dates left out, score at least EVENT_RESTATEMENT_SCORE
    (RapidFuzz token-set ratio). Different dates on one topic are a conflict.
    """
    buckets: dict[tuple, list[ResolvedFact]] = defaultdict(list)
    for fact in facts.values():
        if fact.fact_type != "event" or not fact.row.get("date") or not fact.evidence:
            continue
        evidence = fact.evidence[0]
        key = (fact.row.get("event_type"), fact.row.get("date_precision"),
               _words_before_value(evidence))
        if key[2]:
            buckets[key].append(fact)
    for group in buckets.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if a.row["date"] == b.row["date"] or a.topic == b.topic:
                    continue
                if {e.document for e in a.evidence} & {e.document for e in b.evidence}:
                    continue
                score = fuzz.token_set_ratio(_without_value(a.evidence[0]),
                                             _without_value(b.evidence[0]))
                if score >= EVENT_RESTATEMENT_SCORE:
                    topic = min(a.topic, b.topic)
                    for fact in facts.values():
                        if fact.topic in (a.topic, b.topic):
                            fact.topic = topic


class UnknownFactError(ValueError):
    def __init__(self, source: str, fact_id: str):
        super().__init__(f"{source}: fact_decisions: fact_id {fact_id!r} matches no fact")


def _join_activities(*activities: str | None) -> str | None:
    seen: list[str] = []
    for text in activities:
        for activity in (text or "").split(";"):
            activity = activity.strip()
            if activity and activity.lower() not in (a.lower() for a in seen):
                seen.append(activity)
    return "; ".join(seen) or None


def _person_mentions(fact: FactBase) -> list[str]:
    if isinstance(fact, EntourageMember):
        return [m for m in (fact.person, fact.leader) if m]
    if isinstance(fact, Quote) and fact.speaker:
        return [fact.speaker]
    return []


def resolve(
    sourced: list[SourcedFact],
    curated: list[tuple[str, CuratedFile]],
    document_outlets: list[str] = (),
) -> Resolution:
    """Resolve every fact of the database at once; a pure function of its input."""
    return Resolver(curated).resolve(sourced, list(document_outlets))

