"""The Pydantic models decide what a valid fact is."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from factdb.models import CuratedFile, Event, Evidence, Figure

TEXT = "Officials said trade fell by 12 percent last year."


def _evidence(**overrides):
    data = dict(document="a.txt", char_start=0, char_end=len(TEXT), sentence=TEXT)
    data.update(overrides)
    return data


def test_evidence_span_must_equal_the_stored_text():
    context = {"document_texts": {"a.txt": TEXT}}
    Evidence.model_validate(_evidence(), context=context)
    with pytest.raises(ValidationError, match="does not equal"):
        Evidence.model_validate(
            _evidence(char_start=1, char_end=len(TEXT) + 1, sentence=TEXT), context=context
        )


def test_evidence_span_length_must_match_sentence():
    with pytest.raises(ValidationError, match="characters but the span"):
        Evidence.model_validate(_evidence(char_end=5))


def test_value_span_lies_inside_the_evidence():
    with pytest.raises(ValidationError, match="inside the evidence"):
        Evidence.model_validate(_evidence(value_start=10, value_end=len(TEXT) + 3))


def test_figure_keeps_raw_text_beside_normalized_value():
    figure = Figure(metric="trade", raw="12 percent", value=12, unit="percent",
                    bound="exact", direction="decrease", evidence=[_evidence()])
    assert figure.raw == "12 percent" and figure.value == 12.0


def test_extracted_fact_needs_evidence():
    with pytest.raises(ValidationError, match="at least one evidence"):
        Figure(metric="trade", raw="12 percent", value=12, unit="percent")


@pytest.mark.parametrize(
    "date, precision, ok",
    [("2019-04-25", "day", True), ("2019-04", "month", True), ("2019", "year", True),
     ("2019-04", "day", False), ("2019-02-30", "day", False), ("2019", None, False)],
)
def test_event_date_matches_its_precision(date, precision, ok):
    data = dict(description="summit", date=date, date_precision=precision, evidence=[_evidence()])
    if ok:
        assert Event(**data).date == date
    else:
        with pytest.raises(ValidationError):
            Event(**data)


def test_unknown_field_is_refused():
    with pytest.raises(ValidationError, match="Extra inputs"):
        Figure(metric="t", raw="1", value=1, unit="x", evidence=[_evidence()], colour="red")


def test_curated_facts_default_to_curated_origin_and_need_no_evidence():
    curated = CuratedFile.model_validate(
        {"facts": [{"fact_type": "menu_item", "dish": "cold noodles", "course": "main"}]}
    )
    assert curated.facts[0].origin == "curated"
