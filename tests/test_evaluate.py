"""The scorer's matching rules, on small hand-made gold/prediction pairs.

Predictions are real model instances (as extractors return them) unless a test
is about plain dicts; sentences are invented and name no seed facts.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from factdb.evaluate import (
    GoldDocument,
    GoldError,
    GoldFact,
    evaluate,
    load_gold,
    load_gold_file,
    matches,
    normalize_unit,
    score,
)
from factdb.models import EntourageMember, Event, Evidence, Figure, MenuItem, Quote, Venue

DOC = "story.txt"


def ev(sentence: str, start: int = 0) -> list[Evidence]:
    return [Evidence(document=DOC, char_start=start, char_end=start + len(sentence), sentence=sentence)]


def gold(*facts: tuple[str, dict], optional: tuple[int, ...] = ()) -> dict[str, GoldDocument]:
    return {
        DOC: GoldDocument(
            DOC,
            None,
            [GoldFact(DOC, kind, fields, i in optional, i) for i, (kind, fields) in enumerate(facts)],
        )
    }


def person(name: str, present: bool = True, role: str | None = None) -> EntourageMember:
    return EntourageMember(person=name, present=present, role=role, evidence=ev(f"{name} went along."))


def event(date: str | None, precision: str | None, sentence: str) -> Event:
    return Event(description="x", date=date, date_precision=precision, evidence=ev(sentence))


def venue(place: str) -> Venue:
    return Venue(place=place, evidence=ev(f"They met at {place}."))


def figure(value: float, unit: str, bound: str = "exact") -> Figure:
    return Figure(metric="m", raw=str(value), value=value, unit=unit, bound=bound, evidence=ev("A number."))


def dish(name: str, course: str | None = None) -> MenuItem:
    return MenuItem(dish=name, course=course, evidence=ev(f"They ate {name}."))


def quote(text: str, speaker: str | None = None) -> Quote:
    return Quote(text=text, speaker=speaker, evidence=ev(f'"{text}" someone said.'))


# --- gold files ---------------------------------------------------------------


def write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def test_load_gold_normalizes_yaml_dates_and_numbers(tmp_path):
    write(tmp_path, "a.yaml", """
        document: a.txt
        published: 2020-05-04
        facts:
          - fact_type: event
            date: 2020-05-01
            date_precision: day
            anchor: on Friday
          - fact_type: event
            date: 1999
            date_precision: year
            anchor: in 1999
          - fact_type: figure
            value: "12"
            unit: percent
          - fact_type: entourage_member
            person: Ana Duarte
    """)
    docs = load_gold(tmp_path)
    doc = docs["a.txt"]
    assert doc.published.isoformat() == "2020-05-04"
    assert [f.get("date") for f in doc.facts[:2]] == ["2020-05-01", "1999"]
    assert doc.facts[2].get("value") == 12.0
    assert doc.facts[3].get("present") is True


@pytest.mark.parametrize(
    "fact, message",
    [
        ("fact_type: venue\n    plcae: Lima", "unknown keys"),
        ("fact_type: quote\n    speaker: X", "lacks"),
        ("fact_type: event\n    anchor: x\n    date: '2020-5'\n    date_precision: month", "not ISO"),
        ("fact_type: event\n    anchor: x\n    date: '2020'", "date_precision"),
        ("fact_type: event\n    anchor: x\n    date_any: true", "only allowed on optional"),
        ("fact_type: gossip\n    text: x", "unknown fact_type"),
    ],
)
def test_load_gold_rejects_malformed_facts(tmp_path, fact, message):
    path = write(tmp_path, "bad.yaml", f"document: b.txt\nfacts:\n  - {fact}\n")
    with pytest.raises(GoldError, match=message):
        load_gold_file(path)


def test_load_gold_rejects_two_files_for_one_document(tmp_path):
    write(tmp_path, "a.yaml", "document: same.txt\nfacts: []\n")
    write(tmp_path, "b.yaml", "document: same.txt\nfacts: []\n")
    with pytest.raises(GoldError, match="already annotated"):
        load_gold(tmp_path)


# --- entourage ----------------------------------------------------------------


@pytest.mark.parametrize("predicted", ["Pak Song-il", "pak song il", "Mr Pak Song Il", "Pak Song Ill"])
def test_person_names_match_across_spelling_variants(predicted):
    g = GoldFact(DOC, "entourage_member", {"person": "Pak Song Il", "present": True})
    assert matches(g, person(predicted)) > 0


@pytest.mark.parametrize("predicted", ["Pak Song Chol", "Pak", "Foreign Minister Pak Song Il", "Ri Song Il"])
def test_person_names_do_not_match_other_people(predicted):
    g = GoldFact(DOC, "entourage_member", {"person": "Pak Song Il", "present": True})
    assert matches(g, person(predicted)) == 0


def test_first_and_last_token_match_allows_a_dropped_middle_name():
    g = GoldFact(DOC, "entourage_member", {"person": "Maria Luisa Ferreira", "present": True})
    assert matches(g, person("Maria Ferreira")) > 0


def test_wrong_present_flag_is_a_false_positive_and_a_miss():
    g = gold(("entourage_member", {"person": "Ana Duarte", "present": False}))
    report = score(g, {DOC: [person("Ana Duarte", present=True)]})
    s = report.by_kind["entourage_member"]
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)
    assert "wrong present flag" in report.false_positives[0].reason
    assert s.secondary["present"] == [0, 1]


def test_role_accuracy_is_reported_for_matched_people():
    g = gold(
        ("entourage_member", {"person": "Ana Duarte", "role": ["foreign minister"], "present": True}),
        ("entourage_member", {"person": "Rui Costa", "role": ["chief of staff"], "present": True}),
    )
    preds = [person("Ana Duarte", role="Foreign Minister"), person("Rui Costa", role="sister")]
    report = score(g, {DOC: preds})
    assert report.by_kind["entourage_member"].secondary["role"] == [1, 2]
    assert report.by_kind["entourage_member"].secondary["present"] == [2, 2]


# --- events -------------------------------------------------------------------

SENTENCE = "The delegation landed in Lisbon on Friday, officials said."


def test_event_needs_same_date_precision_and_anchor_in_evidence():
    g = GoldFact(DOC, "event", {"date": "2021-03-05", "date_precision": "day", "anchor": "Lisbon on Friday"})
    assert matches(g, event("2021-03-05", "day", SENTENCE)) > 0
    assert matches(g, event("2021-03-06", "day", SENTENCE)) == 0
    assert matches(g, event("2021-03", "month", SENTENCE)) == 0
    assert matches(g, event("2021-03-05", "day", "Talks ended on Friday.")) == 0


def test_event_anchor_ignores_case_and_hard_wrapped_whitespace():
    g = GoldFact(DOC, "event", {"date": "2021-03-05", "date_precision": "day", "anchor": "landed in Lisbon on Friday"})
    wrapped = "The delegation LANDED in\nLisbon  on Friday, officials said."
    assert matches(g, event("2021-03-05", "day", wrapped)) > 0


def test_unresolved_gold_date_matches_only_an_unresolved_prediction():
    g = GoldFact(DOC, "event", {"date": None, "date_precision": None, "anchor": "Lisbon on Friday"})
    assert matches(g, event(None, None, SENTENCE)) > 0
    assert matches(g, event("2021-03-05", "day", SENTENCE)) == 0


def test_range_end_prediction_is_ignored_not_punished():
    g = gold(("event", {"date": "2021-03-04", "date_end": "2021-03-05", "date_precision": "day",
                        "anchor": "closed on Thursday and Friday"}))
    sentence = "Roads will be closed on Thursday and Friday."
    preds = [event("2021-03-04", "day", sentence), event("2021-03-05", "day", sentence)]
    s = score(g, {DOC: preds}).by_kind["event"]
    assert (s.tp, s.fp, s.fn, s.ignored) == (1, 0, 0, 1)


def test_date_any_optional_event_accepts_any_date():
    g = gold(("event", {"date": None, "date_any": True, "anchor": "earlier this month"}), optional=(0,))
    preds = [event("2021-03", "month", "Aides arrived earlier this month.")]
    s = score(g, {DOC: preds}).by_kind["event"]
    assert (s.tp, s.fp, s.fn, s.ignored) == (0, 0, 0, 1)


# --- venues -------------------------------------------------------------------


@pytest.mark.parametrize("predicted", ["Lisbon", "the Lisbon", "lisbon", "Lisboa", "Madeira island"])
def test_venue_variants_match(predicted):
    g = GoldFact(DOC, "venue", {"place": "Lisbon", "aliases": ["Lisboa", "Madeira"]})
    assert matches(g, venue(predicted)) > 0


@pytest.mark.parametrize("predicted", ["Lisbon station", "Lisbon Palace", "Porto", "Portugal"])
def test_venue_place_type_changes_the_place(predicted):
    g = GoldFact(DOC, "venue", {"place": "Lisbon"})
    assert matches(g, venue(predicted)) == 0


def test_venue_containment_covering_most_of_the_name_matches():
    g = GoldFact(DOC, "venue", {"place": "National University of Timor"})
    assert matches(g, venue("the campus of National University of Timor")) > 0


def test_greedy_assignment_prefers_exact_match():
    g = gold(("venue", {"place": "Cascais"}), ("venue", {"place": "Cascais Marina Hotel"}))
    report = score(g, {DOC: [venue("Cascais Marina Hotel"), venue("Cascais")]})
    s = report.by_kind["venue"]
    assert (s.tp, s.fp, s.fn) == (2, 0, 0)
    assert {(h.gold.get("place"), h.predicted.place) for h in report.hits} == {
        ("Cascais", "Cascais"), ("Cascais Marina Hotel", "Cascais Marina Hotel")}


def test_duplicate_predictions_are_false_positives_labelled_duplicate():
    g = gold(("venue", {"place": "Lisbon"}))
    report = score(g, {DOC: [venue("Lisbon"), venue("Lisbon")]})
    s = report.by_kind["venue"]
    assert (s.tp, s.fp, s.fn) == (1, 1, 0)
    assert report.false_positives[0].reason.startswith("duplicate")
    assert s.precision == 0.5 and s.recall == 1.0


# --- figures ------------------------------------------------------------------


@pytest.mark.parametrize(
    "gold_unit, predicted_unit",
    [("percent", "%"), ("percent", "per cent"), ("cm", "centimetres"), ("USD", "dollars"),
     ("GBP", "£"), ("limousines", "limousine"), ("people", "persons"), ("hours", "hour"), ("km", "kilometers")],
)
def test_units_normalize(gold_unit, predicted_unit):
    assert normalize_unit(gold_unit) == normalize_unit(predicted_unit)


def test_figure_matches_value_within_tolerance_and_unit():
    g = GoldFact(DOC, "figure", {"value": 34_400_000.0, "unit": "USD"})
    assert matches(g, figure(34_400_000.000001, "USD")) > 0
    assert matches(g, figure(34_400_100, "USD")) == 0  # 3e-6 off
    assert matches(g, figure(34.4, "USD")) == 0  # millions not expanded
    assert matches(g, figure(34_400_000, "GBP")) == 0


def test_figure_counted_noun_must_agree_and_gold_may_list_alternatives():
    g = GoldFact(DOC, "figure", {"value": 300.0, "unit": ["workers", "labourers"]})
    assert matches(g, figure(300, "labourers")) > 0
    assert matches(g, figure(300, "worker")) > 0
    assert matches(g, figure(300, "people")) == 0


def test_bound_accuracy_is_secondary():
    g = gold(("figure", {"value": 2.0, "unit": "hours", "bound": "approximate"}),
             ("figure", {"value": 40.0, "unit": "percent", "bound": "lower_bound"}))
    report = score(g, {DOC: [figure(2, "hours", "approximate"), figure(40, "%", "exact")]})
    s = report.by_kind["figure"]
    assert (s.tp, s.fp, s.fn) == (2, 0, 0)
    assert s.secondary["bound"] == [1, 2]


# --- menu ---------------------------------------------------------------------


@pytest.mark.parametrize("predicted", ["grilled sea bass", "Grilled Sea-Bass", "grilled seabass", "robalo grelhado",
                                       "sea bass"])
def test_dish_variants_match(predicted):
    g = GoldFact(DOC, "menu_item", {"dish": "grilled sea bass", "local_names": ["robalo grelhado"]})
    assert matches(g, dish(predicted)) > 0


def test_dish_fragment_too_small_does_not_match():
    g = GoldFact(DOC, "menu_item", {"dish": "lamb shoulder with roasted carrots and mint jus"})
    assert matches(g, dish("mint jus")) == 0
    assert matches(g, dish("tiramisu")) == 0


def test_course_accuracy_is_secondary():
    g = gold(("menu_item", {"dish": "custard tart", "course": "dessert"}),
             ("menu_item", {"dish": "octopus rice", "course": ["main course", "main"]}))
    report = score(g, {DOC: [dish("custard tart", "desserts"), dish("octopus rice", "starter")]})
    assert report.by_kind["menu_item"].secondary["course"] == [1, 2]


# --- quotes -------------------------------------------------------------------

LONG = "We have agreed to open a new chapter in relations between our two nations, and we will keep our word."


def test_quote_matches_despite_punctuation_and_quote_marks():
    g = GoldFact(DOC, "quote", {"text": LONG + ",", "speaker": "Ana Duarte"})
    assert matches(g, quote("\u201c" + LONG.replace(",", "") + "\u201d")) > 0


def test_quote_contained_in_a_slightly_longer_prediction_matches():
    g = GoldFact(DOC, "quote", {"text": LONG})
    assert matches(g, quote(LONG + " Thank you.")) > 0


def test_quote_fragment_under_half_does_not_match():
    g = GoldFact(DOC, "quote", {"text": LONG})
    assert matches(g, quote("we will keep our word")) == 0


def test_speaker_accuracy_uses_last_names_and_descriptions():
    g = gold(
        ("quote", {"text": LONG, "speaker": "Ana Duarte"}),
        ("quote", {"text": "Nothing has been decided about the visit at this stage.",
                   "speaker": "State Department official"}),
        ("quote", {"text": "The port will reopen to commercial traffic next spring.", "speaker": "Rui Costa"}),
    )
    preds = [
        quote(LONG, "Duarte"),
        quote("Nothing has been decided about the visit at this stage.", "the official"),
        quote("The port will reopen to commercial traffic next spring.", "Ana Duarte"),
    ]
    assert score(g, {DOC: preds}).by_kind["quote"].secondary["speaker"] == [2, 3]


# --- scoring and the report ---------------------------------------------------------


def test_optional_gold_is_neither_rewarded_nor_punished():
    g = gold(("venue", {"place": "Lisbon"}), ("venue", {"place": "Sintra"}), ("venue", {"place": "Faro"}),
             optional=(1, 2))
    s = score(g, {DOC: [venue("Lisbon"), venue("Sintra")]}).by_kind["venue"]
    assert (s.tp, s.fp, s.fn, s.ignored) == (1, 0, 0, 1)


def test_counts_precision_recall_f1_and_overall():
    g = gold(("venue", {"place": "Lisbon"}), ("venue", {"place": "Porto"}),
             ("figure", {"value": 3.0, "unit": "days"}))
    report = score(g, {DOC: [venue("Lisbon"), venue("Madrid"), figure(3, "days")]})
    v = report.by_kind["venue"]
    assert (v.tp, v.fp, v.fn) == (1, 1, 1)
    assert v.precision == pytest.approx(0.5) and v.recall == pytest.approx(0.5) and v.f1 == pytest.approx(0.5)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (2, 1, 1)
    assert report.precision() == pytest.approx(2 / 3)
    assert report.by_kind["quote"].precision == 0.0  # nothing predicted, nothing expected


def test_predictions_may_be_plain_dicts():
    g = gold(("figure", {"value": 12.0, "unit": "percent"}))
    s = score(g, {DOC: [{"fact_type": "figure", "value": 12, "unit": "%"}]}).by_kind["figure"]
    assert (s.tp, s.fp, s.fn) == (1, 0, 0)


def test_missing_and_unknown_documents():
    g = gold(("venue", {"place": "Lisbon"}))
    report = score(g, {"other.txt": [venue("Lisbon")]})
    assert report.by_kind["venue"].fn == 1
    assert report.by_kind["venue"].fp == 0
    assert any("other.txt" in note for note in report.notes)


def test_facts_of_one_kind_never_match_another_kind():
    g = gold(("venue", {"place": "Lisbon"}))
    s = score(g, {DOC: [dish("Lisbon")]})
    assert s.by_kind["venue"].fn == 1 and s.by_kind["menu_item"].fp == 1


def test_report_prints_table_misses_and_false_positives():
    g = gold(("venue", {"place": "Lisbon"}), ("quote", {"text": LONG, "speaker": "Ana Duarte"}))
    report = score(g, {DOC: [venue("Madrid")]})
    text = str(report)
    assert "venue" in text and "overall" in text and "P" in text.splitlines()[1]
    assert "MISS story.txt: Lisbon" in text
    assert "FP   story.txt: Madrid" in text and "<spurious>" in text
    assert "They met at Madrid." in text  # the evidence sentence, for debugging
    assert "quote" in report.errors(kind="quote") and "Madrid" not in report.errors(kind="quote")


def test_evaluate_reads_articles_runs_the_extractor_and_notes_publication_dates(tmp_path):
    articles, golds = tmp_path / "articles", tmp_path / "gold"
    articles.mkdir()
    golds.mkdir()
    (articles / "a.txt").write_text("Leaders met in Lisbon on Friday.\n", encoding="utf-8")
    write(golds, "a.yaml", """
        document: a.txt
        published: 2021-03-05
        facts:
          - fact_type: venue
            place: Lisbon
          - fact_type: event
            date: 2021-03-05
            date_precision: day
            anchor: Lisbon on Friday
    """)
    seen = []

    def fake_extract(article):
        seen.append(article.published)
        sentence = article.sentences[0]
        evidence = [Evidence(document=article.name, char_start=sentence.start, char_end=sentence.end,
                             sentence=sentence.text)]
        facts = [Venue(place="Lisbon", evidence=evidence)]
        if article.published:
            facts.append(Event(description="meeting", date=article.published.isoformat(),
                               date_precision="day", evidence=evidence))
        return facts

    strict = evaluate(golds, articles, extractor=fake_extract)
    assert strict.by_kind["venue"].tp == 1 and strict.by_kind["event"].fn == 1
    assert any("gold says 2021-03-05" in note for note in strict.notes)

    helped = evaluate(golds, articles, extractor=fake_extract, published_from_gold=True)
    assert helped.by_kind["event"].tp == 1
    assert seen[-1].isoformat() == "2021-03-05"


def test_evaluate_fails_loudly_on_a_missing_article(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    write(tmp_path / "gold", "a.yaml", "document: nowhere.txt\nfacts: []\n")
    with pytest.raises(GoldError, match="not found"):
        evaluate(tmp_path / "gold", tmp_path / "articles", extractor=lambda a: [])


def test_cli_evaluate_prints_the_table_and_on_request_every_miss(tmp_path):
    """`factdb evaluate` runs the real reader and extractors over a gold folder."""
    import subprocess
    import sys

    articles, golds = tmp_path / "articles", tmp_path / "gold"
    articles.mkdir()
    golds.mkdir()
    (articles / "a.txt").write_text(
        'Delegates gathered in the hall.\n\n"We have agreed to open a new chapter of trade '
        'between our two nations," the prime minister told reporters.\n',
        encoding="utf-8",
    )
    write(golds, "a.yaml", """
        document: a.txt
        published: null
        facts:
          - fact_type: quote
            text: We have agreed to open a new chapter of trade between our two nations
            speaker: the prime minister
          - fact_type: quote
            text: A sentence that the article never contains anywhere at all
            speaker: nobody
    """)
    command = [sys.executable, "-m", "factdb", "evaluate", str(golds), str(articles), "--kind", "quote"]
    table = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    quote_row = next(line.split() for line in table.splitlines() if line.startswith("quote"))
    assert quote_row[1:3] == ["1.00", "0.50"]  # precision, recall
    assert "MISS" not in table

    detailed = subprocess.run(command + ["--errors"], capture_output=True, text=True, check=True).stdout
    assert "MISS a.txt" in detailed and "never contains" in detailed
