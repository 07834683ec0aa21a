"""attribution(): who a sentence cites, as written, or None."""

from __future__ import annotations

import pytest

from factdb.extract.common import attribution


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Moon will land in Beijing on Friday with a delegation of 80, the Hankyoreh newspaper "
            "reported on Monday, citing three officials familiar with the plans.",
            "the Hankyoreh newspaper reported, citing three officials familiar with the plans",
        ),
        (
            "The president's chief aide was seen in Hanoi on Saturday according to Japan's Asahi daily, "
            "fuelling talk of an early summit.",
            "according to Japan's Asahi daily",
        ),
        (
            "The talks will cover trade and tourism, presidential spokeswoman Jane Ortega told reporters.",
            "presidential spokeswoman Jane Ortega told reporters",
        ),
        (
            "The motorcade was greeted by cheering crowds, the Xinhua news agency reported, citing an "
            "unnamed provincial official.",
            "the Xinhua news agency reported, citing an unnamed provincial official",
        ),
        ("The trip is meant to shore up support at home, analysts said.", "analysts said"),
        (
            "Police closed the bridge on Tuesday, the Daily Courier <u>reported</u>.",
            "the Daily Courier reported",
        ),
        (
            "Local television quoted a port official as saying the ship had been searched.",
            "Local television quoted a port official",
        ),
        (
            "The Lusaka Times, citing a senior diplomat, said the visit was postponed.",
            "The Lusaka Times, citing a senior diplomat, said",
        ),
        (
            "The leader will arrive on Thursday, announced the foreign ministry on Monday.",
            "announced the foreign ministry",
        ),
    ],
)
def test_cited_source_as_written(sentence, expected):
    assert attribution(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The two leaders toured a shipyard and planted a pine tree.",
        "Conspicuously absent from the reported delegation was the defence minister.",
        "The visit was confirmed on Friday.",  # passive with no agent: nobody is cited
        '"We said no to that plan," is a line the minister repeats often.',
    ],
)
def test_nothing_cited(sentence):
    assert attribution(sentence) is None


def test_said_inside_quotation_marks_is_not_the_reporter_citing():
    # only the attribution outside the marks counts
    sentence = '"Nobody said it would be easy," the mayor told the crowd.'
    assert attribution(sentence) == "the mayor told the crowd"


def test_according_to_wins_over_a_later_reporting_verb():
    sentence = "According to Reuters, the envoy said the talks had stalled."
    assert attribution(sentence) == "according to Reuters"


def test_a_reporting_verb_split_by_a_tag_is_still_read():
    # the cheap no-citing-word test must not skip tagged text
    assert attribution("The port will reopen, the <b>Harbour</b> Gazette <i>reported</i>.") == "the Harbour Gazette reported"
