"""Resolution: spellings of one entity merge, different people stay apart."""

from __future__ import annotations

from factdb.models import CuratedFile, EntityDecision, EntourageMember, Evidence
from factdb.resolve import EntityIndex, SourcedFact, normalize_name, resolve


def test_normalize_name_folds_punctuation_possessives_and_titles():
    assert normalize_name("Kim Jong-un") == normalize_name("Kim Jong Un")
    assert normalize_name("Mr Kim's") == "kim"
    assert normalize_name("President Vladimir Putin") == "vladimir putin"


def test_transliteration_variants_merge_and_are_recorded():
    index = EntityIndex("person", "person", [])
    first = index.link("Yuri Ushakov")
    assert index.link("Yury Ushakov") is first
    assert index.link("Dmitry Medvedev") is not first
    assert index.link("Dimitry Medvedev") is index.link("Dmitry Medvedev")
    rules = {(d.mention, d.rule) for d in index.decisions}
    assert ("Yury Ushakov", "transliteration-variant") in rules


def test_people_sharing_a_surname_stay_apart():
    index = EntityIndex("person", "person", [])
    names = ["Kim Jong Un", "Kim Jong Il", "Kim Yo Jong", "Kim Yong Chol", "Kim Chang Son",
             "Kim Il Sung"]
    assert len({index.link(n).id for n in names}) == len(names)


def test_curated_split_is_respected():
    plain = EntityIndex("person", "person", [])
    assert plain.link("Park Jong-hwan") is plain.link("Park Jong-hwon")  # merged by spelling
    split = EntityDecision(entity_type="person", action="split",
                           names=["Park Jong-hwan", "Park Jong-hwon"], reason="two brothers")
    index = EntityIndex("person", "person", [split])
    assert index.link("Park Jong-hwan") is not index.link("Park Jong-hwon")
    assert any(d.decision == "keep-apart" for d in index.decisions)


def test_short_form_links_to_the_full_name_in_the_same_article():
    text = "Foreign Minister Ana Ruiz arrived with aide Tomas Vidal. Ruiz said little."
    def member(person, start):
        sentence = text[start:start + 10]
        ev = Evidence(document="a.txt", char_start=start, char_end=start + 10, sentence=sentence)
        return SourcedFact(EntourageMember(person=person, evidence=[ev]), "a.txt", text)
    resolution = resolve([member("Ana Ruiz", 0), member("Ruiz", 57)], [])
    assert len(resolution.facts) == 1
    assert len(next(iter(resolution.facts.values())).evidence) == 2


def test_curated_fact_restating_an_extracted_one_confirms_it():
    text = "Aide Tomas Vidal travelled with the president."
    ev = Evidence(document="a.txt", char_start=0, char_end=len(text), sentence=text)
    extracted = EntourageMember(person="Tomas Vidal", leader="Ana Ruiz", evidence=[ev])
    curated_file = CuratedFile.model_validate(
        {"facts": [{"fact_type": "entourage_member", "person": "Tomas Vidal",
                    "leader": "Ana Ruiz", "role": "aide"}]}
    )
    resolution = resolve(
        [SourcedFact(extracted, "a.txt", text),
         SourcedFact(curated_file.facts[0], "people.yaml", "")],
        [("people.yaml", curated_file)],
    )
    (fact,) = resolution.facts.values()
    assert fact.status == "confirmed"
    assert fact.row["role"] == "aide"


def test_place_names_with_reordered_words_merge():
    index = EntityIndex("place", "place", [])
    house = index.link("Friendship House of the Border")
    assert index.link("Border Friendship House") is house
    assert index.link("Border House") is not house


def test_descriptions_are_not_people():
    from factdb.resolve import looks_like_name

    assert looks_like_name("Kim Jong-un") and looks_like_name("Osama bin Laden")
    assert not looks_like_name("U.S. State Department official")
    assert not looks_like_name("a senior Russian official")
