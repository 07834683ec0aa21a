"""What a valid record is: the Pydantic models every fact passes through.

Extractors and curated YAML both produce these models; nothing reaches the
database without being validated here. The models describe facts as an
article states them (mentions, raw text); the resolve step maps mentions to
canonical entities afterwards.
"""

from __future__ import annotations

import re
from datetime import date as Date
from typing import Annotated, Literal, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

FactType = Literal["entourage_member", "event", "venue", "figure", "menu_item", "quote"]
FACT_TYPES: tuple[str, ...] = FactType.__args__  # type: ignore[attr-defined]
Origin = Literal["extracted", "curated"]
Status = Literal["extracted", "confirmed", "disputed", "rejected"]
DatePrecision = Literal["day", "month", "year"]
Bound = Literal["exact", "approximate", "lower_bound", "upper_bound"]

_ISO_BY_PRECISION = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
}

NonEmpty = Annotated[str, Field(min_length=1)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


class Evidence(Model):
    """One span of one document that supports a fact.

    ``char_start``/``char_end`` index the stored document text and cover the
    evidence sentence (or quoted passage); ``sentence`` is exactly that slice.
    ``value_start``/``value_end`` optionally narrow it to the words that state
    the value, so a reporter can go from a number to the words that state it.
    """

    document: NonEmpty
    char_start: int = Field(ge=0)
    char_end: int = Field(gt=0)
    sentence: NonEmpty
    value_start: int | None = Field(default=None, ge=0)
    value_end: int | None = Field(default=None, gt=0)
    raw: str | None = None
    cited_source: str | None = None
    extractor: str | None = None
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)

    @model_validator(mode="after")
    def _span_matches_text(self, info: ValidationInfo) -> "Evidence":
        if self.char_end <= self.char_start:
            raise ValueError("char_end must be greater than char_start")
        if len(self.sentence) != self.char_end - self.char_start:
            raise ValueError(
                f"sentence is {len(self.sentence)} characters but the span "
                f"{self.char_start}:{self.char_end} is {self.char_end - self.char_start}"
            )
        if (self.value_start is None) != (self.value_end is None):
            raise ValueError("value_start and value_end go together")
        if self.value_start is not None and not (
            self.char_start <= self.value_start < self.value_end <= self.char_end  # type: ignore[operator]
        ):
            raise ValueError("value span must lie inside the evidence span")
        texts = (info.context or {}).get("document_texts") if info else None
        if texts is not None:
            text = texts.get(self.document)
            if text is None:
                raise ValueError(f"unknown document {self.document!r}")
            if text[self.char_start : self.char_end] != self.sentence:
                raise ValueError(
                    f"span {self.char_start}:{self.char_end} of {self.document} does not "
                    f"equal the evidence sentence"
                )
        return self


class FactBase(Model):
    origin: Origin = "extracted"
    status: Status = "extracted"
    evidence: list[Evidence] = Field(default_factory=list)

    @model_validator(mode="after")
    def _extracted_needs_evidence(self) -> "FactBase":
        if self.origin == "extracted" and not self.evidence:
            raise ValueError("an extracted fact needs at least one evidence span")
        return self


class EntourageMember(FactBase):
    """A person reported travelling with (or absent from) a leader's party."""

    fact_type: Literal["entourage_member"] = "entourage_member"
    person: NonEmpty
    role: str | None = None
    leader: str | None = None
    present: bool = True


class Event(FactBase):
    """A dated happening. ``date`` is ISO at ``date_precision``; NULL when unresolved."""

    fact_type: Literal["event"] = "event"
    description: NonEmpty
    event_type: str | None = None
    date: str | None = None
    date_precision: DatePrecision | None = None
    date_end: str | None = None
    date_text: str | None = None
    place: str | None = None

    @model_validator(mode="after")
    def _date_matches_precision(self) -> "Event":
        if self.date is None:
            if self.date_precision is not None:
                raise ValueError("date_precision given without a date")
            return self
        if self.date_precision is None:
            raise ValueError("a date needs a date_precision (day, month or year)")
        for field in ("date", "date_end"):
            value = getattr(self, field)
            if value is not None and not _ISO_BY_PRECISION[self.date_precision].match(value):
                raise ValueError(
                    f"{field} {value!r} is not ISO at {self.date_precision} precision"
                )
        if self.date_precision == "day":
            Date.fromisoformat(self.date)
        return self


class Venue(FactBase):
    """A place where something in the story happens."""

    fact_type: Literal["venue"] = "venue"
    place: NonEmpty
    place_type: str | None = None
    activity: str | None = None


class Figure(FactBase):
    """A number with a unit: raw text kept beside the normalized value."""

    fact_type: Literal["figure"] = "figure"
    metric: NonEmpty
    raw: NonEmpty
    value: float
    unit: NonEmpty
    bound: Bound = "exact"
    direction: Literal["increase", "decrease"] | None = None
    period: str | None = None


class MenuItem(FactBase):
    """A dish served at a meal."""

    fact_type: Literal["menu_item"] = "menu_item"
    dish: NonEmpty
    course: str | None = None
    meal: str | None = None
    local_names: list[str] = Field(default_factory=list)


class Quote(FactBase):
    """Words put in quotation marks and attributed to a speaker."""

    fact_type: Literal["quote"] = "quote"
    speaker: str | None = None
    text: NonEmpty
    verb: str | None = None
    via_interpreter: bool = False


Fact = Annotated[
    Union[EntourageMember, Event, Venue, Figure, MenuItem, Quote],
    Field(discriminator="fact_type"),
]


class Document(Model):
    """An article as read from disk: full text plus what we know about it."""

    name: NonEmpty
    text: str
    title: str | None = None
    outlet: str | None = None
    published: Date | None = None
    url: str | None = None
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


# --- curated data -----------------------------------------------------------


class CuratedPerson(Model):
    name: NonEmpty
    aliases: list[str] = Field(default_factory=list)
    wikidata: str | None = Field(default=None, pattern=r"^Q\d+$")
    description: str | None = None


class CuratedPlace(Model):
    name: NonEmpty
    aliases: list[str] = Field(default_factory=list)
    place_type: str | None = None
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    wikidata: str | None = Field(default=None, pattern=r"^Q\d+$")


class CuratedOutlet(Model):
    name: NonEmpty
    aliases: list[str] = Field(default_factory=list)
    domain: str | None = None


class FactDecision(Model):
    """Confirm, reject or correct an existing fact by its stable id."""

    fact_id: NonEmpty
    action: Literal["confirm", "reject", "dispute", "correct"]
    reason: NonEmpty
    changes: dict[str, object] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _correct_has_changes(self) -> "FactDecision":
        if self.action == "correct" and not self.changes:
            raise ValueError("a correction needs `changes`")
        return self


class EntityDecision(Model):
    """Merge two spellings into one entity, or keep two entities apart."""

    entity_type: Literal["person", "place", "outlet"]
    action: Literal["merge", "split"]
    names: list[NonEmpty] = Field(min_length=2)
    reason: NonEmpty


class CuratedFile(Model):
    """One YAML file under seeds/curated/. Every section is optional."""

    people: list[CuratedPerson] = Field(default_factory=list)
    places: list[CuratedPlace] = Field(default_factory=list)
    outlets: list[CuratedOutlet] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    fact_decisions: list[FactDecision] = Field(default_factory=list)
    entity_decisions: list[EntityDecision] = Field(default_factory=list)

    @field_validator("facts", mode="before")
    @classmethod
    def _curated_origin(cls, facts: object) -> object:
        if isinstance(facts, list):
            for fact in facts:
                if isinstance(fact, dict):
                    fact.setdefault("origin", "curated")
        return facts
