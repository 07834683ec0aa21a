"""Extraction quality on the two gold sets, plus checks that the gold itself is sound.

* seeds: the five seed articles (seeds/articles) against tests/gold/seeds.
* eval: independent articles written for evaluation (tests/eval/articles), in
  other outlets' styles about other summits, against tests/eval/gold. This is
  the number that matters: rules tuned on the seeds must carry over here.
* holdout: a held-out set (tests/holdout) nobody tuning extractors has seen:
  altered copies of the five seeds (names, places, dates, numbers, dishes
  changed, sentence structure kept) plus new articles in other outlet styles.
* blind: a fourth set (tests/blind) annotated without reading the extractor
  code and scored once: altered copies of seeds 001, 003 and 004 plus new
  articles (wire dateline story, Japanese and Korean outlets, UK analysis).
  Its errors have since been read, so it is a development set too.
* blind2: a fifth set (tests/blind2), written blind and scored once after the
  second round of rules; its errors were then read (development set since).
* blind3: a sixth set (tests/blind3), written blind and scored once after the
  third round; floors sit just under that first measurement.

Run ``python -m pytest -s tests/test_extraction_quality.py`` to see the tables
and the lists of misses and false positives.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

from factdb.evaluate import evaluate, load_gold, normalize_text
from factdb.models import FACT_TYPES

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "seeds": (ROOT / "tests" / "gold" / "seeds", ROOT / "seeds" / "articles"),
    "eval": (ROOT / "tests" / "eval" / "gold", ROOT / "tests" / "eval" / "articles"),
    "holdout": (ROOT / "tests" / "holdout" / "gold", ROOT / "tests" / "holdout" / "articles"),
    "blind": (ROOT / "tests" / "blind" / "gold", ROOT / "tests" / "blind" / "articles"),
    "blind2": (ROOT / "tests" / "blind2" / "gold", ROOT / "tests" / "blind2" / "articles"),
    "blind3": (ROOT / "tests" / "blind3" / "gold", ROOT / "tests" / "blind3" / "articles"),
}

# Minimum precision / recall per kind, per set: regression floors, not goals.
# seeds, eval, holdout and blind have all been used to develop the rules, so
# they must stay near perfect. blind2 was scored once, blind, after the second
# round of rules; its floors sit just under that measurement so a regression
# shows, and are raised only by rules that generalise. The goal for unseen
# articles is precision >= 0.90 and recall >= 0.80 for every kind (README).
DEVELOPMENT_FLOOR = {kind: 0.95 for kind in FACT_TYPES}
SEED_MIN_PRECISION = SEED_MIN_RECALL = DEVELOPMENT_FLOOR
EVAL_MIN_PRECISION = EVAL_MIN_RECALL = DEVELOPMENT_FLOOR
HOLDOUT_MIN_PRECISION = HOLDOUT_MIN_RECALL = DEVELOPMENT_FLOOR
BLIND_MIN_PRECISION = BLIND_MIN_RECALL = DEVELOPMENT_FLOOR
BLIND2_MIN_PRECISION = {
    "entourage_member": 0.93, "event": 0.73, "venue": 0.93,
    "figure": 0.96, "menu_item": 0.65, "quote": 0.93,
}
BLIND2_MIN_RECALL = {
    "entourage_member": 0.70, "event": 0.73, "venue": 0.88,
    "figure": 0.94, "menu_item": 0.65, "quote": 0.97,
}
# blind3 was scored once, blind, after the third round (the one that read
# blind2's errors); floors just under that first measurement.
BLIND3_MIN_PRECISION = {
    "entourage_member": 0.95, "event": 0.75, "venue": 0.90,
    "figure": 0.95, "menu_item": 0.83, "quote": 0.95,
}
BLIND3_MIN_RECALL = {
    "entourage_member": 0.54, "event": 0.78, "venue": 0.87,
    "figure": 0.93, "menu_item": 0.95, "quote": 0.95,
}
THRESHOLDS = {
    "seeds": (SEED_MIN_PRECISION, SEED_MIN_RECALL),
    "eval": (EVAL_MIN_PRECISION, EVAL_MIN_RECALL),
    "holdout": (HOLDOUT_MIN_PRECISION, HOLDOUT_MIN_RECALL),
    "blind": (BLIND_MIN_PRECISION, BLIND_MIN_RECALL),
    "blind2": (BLIND2_MIN_PRECISION, BLIND2_MIN_RECALL),
    "blind3": (BLIND3_MIN_PRECISION, BLIND3_MIN_RECALL),
}


@lru_cache(maxsize=None)
def report_for(name: str):
    gold_dir, articles_dir = SETS[name]
    return evaluate(gold_dir, articles_dir)


@pytest.mark.parametrize("name", sorted(SETS))
def test_extraction_meets_thresholds(name):
    report = report_for(name)
    print(f"\n===== {name} =====\n{report}\n")
    min_precision, min_recall = THRESHOLDS[name]
    failures = []
    for kind in FACT_TYPES:
        s = report.by_kind[kind]
        if s.precision < min_precision[kind]:
            failures.append(f"{kind} precision {s.precision:.2f} < {min_precision[kind]:.2f}")
        if s.recall < min_recall[kind]:
            failures.append(f"{kind} recall {s.recall:.2f} < {min_recall[kind]:.2f}")
    assert not failures, f"{name}: " + "; ".join(failures)


# --- the gold itself ----------------------------------------------------------------

_SPACE = re.compile(r"\s+")


def _flat(text: str) -> str:
    from factdb.evaluate import _fold

    return _SPACE.sub(" ", _fold(text))


@pytest.mark.parametrize("name", sorted(SETS))
def test_gold_is_grounded_in_its_articles(name):
    """Every anchor, quote, name and dish of the gold occurs in its article."""
    gold_dir, articles_dir = SETS[name]
    problems = []
    for document, doc in load_gold(gold_dir).items():
        path = articles_dir / document
        assert path.exists(), f"{doc.path}: no article {path}"
        text = path.read_text(encoding="utf-8")
        flat, words = _flat(text), f" {normalize_text(text)} "
        for fact in doc.facts:
            where = f"{document} #{fact.index} {fact.label()}"
            if fact.fact_type == "event" and _flat(fact.get("anchor")) not in flat:
                problems.append(f"{where}: anchor not in text")
            if fact.fact_type == "quote" and normalize_text(fact.get("text")) not in words:
                problems.append(f"{where}: quote not in text")
            for key, aliases in (("person", "aliases"), ("place", "aliases"), ("dish", "aliases")):
                if fact.get(key) is None:
                    continue
                names = [fact.get(key), *(fact.get(aliases) or []), *(fact.get("local_names") or [])]
                if not any(f" {normalize_text(n)} " in words for n in names):
                    problems.append(f"{where}: no spelling of it in text")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", sorted(SETS))
def test_required_event_anchors_are_unambiguous(name):
    """A required event's anchor names one place in the article (else matching is loose)."""
    gold_dir, articles_dir = SETS[name]
    problems = []
    for document, doc in load_gold(gold_dir).items():
        flat = _flat((articles_dir / document).read_text(encoding="utf-8"))
        for fact in doc.facts:
            if fact.fact_type == "event" and not fact.optional:
                count = flat.count(_flat(fact.get("anchor")))
                if count != 1:
                    problems.append(f"{document}: anchor {fact.get('anchor')!r} occurs {count} times")
    assert not problems, "\n".join(problems)


def test_gold_covers_every_seed_and_enough_eval_articles():
    seeds_gold, seeds_dir = SETS["seeds"]
    assert set(load_gold(seeds_gold)) == {p.name for p in seeds_dir.glob("*.txt")}
    eval_gold, eval_dir = SETS["eval"]
    eval_docs = load_gold(eval_gold)
    assert set(eval_docs) == {p.name for p in eval_dir.glob("*.txt")}
    assert len(eval_docs) >= 6
    for document in eval_docs:
        words = len((eval_dir / document).read_text(encoding="utf-8").split())
        assert 300 <= words <= 700, f"{document}: {words} words"


def test_holdout_covers_every_seed_alteration_and_new_articles():
    """One altered copy per seed (h0N_altered_<seed>.txt) plus at least four new articles."""
    gold_dir, articles_dir = SETS["holdout"]
    docs = load_gold(gold_dir)
    assert set(docs) == {p.name for p in articles_dir.glob("*.txt")}
    seeds = {p.stem for p in SETS["seeds"][1].glob("*.txt")}
    altered = {d for d in docs if "_altered_" in d}
    assert {d.split("_altered_", 1)[1].removesuffix(".txt") for d in altered} == seeds
    new = set(docs) - altered
    assert len(new) >= 4
    for document in new:
        words = len((articles_dir / document).read_text(encoding="utf-8").split())
        assert 400 <= words <= 700, f"{document}: {words} words"


def test_blind_covers_three_seed_alterations_and_new_articles():
    """Altered copies of seeds 001, 003 and 004 (b0N_altered_<seed>.txt) plus at least four new articles."""
    gold_dir, articles_dir = SETS["blind"]
    docs = load_gold(gold_dir)
    assert set(docs) == {p.name for p in articles_dir.glob("*.txt")}
    seeds = {p.stem for p in SETS["seeds"][1].glob("*.txt")}
    altered = {d for d in docs if "_altered_" in d}
    stems = {d.split("_altered_", 1)[1].removesuffix(".txt") for d in altered}
    assert stems <= seeds
    assert {s[:3] for s in stems} == {"001", "003", "004"}
    new = set(docs) - altered
    assert len(new) >= 4
    for document in new:
        words = len((articles_dir / document).read_text(encoding="utf-8").split())
        assert 400 <= words <= 700, f"{document}: {words} words"


@pytest.mark.parametrize("name", ["eval", "holdout", "blind", "blind2", "blind3"])
def test_gold_has_every_kind(name):
    """The independent sets exercise every fact kind, with enough required facts to mean something."""
    counts = {kind: 0 for kind in FACT_TYPES}
    for doc in load_gold(SETS[name][0]).values():
        for fact in doc.facts:
            counts[fact.fact_type] += not fact.optional
    assert all(n >= 10 for n in counts.values()), counts


def _oracle(doc, article) -> list[dict]:
    """Predictions copied from the gold, each with the read sentence that states it."""
    # all sentences, boilerplate too: whether the reader flags boilerplate right
    # is the read room's test; evaluate() notes gold it hides (see its notes)
    sentences = article.sentences
    predictions = []
    for fact in doc.facts:
        if fact.optional:
            continue
        record = {"fact_type": fact.fact_type, **fact.fields}
        for key in ("unit", "role", "speaker", "course"):
            if isinstance(record.get(key), list):
                record[key] = record[key][0]
        if fact.fact_type == "event":
            needle = _flat(fact.get("anchor"))
            record["evidence"] = [{"sentence": s.text} for s in sentences if needle in _flat(s.text)]
        predictions.append(record)
    return predictions


@pytest.mark.parametrize("name", sorted(SETS))
def test_gold_copied_into_predictions_scores_perfectly(name):
    """Guards the gold and the matcher together: every required fact is reachable.

    In particular every event anchor must sit inside one sentence as the
    reader splits the article, or no extractor could match it.
    """
    from factdb.evaluate import score
    from factdb.read import read_path

    gold_dir, articles_dir = SETS[name]
    gold = load_gold(gold_dir)
    predictions = {d: _oracle(doc, read_path(articles_dir / d)) for d, doc in gold.items()}
    report = score(gold, predictions)
    assert report.overall.fp == 0 and report.overall.fn == 0, report.errors()
    for kind, s in report.by_kind.items():
        for check, (ok, total) in s.secondary.items():
            assert ok == total, f"{kind} {check}: {ok}/{total}"
