"""The database schema: SQLAlchemy 2 declarative models, the one source of truth.

Alembic migrations under ``migrations/`` are generated from these models
(``alembic revision --autogenerate``) and reviewed. Views and full-text
search are not models: :mod:`factdb.store` re-creates them after every
migration.

Every fact has one row in ``fact_records`` (its stable id, kind and status)
and one row in the table of its kind; ``evidence`` links a fact to each
document span that supports it.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

FACT_STATUSES = ("extracted", "confirmed", "disputed", "rejected")
FACT_ORIGINS = ("extracted", "curated")
FACT_TYPES = ("entourage_member", "event", "venue", "figure", "menu_item", "quote")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Outlet(Base):
    """A news organisation that published or is cited by an article."""

    __tablename__ = "outlets"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str] = mapped_column(String, unique=True)
    domain: Mapped[str | None] = mapped_column(String)


class Document(Base):
    """An ingested article, with its full stored text (evidence offsets point into it)."""

    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str] = mapped_column(String, unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    outlet_id: Mapped[str | None] = mapped_column(ForeignKey("outlets.id"), index=True)
    published: Mapped[str | None] = mapped_column(String)
    url: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    extractor_version: Mapped[str] = mapped_column(String)


class Person(Base):
    __tablename__ = "people"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str] = mapped_column(String)
    wikidata: Mapped[str | None] = mapped_column(String)
    description: Mapped[str | None] = mapped_column(Text)


class Place(Base):
    __tablename__ = "places"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str] = mapped_column(String)
    place_type: Mapped[str | None] = mapped_column(String)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    wikidata: Mapped[str | None] = mapped_column(String)


class Alias(Base):
    """Every spelling seen for a person, place or outlet, and how it was linked."""

    __tablename__ = "aliases"
    __table_args__ = (
        # A short form ("Kim") can name different people in different articles,
        # so an alias is unique per entity, not per entity type.
        UniqueConstraint("alias", "person_id"),
        UniqueConstraint("alias", "place_id"),
        UniqueConstraint("alias", "outlet_id"),
        CheckConstraint(_in("entity_type", ("person", "place", "outlet")), name="entity_type"),
        CheckConstraint(
            "(person_id IS NOT NULL) + (place_id IS NOT NULL) + (outlet_id IS NOT NULL) = 1",
            name="one_entity",
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_type: Mapped[str] = mapped_column(String)
    alias: Mapped[str] = mapped_column(String)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"), index=True)
    place_id: Mapped[str | None] = mapped_column(ForeignKey("places.id"), index=True)
    outlet_id: Mapped[str | None] = mapped_column(ForeignKey("outlets.id"), index=True)


class ResolutionDecision(Base):
    """Why a mention was linked to an entity (or kept apart from one)."""

    __tablename__ = "resolution_decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_type: Mapped[str] = mapped_column(String)
    mention: Mapped[str] = mapped_column(String)
    entity_id: Mapped[str] = mapped_column(String)
    decision: Mapped[str] = mapped_column(String)
    rule: Mapped[str] = mapped_column(String)
    score: Mapped[float | None] = mapped_column(Float)
    reason: Mapped[str | None] = mapped_column(Text)


class Candidate(Base):
    """Extraction output of one document, kept so resolution can be re-run without re-reading."""

    __tablename__ = "candidates"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    fact_type: Mapped[str] = mapped_column(String)
    payload: Mapped[str] = mapped_column(Text)


class FactRecord(Base):
    """One row per fact: its stable id, kind, status and origin."""

    __tablename__ = "fact_records"
    __table_args__ = (
        CheckConstraint(_in("fact_type", FACT_TYPES), name="fact_type"),
        CheckConstraint(_in("status", FACT_STATUSES), name="status"),
        CheckConstraint(_in("origin", FACT_ORIGINS), name="origin"),
    )
    fact_id: Mapped[str] = mapped_column(String, primary_key=True)
    fact_type: Mapped[str] = mapped_column(String, index=True)
    status: Mapped[str] = mapped_column(String)
    origin: Mapped[str] = mapped_column(String)
    topic: Mapped[str] = mapped_column(String, index=True)
    status_reason: Mapped[str | None] = mapped_column(Text)


def _fact_id_column() -> Mapped[str]:
    return mapped_column(ForeignKey("fact_records.fact_id", ondelete="CASCADE"), primary_key=True)


class EntourageMember(Base):
    __tablename__ = "entourage_members"
    fact_id: Mapped[str] = _fact_id_column()
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    leader_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"), index=True)
    role: Mapped[str | None] = mapped_column(Text)
    present: Mapped[bool] = mapped_column(Boolean)


class Event(Base):
    __tablename__ = "events"
    fact_id: Mapped[str] = _fact_id_column()
    description: Mapped[str] = mapped_column(Text)
    event_type: Mapped[str | None] = mapped_column(String)
    date: Mapped[str | None] = mapped_column(String, index=True)
    date_precision: Mapped[str | None] = mapped_column(String)
    date_end: Mapped[str | None] = mapped_column(String)
    date_text: Mapped[str | None] = mapped_column(Text)
    date_display: Mapped[str | None] = mapped_column(String)
    place_id: Mapped[str | None] = mapped_column(ForeignKey("places.id"), index=True)


class Venue(Base):
    __tablename__ = "venues"
    fact_id: Mapped[str] = _fact_id_column()
    place_id: Mapped[str] = mapped_column(ForeignKey("places.id"), index=True)
    activity: Mapped[str | None] = mapped_column(Text)


class Figure(Base):
    __tablename__ = "figures"
    fact_id: Mapped[str] = _fact_id_column()
    metric: Mapped[str] = mapped_column(Text, index=True)
    raw: Mapped[str] = mapped_column(Text)
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String)
    bound: Mapped[str] = mapped_column(String)
    direction: Mapped[str | None] = mapped_column(String)
    period: Mapped[str | None] = mapped_column(String)
    display: Mapped[str] = mapped_column(Text)


class MenuItem(Base):
    __tablename__ = "menu_items"
    fact_id: Mapped[str] = _fact_id_column()
    dish: Mapped[str] = mapped_column(Text)
    course: Mapped[str | None] = mapped_column(String)
    meal: Mapped[str | None] = mapped_column(String)
    local_names: Mapped[str | None] = mapped_column(Text)


class Quote(Base):
    __tablename__ = "quotes"
    fact_id: Mapped[str] = _fact_id_column()
    speaker_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"), index=True)
    speaker: Mapped[str | None] = mapped_column(String)
    text: Mapped[str] = mapped_column(Text)
    verb: Mapped[str | None] = mapped_column(String)
    via_interpreter: Mapped[bool] = mapped_column(Boolean)


class Evidence(Base):
    """A document span that supports a fact: the sentence, who is cited, which rule found it."""

    __tablename__ = "evidence"
    __table_args__ = (
        UniqueConstraint("fact_id", "document_id", "char_start", "char_end"),
        CheckConstraint("char_end > char_start", name="span"),
        CheckConstraint(_in("origin", FACT_ORIGINS), name="origin"),
    )
    id: Mapped[str] = mapped_column(String, primary_key=True)
    fact_id: Mapped[str] = mapped_column(
        ForeignKey("fact_records.fact_id", ondelete="CASCADE"), index=True
    )
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    sentence: Mapped[str] = mapped_column(Text)
    # Same words, same key: copies of one wire story count as one independent source.
    sentence_key: Mapped[str | None] = mapped_column(String, index=True)
    value_start: Mapped[int | None] = mapped_column(Integer)
    value_end: Mapped[int | None] = mapped_column(Integer)
    raw: Mapped[str | None] = mapped_column(Text)
    cited_source: Mapped[str | None] = mapped_column(Text)
    extractor: Mapped[str | None] = mapped_column(String)
    confidence: Mapped[float] = mapped_column(Float)
    origin: Mapped[str] = mapped_column(String)


class FactHistory(Base):
    """Every change of a fact's status or value: what, from, to, when, why, by what."""

    __tablename__ = "fact_history"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fact_id: Mapped[str] = mapped_column(String, index=True)
    field: Mapped[str] = mapped_column(String)
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    changed_at: Mapped[str] = mapped_column(String)
    reason: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String)


class BuildState(Base):
    """What the stored facts were resolved from, so an unchanged rebuild can skip resolution."""

    __tablename__ = "build_state"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)
