"""Event extractor: dated happenings from invented news prose, plus seed checks."""

from datetime import date
from pathlib import Path

from factdb.extract.event import extract
from factdb.read import Sentence, read_path, read_text

SEEDS = Path(__file__).resolve().parents[1] / "seeds" / "articles"
PUBLISHED = date(2018, 6, 13)  # a Wednesday


def events(text, published=PUBLISHED):
    return extract(read_text("t.txt", text, published=published))


def by_text(found):
    return {e.date_text: e for e in found}


def test_future_visit_and_past_confirmation_in_one_sentence():
    found = by_text(events(
        "South Korean President Moon Jae-in will visit Pyongyang for his third summit with "
        "leader Kim Jong Un on September 18, the presidential office confirmed on Monday."
    ))
    summit = found["September 18"]
    assert (summit.date, summit.date_precision, summit.event_type) == ("2018-09-18", "day", "summit")
    assert "will visit Pyongyang" in summit.description
    assert "September 18" not in summit.description
    confirmed = found["Monday"]
    assert (confirmed.date, confirmed.event_type) == ("2018-06-11", "announcement")


def test_evidence_value_span_is_the_date_expression():
    (event,) = events("Xi Jinping arrived in Hanoi on Thursday.")
    ev = event.evidence[0]
    assert ev.raw == "Thursday" and ev.extractor.startswith("event.")
    assert event.date == "2018-06-07"  # past tense: the Thursday before publication
    assert event.place == "Hanoi" and event.event_type == "arrival"


def test_ranges_give_date_end():
    (event,) = events("The leaders will attend a forum in Astana from July 3 to 5.")
    assert (event.date, event.date_end, event.date_precision) == ("2018-07-03", "2018-07-05", "day")
    assert event.place == "Astana"


def test_historical_years():
    found = by_text(events(
        "Putin first hosted Kim Jong Il in 2001, and the former leader died in 2011. "
        "The six-nation talks were last held in 2008."
    ))
    assert found["2001"].date == "2001" and found["2001"].date_precision == "year"
    assert found["2011"].event_type == "death"
    assert found["2008"].date == "2008"


def test_year_modifier_of_a_happening():
    found = by_text(events("The hotel was built ahead of a 1995 visit by the king."))
    assert found["1995"].event_type == "visit"
    assert events("The 2019 edition of the handbook is thick.") == []


def test_month_with_tense_and_late_qualifier():
    found = by_text(events(
        "Abe handed over an invitation in October. Trump will travel to Osaka in late June."
    ))
    assert (found["October"].date, found["October"].date_precision) == ("2017-10", "month")
    assert found["late June"].date == "2018-06"


def test_no_publication_date_keeps_text_but_no_date():
    found = by_text(events("Officials said the delegation left Beijing on Tuesday.", published=None))
    event = found["Tuesday"]
    assert event.date is None and event.date_precision is None and event.date_text == "Tuesday"


def test_one_event_per_date_expression_and_place_is_not_a_nationality():
    found = events("The envoy met reporters in Russian media centres on Friday and flew home on Saturday.")
    assert [e.date_text for e in found] == ["Friday", "Saturday"]
    assert found[0].place is None


def test_captions_and_datelines_are_not_read():
    text = (
        "Summit set for Friday\n\n"
        "HANOI (Wire Agency - 12th June, 2018) Leaders gathered in the city on Tuesday.\n\n"
        "Trump waves at the airport on Monday (AP Photo/Jane Doe)\n"
    )
    found = events(text)
    assert all(e.date_text not in ("12th June, 2018", "Monday") for e in found)


def test_seed_weekday_resolves_against_publication_date():
    article = read_path(SEEDS / "000_0ff9bbf1757864e4.txt")
    assert article.published == date(2019, 4, 23)
    found = {(e.date_text, e.date) for e in extract(article)}
    assert ("Tuesday", "2019-04-23") in found  # "the Kremlin confirmed on Tuesday"
    assert ("Sunday", "2019-04-21") in found
    assert ("Wednesday and Thursday", "2019-04-24") in found  # "will be closed ..."


def test_seed_with_altered_publication_date():
    text = (SEEDS / "001_430a555e82b18ee5.txt").read_text()
    article = read_text("001.txt", text, published=date(2020, 5, 6))  # also a Wednesday
    found = {e.date_text: e.date for e in extract(article)}
    assert found["Thursday"] == "2020-05-07"  # "will meet with ... on Thursday"
    assert found["February"] == "2020-02"
    assert found["2002"] == "2002"


def test_anaphoric_dates_take_the_previous_date_of_the_story():
    found = by_text(events(
        "Lula arrived in Luanda on Monday. The previous day, his trade minister met bankers in Lisbon. "
        "Two days later, the presidents will sign a shipping accord."
    ))
    assert found["The previous day"].date == "2018-06-10"
    # the story's latest date is the anchor: the narrative moves on from it
    assert found["Two days later"].date == "2018-06-12"
    assert found["Two days later"].evidence[0].confidence < found["Monday"].evidence[0].confidence


def test_anaphor_without_a_fine_enough_anchor_stays_undated():
    found = by_text(events("The treaty was signed in 1997. He flew home the next day."))
    assert found["the next day"].date is None and found["the next day"].date_text == "the next day"


def test_named_happening_with_a_year_span_or_year():
    found = by_text(events(
        "Her grandfather fought in the 1939-45 war. Brisbane will host the 2032 Olympics."
    ))
    assert (found["1939-45"].date, found["1939-45"].date_end, found["1939-45"].event_type) == ("1939", "1945", "conflict")
    assert found["2032"].date == "2032" and found["2032"].event_type == "sports event"


def test_a_speakers_today_with_nothing_happening_is_no_event():
    found = events('"We have come a long way, and we are proud to be here today."')
    assert found == []
    found = events('"The agreement we signed today is historic," the president said.')
    assert [e.date_text for e in found] == ["today"]


def test_march_the_month_is_not_a_march():
    (event,) = events("The minister returned to Lima in March 2015 to open a school.")
    assert event.event_type != "gathering"


def one_sentence_events(text, published=PUBLISHED):
    """Events of ``text`` read as a single sentence, as when the reader leaves a
    dateline inside the first sentence."""
    article = read_text("t.txt", text, published=published)
    article.sentences = [Sentence(0, len(text), text, 0)]
    return extract(article)


def test_wire_dateline_date_is_the_filing_date_not_a_happening():
    found = one_sentence_events(
        "NAIROBI, June 12 (Wire Service) - Kenya's president flew to Addis Ababa on Friday "
        "for talks with the African Union chairman."
    )
    assert [e.date_text for e in found] == ["Friday"]
    assert found[0].description.startswith("Kenya's president flew to Addis Ababa")
    found = one_sentence_events("LIMA, Peru, Sunday - The finance minister resigned on Saturday.")
    assert [e.date_text for e in found] == ["Saturday"]
    # near miss: names, a comma and a dash at the start, but no dateline date
    found = one_sentence_events("Ruto, Museveni and Hassan met on Friday - the first such meeting in years.")
    assert [(e.date_text, e.date) for e in found] == [("Friday", "2018-06-08")]


def test_outlet_speaking_of_its_own_coverage_is_no_event():
    found = events("That concludes our live coverage for today; the talks resume tomorrow in Geneva.")
    assert [e.date_text for e in found] == ["tomorrow"]
    # the semicolon ends the widening: the coverage words stay out of the description
    assert found[0].description == "the talks resume in Geneva"
    # near miss: a speaker's "we ... our talks" is a happening
    found = events('"We will end our talks on Friday," the envoy said.')
    assert [(e.date_text, e.date) for e in found] == [("Friday", "2018-06-15")]


def test_reported_happening_is_described_by_its_own_clause():
    found = by_text(events(
        "Officials told reporters on Monday that the ferry service was last suspended in 1998."
    ))
    suspended = found["1998"]
    assert suspended.description == "the ferry service was last suspended"
    assert suspended.event_type != "statement"  # "told" types the attribution, not the happening
    # the date of the telling keeps its attribution
    assert found["Monday"].event_type == "statement"
    assert found["Monday"].description.startswith("Officials told reporters")
    (reopened,) = events("She said the bridge reopened in March.")
    assert reopened.description == "the bridge reopened"


def test_attribution_stays_when_the_verb_takes_an_object_or_that_is_relative():
    (merger,) = events("The agency announced the merger on Tuesday.")
    assert merger.description == "The agency announced the merger"
    (statement,) = events("The ministry confirmed the figures in a statement that was released on Monday.")
    assert statement.description.startswith("The ministry confirmed")


def test_dash_aside_and_repeated_clause_leads_leave_the_description():
    (talks,) = events(
        "A wire agency reported citing a senior diplomat that the envoy could revive the "
        "four-way talks — which included both Koreas — last held in 2007."
    )
    assert talks.description == "the envoy could revive the four-way talks last held"
    (ferries,) = events(
        "Local radio reported that the port would be closed for two days, and that ferries "
        "will be rerouted on Friday."
    )
    assert ferries.description == "ferries will be rerouted"


def test_month_and_last_year_make_one_event_of_that_month():
    found = events("The two coast guards signed a patrol accord in August last year, officials said.")
    assert [(e.date_text, e.date, e.date_precision) for e in found] == [("August last year", "2017-08", "month")]


def test_since_taking_office_last_year_is_not_this_years_month():
    found = events("It is her third trip abroad since taking office in November last year.")
    assert [(e.date, e.date_precision) for e in found] == [("2017-11", "month")]


def test_date_in_a_quote_takes_no_happening_from_the_attribution():
    found = events(
        '"Our ports are open to every partner, and tonight we honour a bond that has lasted decades," '
        "the governor said in a toast."
    )
    assert found == []


def test_date_in_a_quote_with_its_own_happening_stays():
    (event,) = events('"We signed the fisheries accord on Monday," the governor said.')
    assert (event.date, event.event_type) == ("2018-06-11", "signing")


def test_vague_period_with_no_happening_is_not_an_event():
    assert events("Officials insist tariffs are not on the agenda this week.") == []
    assert events("Canal traffic is slower this month.") == []


def test_sentence_ending_in_the_next_quotes_opening_mark_is_not_quoted():
    text = (
        'The mayor, who hosted the envoy at the town hall on Monday morning, greeted the visitors. "\n'
        "Welcome,\" she said."
    )
    found = by_text(events(text))
    assert found["Monday morning"].date == "2018-06-11"


def test_weekday_between_subject_and_verb_is_dated():
    (event,) = events("The foreign minister on Tuesday visited the shipyard in Gdynia.")
    assert (event.date, event.event_type) == ("2018-06-12", "visit")


def test_weekday_with_bracketed_date_is_one_event():
    (event,) = events("Presidents Alvarez and Mbeki met at the border post on Friday (June 8) for talks.")
    assert (event.date, event.date_text) == ("2018-06-08", "Friday (June 8)")
    assert "June 8" not in event.description and "( )" not in event.description


def test_clause_with_an_irregular_past_verb_is_a_happening():
    (event,) = events("Earlier on Monday, the envoy laid flowers at the Tomb of the Unknown Sailor.")
    assert event.date == "2018-06-11"
    assert event.description.startswith("the envoy laid flowers")


def test_due_in_a_city_with_a_scheduled_speech_after_it():
    found = by_text(events("The chancellor is due in Tallinn on Thursday for a summit, where she speaks on Friday."))
    assert found["Thursday"].date == "2018-06-14"
    assert found["Friday"].date == "2018-06-15"


def test_photo_captions_give_no_events():
    text = (
        "Lagos Mail\n\n"
        "This handout photo, released by the Lakeland Press Agency on Aug. 2, 2018, shows the "
        "premier boarding a ferry.\n\n"
        "Premier Ana Mora (L) toasts with President Idris Bello at the gala dinner in Abuja on June 11. "
        "Photo by LPA/Jon Roe\n\n"
        "The premier met the president in Abuja on Monday for talks on fisheries and trade."
    )
    found = events(text)
    assert [e.date_text for e in found] == ["Monday"]
