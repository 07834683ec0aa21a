"""Read room: metadata detection, boilerplate marking, offsets, errors.

Most cases are invented pages (other leaders, outlets, date formats) so the
rules stay generic; a few checks pin the behaviour on the seed articles.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factdb.read import (
    SUPPORTED_SUFFIXES,
    Article,
    ReadError,
    Sentence,
    paragraph_spans,
    read_html,
    read_path,
    read_text,
    sha256_text,
    split_sentences,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds" / "articles"


def seed(prefix: str) -> Article:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return read_path(path)


def sentence_with(article: Article, needle: str) -> Sentence:
    matches = [s for s in article.sentences if needle in s.text]
    assert matches, f"no sentence contains {needle!r}"
    return matches[0]


def assert_offsets_true(article: Article) -> None:
    for s in article.sentences:
        assert article.text[s.start : s.end] == s.text
        start, end = article.paragraphs[s.paragraph]
        assert start <= s.start < s.end <= end
    starts = [s.start for s in article.sentences]
    assert starts == sorted(starts)


# --- the seeds ---------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seed_text_is_stored_byte_identical_and_offsets_hold(path):
    article = read_path(path)
    raw = path.read_bytes().decode("utf-8").replace("\r\n", "\n")
    assert article.text == raw
    assert article.document.sha256 == sha256_text(raw)
    assert_offsets_true(article)
    assert article.content_sentences()


@pytest.mark.parametrize(
    "prefix, title, outlet, published",
    [
        ("000", "First Putin-Kim Summit to Take Place on April 25, Kremlin Confirms",
         "The Moscow Times", date(2019, 4, 23)),
        ("001", None, "The Moscow Times", date(2019, 4, 24)),
        ("002", "Kim Jong-un to visit Russia to meet Putin", "Korea JoongAng Daily", None),
        ("003", "North Korea’s Kim arrives in Russia before summit with Putin", "Belfast Telegraph", None),
        ("004", "Putin, Kim Conclude First Ever Summit In Vladivostok After 5-Hour 'Substantive' Talks",
         "Pakistan Point News", date(2019, 4, 25)),
    ],
)
def test_seed_metadata(prefix, title, outlet, published):
    document = seed(prefix).document
    assert document.title == title
    assert document.outlet == outlet
    assert document.published == published


def test_seed_001_url_is_rejoined_and_the_later_link_does_not_win():
    article = seed("001")
    assert article.document.url.endswith("/2019/04/24/north-koreas-kim-jong-un-arrives-in-russia-for-summit-with-putin-a65357")
    assert article.published == date(2019, 4, 24)


def test_seed_001_tweet_lines_do_not_swallow_the_body_line_above():
    article = seed("001")
    body = sentence_with(article, "Choe Son Hui.")
    assert not body.boilerplate
    assert "pic.twitter.com" not in body.text
    assert sentence_with(article, "pic.twitter.com").boilerplate
    assert sentence_with(article, "(@").reason == "tweet"
    assert sentence_with(article, "Related article:").boilerplate


def test_seed_004_wire_and_dateline():
    article = seed("004")
    assert article.wire == "Sputnik"
    dateline = sentence_with(article, "(Pakistan Point News")
    assert dateline.boilerplate and dateline.text.endswith("2019)")
    first = article.content_sentences()[0]
    assert first.text.startswith("Russian President")


def test_seed_000_sentence_broken_by_a_blank_line_is_one_sentence():
    article = seed("000")
    s = sentence_with(article, "entourage")
    assert "citing two sources" in s.text and not s.boilerplate
    assert sentence_with(article, "contributed reporting").boilerplate


def test_seed_003_captions_and_masthead_are_boilerplate():
    article = seed("003")
    for s in article.sentences:
        if "via AP)" in s.text or "AP Photo" in s.text:
            assert s.boilerplate and s.reason == "caption"
    assert article.sentences[0].boilerplate  # the outlet's name above the headline
    assert article.sentences[-1].reason == "footer"


def test_seed_002_comment_block_is_all_boilerplate():
    article = seed("002")
    last_body = sentence_with(article, "hoped a different person would be appointed")
    after = [s for s in article.sentences if s.start > last_body.end]
    assert after and all(s.boilerplate for s in after)
    assert [s.reason for s in article.sentences[:4]] == ["title", "navigation", "chrome", "title"]


# --- invented pages ------------------------------------------------------------

NORDIC = """Prime Minister Anna Berg arrives in Oslo for talks

Published: 12.03.2021

Photo: Lars Holm / NTB

Prime Minister Anna Berg waves on arrival at the airport on Tuesday (Lars Holm/NTB via Reuters)
Berg will meet her Norwegian counterpart on Wednesday to discuss
energy cooperation, her office said in a statement.

Read more: Berg's last visit ended without a deal

The delegation of 45 officials includes the trade minister, the news
agency

reported.

Energy talks resume after five-year pause pic.twitter.com/AbC123xyz

— Some Reporter (@somereporter) March 12, 2021

ENERGY ON THE AGENDA

"We expect concrete results," Berg told reporters.

Reporting by John Smith; Editing by Mary Jones

Copyright © 2021 The Nordic Post. All rights reserved.
"""


def test_invented_page_metadata():
    article = read_text("nordic.txt", NORDIC)
    assert article.document.title == "Prime Minister Anna Berg arrives in Oslo for talks"
    assert article.published == date(2021, 3, 12)  # day-first dotted date
    assert article.document.outlet == "The Nordic Post"
    assert_offsets_true(article)


def test_invented_page_boilerplate_is_marked_line_by_line():
    article = read_text("nordic.txt", NORDIC)
    reasons = {s.text[:25]: s.reason for s in article.sentences}
    assert reasons["Photo: Lars Holm / NTB"] == "caption"
    assert reasons["Prime Minister Anna Berg "] in ("caption", "title")
    assert reasons["Read more: Berg's last vi"] == "related"
    assert reasons["Energy talks resume after"] == "tweet"
    assert reasons["ENERGY ON THE AGENDA"] == "heading"
    assert reasons["Reporting by John Smith; "] == "contributor"
    body = [s.text for s in article.content_sentences()]
    assert body[0].startswith("Berg will meet her Norwegian counterpart")
    assert body[1].endswith("the news\nagency\n\nreported.")  # hard wrap and stray blank line kept
    assert body[2] == '"We expect concrete results," Berg told reporters.'
    assert len(body) == 3


def test_own_url_gives_outlet_and_date_and_beats_related_and_later_links():
    text = """LONDON (Reuters) - Britain and Japan signed a trade agreement on Friday, ministers said.

The deal removes tariffs on 99 percent of exports.

Related article: https://www.example.com/world/2018/01/01/an-older-story/

Original url:
https://www.reuters.com/world/2020/10/23/britain-japan-sign-
trade-deal/

https://www.reuters.com/world/2023/05/05/a-later-page/
"""
    article = read_text("b.txt", text)
    assert article.document.url == "https://www.reuters.com/world/2020/10/23/britain-japan-sign-trade-deal/"
    assert article.published == date(2020, 10, 23)
    assert article.document.outlet == "Reuters"
    assert article.document.title is None
    assert article.sentences[0].text == "LONDON (Reuters) -" and article.sentences[0].boilerplate
    assert article.content_sentences()[0].text.startswith("Britain and Japan")


def test_unknown_host_falls_back_to_host_name():
    text = "Two ministers met in the port city on Monday to sign a fisheries deal, officials said.\n\nSource url: https://www.harbour-gazette.example/2020/01/05/fisheries\n"
    article = read_text("h.txt", text)
    assert article.document.outlet == "harbour-gazette.example"
    assert article.published == date(2020, 1, 5)


def test_tweet_date_and_body_dates_do_not_become_publication_date():
    text = """The summit opened in the capital on 3 May 2020 with a ceremony at the palace, officials said.

Crowds outside the venue pic.twitter.com/xyz987

— A Reporter (@areporter) May 1, 2020
"""
    assert read_text("t.txt", text).published is None


def test_dateline_with_outlet_and_agency():
    text = "KYIV (Example Daily / Interfax - 3rd March, 2022) Officials said talks would continue on Friday in the capital.\n"
    article = read_text("d.txt", text)
    assert article.document.outlet == "Example Daily"
    assert article.wire == "Interfax"
    assert article.published == date(2022, 3, 3)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Wednesday, 24 April 2019", date(2019, 4, 24)),
        ("Apr. 5, 2018 | 10:42 AM EDT", date(2018, 4, 5)),
        ("Updated: 2017-11-30 08:15 GMT", date(2017, 11, 30)),
        ("1st of June 2016", date(2016, 6, 1)),
    ],
)
def test_header_date_formats(line, expected):
    text = f"Ministers agree on border crossing\n\n{line}\n\nThe two ministers agreed on Tuesday to reopen the crossing after talks that lasted all day.\n"
    article = read_text("x.txt", text)
    assert article.published == expected
    assert sentence_with(article, line[:8]).reason == "dateline"


@pytest.mark.parametrize(
    "line, expected",
    [
        # outlet credit in capitals, time, section tags beside the date
        ("NORTHWIND PRESS - Mar 3, 2026 - 10:15 | World, Asia", date(2026, 3, 3)),
        ("Harbourline | Sep 9, 2027 8:05 AM GMT+2", date(2027, 9, 9)),
        ("Sept. 13, 2023 6:02 a.m. ET", date(2023, 9, 13)),
        ("Published 24 Apr 2019", date(2019, 4, 24)),
        ("13 Sep 2023 08:15 GMT", date(2023, 9, 13)),
        ("Updated: Sep 13, 2023", date(2023, 9, 13)),
    ],
)
def test_timestamp_lines_with_abbreviated_months_and_labels(line, expected):
    text = (
        f"Ferry pact talks open in harbour town\n\n{line}\n\n"
        "Ministers from the two countries met in the port city on Tuesday to discuss fishing quotas, officials said.\n\n"
        "Related: Earlier Ferry Talks | Jan 5, 2020\n"
    )
    article = read_text("x.txt", text)
    assert article.published == expected
    assert sentence_with(article, line[:8]).reason == "dateline"


def test_a_dated_headline_is_not_a_timestamp_line():
    from factdb.boilerplate import is_date_line

    # a link to another story: its date must not become the page's
    assert not is_date_line("Ferry Talks Collapse Again | Jan 5, 2020")
    assert not is_date_line("ferry talks collapse - Jan 5, 2020")


def test_front_matter_overrides_detection_and_is_boilerplate():
    text = """---
title: Leaders meet in the capital
outlet: The Example Herald
published: 2022-06-01
url: https://example.org/a
---

Leaders meet in the capital

June 3, 2022

The two presidents met on Wednesday for three hours of talks.
"""
    article = read_text("c.md", text)
    document = article.document
    assert (document.title, document.outlet, document.published, document.url) == (
        "Leaders meet in the capital", "The Example Herald", date(2022, 6, 1), "https://example.org/a",
    )
    assert article.text == text
    assert article.sentences[0].reason == "front_matter"
    assert [s.text for s in article.content_sentences()] == [
        "The two presidents met on Wednesday for three hours of talks."
    ]
    assert article.metadata_sources["published"] == "front_matter"


def test_bad_front_matter_date_is_an_error_naming_the_file():
    with pytest.raises(ReadError, match="weird.md"):
        read_text("weird.md", "---\npublished: someday\n---\n\nText of the article follows here.\n")


def test_known_metadata_wins():
    article = read_text("k.txt", NORDIC, outlet="Given Outlet", published="2020-02-02")
    assert article.document.outlet == "Given Outlet"
    assert article.published == date(2020, 2, 2)


def test_line_in_another_script_is_boilerplate_but_a_whole_page_in_it_is_not():
    mixed = "The envoy arrived in the city on Monday, the ministry said.\nПосол прибыл в город в понедельник\n"
    article = read_text("m.txt", mixed)
    assert [s.boilerplate for s in article.sentences] == [False, True]
    russian = "Посол прибыл в город в понедельник, сообщило министерство.\n\nПереговоры продолжатся во вторник.\n"
    assert all(not s.boilerplate for s in read_text("r.txt", russian).sentences)


def test_link_list_heading_ends_the_article():
    text = """The talks ended on Friday without a joint statement, diplomats said.

Most Read

A different story about a football match that ended in a draw, the club said.
"""
    article = read_text("l.txt", text)
    assert [s.boilerplate for s in article.sentences] == [False, True, True]


def test_carriage_returns_are_normalised_and_offsets_hold():
    article = read_text("crlf.txt", "Leaders meet again\r\n\r\nThe leaders met again on Monday, aides said.\r\n")
    assert "\r" not in article.text
    assert_offsets_true(article)
    assert article.document.title == "Leaders meet again"


# --- HTML ----------------------------------------------------------------------

HTML = """<html><head><title>Presidents agree on gas pipeline | The Example Post</title>
<meta property="og:site_name" content="The Example Post">
<meta property="article:published_time" content="2021-09-14T10:00:00Z">
<link rel="canonical" href="https://www.examplepost.com/world/2021/09/14/pipeline/"></head>
<body><nav><a href="/">Home</a> &gt; <a href="/world">World</a></nav>
<article><h1>Presidents agree on gas pipeline</h1>
<p>ASTANA (AP) — The presidents of two neighbouring countries agreed on Tuesday to build a
1,200-kilometre gas pipeline, their offices said in a joint statement.</p>
<p>The project will cost an estimated $4 billion, according to the energy ministry, and is due
to be finished in 2025.</p>
<p>"This is a historic day for both our nations," one of the presidents told reporters.</p>
</article></body></html>"""


def test_html_file_is_read_with_trafilatura(tmp_path):
    path = tmp_path / "pipeline.html"
    path.write_text(HTML, encoding="utf-8")
    article = read_path(path)
    document = article.document
    assert document.title == "Presidents agree on gas pipeline"
    assert document.outlet == "The Example Post"
    assert document.published == date(2021, 9, 14)
    assert document.url == "https://www.examplepost.com/world/2021/09/14/pipeline/"
    assert article.wire == "AP"
    assert "<p>" not in article.text
    assert_offsets_true(article)
    body = article.content_sentences()
    assert body[0].text.startswith("The presidents of two neighbouring countries")
    assert len(body) == 3
    assert article.metadata_sources["outlet"] == "html"


def test_html_without_text_is_an_error():
    with pytest.raises(ReadError, match="empty.html"):
        read_html("empty.html", "<html><body><nav>Home</nav></body></html>")


# --- errors --------------------------------------------------------------------


def test_unsupported_missing_empty_and_undecodable_files(tmp_path):
    bad = tmp_path / "article.pdf"
    bad.write_text("x")
    with pytest.raises(ReadError, match="article.pdf"):
        read_path(bad)
    with pytest.raises(ReadError, match="missing.txt"):
        read_path(tmp_path / "missing.txt")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n ")
    with pytest.raises(ReadError, match="empty.txt"):
        read_path(empty)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Caf\xe9 talks ended.".encode("latin-1"))
    with pytest.raises(ReadError, match="latin1.txt"):
        read_path(latin1)
    binary = tmp_path / "binary.md"
    binary.write_bytes(b"abc\x00def")
    with pytest.raises(ReadError, match="binary.md"):
        read_path(binary)
    with pytest.raises(ReadError, match="blank"):
        read_text("blank", "\n\n")
    assert ".txt" in SUPPORTED_SUFFIXES and ".html" in SUPPORTED_SUFFIXES


# --- public helpers keep their contract ------------------------------------------


def test_paragraph_spans_and_split_sentences_without_reasons():
    text = "  First one. Second one.\n\n\nThird\nline here.  "
    spans = paragraph_spans(text)
    assert [text[a:b] for a, b in spans] == ["First one. Second one.", "Third\nline here."]
    sentences = split_sentences(text, spans)
    assert [s.text for s in sentences] == ["First one.", "Second one.", "Third\nline here."]
    assert not any(s.boilerplate for s in sentences)


def test_a_one_line_snippet_stays_content():
    # Extractor tests read single invented sentences; they must not become titles or headings.
    for snippet in ("The premier arrived in Hanoi on Monday", 'He said "we will win"', "Talks ended."):
        article = read_text("snippet.txt", snippet)
        assert [s.boilerplate for s in article.sentences] == [False]
        assert article.document.title is None


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the year, the plant will produce 300 tonnes.",
        "From Monday, the border will be closed to traffic.",
        "Photo opportunities were limited, aides said.",
        "Source: the ministry said the talks were over.",
        "The talks ended on April 24, 2019.",
        "NATO (North Atlantic Treaty Organization) Secretary General Jens Berg said the alliance would respond.",
    ],
)
def test_prose_that_looks_a_little_like_furniture_stays_content(line):
    text = f"Alliance leaders meet\n\nThe leaders met on Monday in the capital, officials said.\n\n{line}\n"
    article = read_text("p.txt", text)
    assert article.content_sentences()[-1].text == line
    assert article.document.outlet is None


@pytest.mark.parametrize(
    "line, reason",
    [
        ("By Jane Doe and John Roe, Staff Writers", "byline"),
        ("Seoul / AFP", "caption"),
        ("FILE PHOTO: Soldiers march past the reviewing stand", "caption"),
        ("Home › World › Asia", "navigation"),
        ("Share this article", "share"),
        ("print dictionary email", "chrome"),
        ("Sign up for our daily newsletter", "share"),
        ("Additional reporting by Ann Lee in Tokyo", "contributor"),
    ],
)
def test_furniture_lines(line, reason):
    from factdb.boilerplate import line_reason

    assert line_reason("Traders quoted a price of $5/pa") is None  # "/pa" is not an agency credit
    text = f"Alliance leaders meet\n\nThe leaders met on Monday in the capital, officials said.\n\n{line}\n\nThe talks will resume next week, a spokesman said.\n"
    article = read_text("f.txt", text)
    assert sentence_with(article, line[:12]).reason == reason
    assert len(article.content_sentences()) == 2


def test_byte_order_mark_is_kept_in_text_but_ignored_for_reading(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffEnvoys sign accord\n\nThe envoys signed the accord on Friday, aides said.\n".encode("utf-8"))
    article = read_path(path)
    assert article.text.startswith("\ufeff")
    assert article.document.title == "Envoys sign accord"
    assert_offsets_true(article)


# --- link lists, captions, timestamps, page headers -----------------------------


def test_link_list_heading_takes_only_its_link_lines_and_the_story_goes_on():
    text = """Envoys meet in the border town

LISBON (Reuters) - The two foreign ministers met on Monday in the border town for four hours of talks, officials said.

Related coverage
Explainer: Why the river dispute matters
Timeline: Forty years of fishing rows

The ministers agreed to set up a joint commission of 12 experts, the ministry said in a statement.

A second round of talks is planned for June in the capital.
"""
    article = read_text("links.txt", text)
    assert sentence_with(article, "Related coverage").reason == "related"
    assert sentence_with(article, "Timeline: Forty years").boilerplate
    assert not sentence_with(article, "joint commission of 12 experts").boilerplate
    assert not sentence_with(article, "second round of talks").boilerplate
    assert article.document.outlet == "Reuters"  # "LISBON (Reuters) -" with a wire of its own


def test_link_list_in_separate_blocks_and_heading_with_prose_in_its_own_block():
    text = """The talks ended on Friday without a joint statement, diplomats said.

Read more

Kim visits the port city

Analysis: What the deal means for farmers

The delegation will return next month with a revised offer of 300 tonnes of grain, aides said.

Related stories:
Leader lands in the capital for a two-day visit
The leader later toured a shipyard and met workers there on Saturday, state media reported.
"""
    article = read_text("blocks.txt", text)
    flags = [(s.text[:20], s.boilerplate) for s in article.sentences]
    assert flags == [
        ("The talks ended on F", False),
        ("Read more", True),
        ("Kim visits the port ", True),
        ("Analysis: What the d", True),
        ("The delegation will ", False),
        ("Related stories:\nLea", True),
        ("The leader later tou", False),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Two presidents walk along a pier at the harbour in Valparaiso, May 3, 2021. (Reuters/Ana Soto)",
        "The chancellor waves from the plane in Hanoi, Vietnam, March 2, 2022. KCNA via REUTERS",
        "Protesters gather outside the palace on Tuesday. AFP/Getty",
        "Crowds line the avenue as the motorcade passes. Xinhua via Getty Images",
        "[PHOTO] The two premiers plant a tree at the embassy in Canberra, Monday. / Joint Press Pool",
        "The minister arrives at the airport in Nairobi, where she was met by her counterpart. Photo / Supplied",
        "Soldiers march past the podium during the parade. Photo: Ravi Nair",
        "A guard of honour stands at the palace gates. (Reuters)",
        "The premier greets students in Seoul. (Yonhap/Kim Min-ji, File)",
    ],
)
def test_caption_lines_with_credits(line):
    text = f"Leaders meet in the capital\n\nThe two leaders met on Monday in the capital, officials said.\n\n{line}\n\nThe talks will resume next week, a spokesman said.\n"
    article = read_text("cap.txt", text)
    captions = [s for s in article.sentences if s.start >= article.text.index(line)][:1]
    assert captions and captions[0].reason == "caption"
    assert [s.text for s in article.content_sentences()] == [
        "The two leaders met on Monday in the capital, officials said.",
        "The talks will resume next week, a spokesman said.",
    ]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Updated 9:05 AM GMT+2, March 3, 2021", date(2021, 3, 3)),
        ("Tuesday, 9 November 2021, 11:40am", date(2021, 11, 9)),
        ("Published 8:12 p.m. ET, Oct. 4, 2020", date(2020, 10, 4)),
        ("Posted: 14:05 UTC+05:30, 2 Feb 2022", date(2022, 2, 2)),
        ("Sat 5 Jun 2021 07.15 BST", date(2021, 6, 5)),
    ],
)
def test_timestamp_lines_with_times_zones_and_prefixes(line, expected):
    text = f"Ministers agree on border crossing\n\nBy Ana Lima\n{line}\n\nThe two ministers agreed on Tuesday to reopen the crossing after talks that lasted all day.\n"
    article = read_text("ts.txt", text)
    assert article.published == expected
    assert sentence_with(article, line[:8]).reason == "dateline"


def test_page_header_with_topic_tag_bare_byline_and_crumb_outlet():
    text = """Example Herald > World

Mongolia
Mongolian president hails 'new chapter' as leaders meet in Ulaanbaatar

Anna Sato in Tokyo and Lee Park
Thu 7 Jul 2022 09.10 BST

The president of Mongolia welcomed his visitor at the state palace on Thursday, officials said.
"""
    article = read_text("hdr.txt", text)
    assert article.document.title == "Mongolian president hails 'new chapter' as leaders meet in Ulaanbaatar"
    assert sentence_with(article, "Mongolia").text == "Mongolia"
    assert sentence_with(article, "Mongolia").reason == "kicker"
    assert article.document.outlet is None  # a crumb names the outlet only when the lexicon knows it
    assert sentence_with(article, "Anna Sato").reason == "byline"
    assert article.published == date(2022, 7, 7)
    assert [s.text[:20] for s in article.content_sentences()] == ["The president of Mon"]


def test_outlet_from_crumb_trail_that_starts_with_a_known_outlet():
    text = "NZ Herald > Business\n\nDairy exporters sign deal with buyers\n\nThe exporters signed a deal with three buyers on Monday, the company said.\n"
    assert read_text("nz.txt", text).document.outlet == "The New Zealand Herald"


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Copyright(C) 2020 The Example Courier. All Rights Reserved.", "footer"),
        ("Our Standards: The Example Trust Principles.", "footer"),
        ("Please share your opinion in the comment section below. Comments (3)", "share"),
        ("Have your say: join the conversation in the comments below.", "share"),
        ("Explore more on these topics: Trade, Asia, Diplomacy", "related"),
        ("Related coverage", "related"),
    ],
)
def test_more_furniture_lines(line, reason):
    text = f"Alliance leaders meet\n\nThe leaders met on Monday in the capital, officials said.\n\n{line}\n\nThe talks will resume next week, a spokesman said.\n"
    article = read_text("f2.txt", text)
    assert sentence_with(article, line[:12]).reason == reason
    assert len(article.content_sentences()) == 2


def test_copyright_with_c_in_parentheses_names_the_outlet():
    text = "Leaders meet\n\nThe leaders met on Monday in the capital, officials said.\n\nCopyright(C) 2020 The Example Courier. All Rights Reserved.\n"
    assert read_text("c.txt", text).document.outlet == "The Example Courier"


@pytest.mark.parametrize(
    "line",
    [
        "Our standards are high, the minister said.",
        "Readers shared their views in the comments below the video, the paper said.",
        "Related coverage of the talks was banned by the military government.",
        "He said the US/UK talks would resume in Geneva on Tuesday.",
        "The ministry confirmed the figure to the news agency (AFP).",
        "Officials said the deal was signed in Paris (the venue was kept secret until Monday).",
        "Photo opportunities with the president were limited to two minutes.",
    ],
)
def test_prose_near_the_new_cues_stays_content(line):
    text = f"Alliance leaders meet\n\nThe leaders met on Monday in the capital, officials said.\n\n{line}\n\nThe talks will resume next week, a spokesman said.\n"
    article = read_text("p2.txt", text)
    assert not sentence_with(article, line[:12]).boilerplate
    assert len(article.content_sentences()) == 3


def test_seed_and_eval_articles_metadata_and_no_hidden_story():
    eval_dir = Path(__file__).resolve().parent / "eval" / "articles"
    expected = {
        "e01": date(2018, 6, 12), "e02": date(2019, 6, 20), "e03": date(2018, 9, 19),
        "e04": date(2023, 9, 13), "e05": date(2024, 6, 19), "e06": date(2025, 3, 14),
    }
    for path in sorted(eval_dir.glob("e0*.txt")):
        article = read_path(path)
        assert article.published == expected[path.name[:3]], path.name
        assert article.document.title, path.name
        assert_offsets_true(article)
        # Long sentences are marked only as the furniture that holds them, never
        # as a tail, heading, repeat or the like hiding the story.
        furniture = {"caption", "title", "related", "contributor", "footer", "share"}
        hidden = [
            s for s in article.sentences
            if s.boilerplate and len(s.text.split()) >= 12 and s.reason not in furniture
        ]
        assert not hidden, (path.name, [s.text[:40] for s in hidden])


# --- publication-date shapes ------------------------------------------------------


@pytest.mark.parametrize(
    "line, expected",
    [
        ("June 30, 2019 / 6:02 AM / Updated 3 hours ago", date(2019, 6, 30)),
        ("Published 10 Jan 2019, 21:30 KST", date(2019, 1, 10)),
        ("Live updates · Wednesday, November 12, 2025", date(2025, 11, 12)),
        ("Posted: Mon 1 Jul 2019 09.15 BST", date(2019, 7, 1)),
        ("Last modified on Tue 2 Jul 2019", date(2019, 7, 2)),
        ("1 July 2019 • 10:42am", date(2019, 7, 1)),
        ("2019-07-01T09:15:00Z", date(2019, 7, 1)),
        ("Published 2021-03-04T18:05:00+09:00", date(2021, 3, 4)),
        ("By Nadia Okafor | July 1, 2019 | 4 min read", date(2019, 7, 1)),
        ("3 min read · Aug 14, 2020", date(2020, 8, 14)),
        ("Updated 12 mins ago · 9 March 2022", date(2022, 3, 9)),
        # the publication date, not the later edit
        ("Sun 7 Mar 2021 06.02 GMT Last modified on Mon 8 Mar 2021 10.00 GMT", date(2021, 3, 7)),
        ("PUBLISHED: 06:02 GMT, 7 March 2021 | UPDATED: 10:00 GMT, 8 March 2021", date(2021, 3, 7)),
        ("Updated: 8 March 2021 | Published: 7 March 2021", date(2021, 3, 7)),
        # a section name and a date written with slashes
        ("Business Friday 14/Jun/2019 09:05 AM", date(2019, 6, 14)),
    ],
)
def test_timestamp_line_shapes(line, expected):
    text = f"Ministers sign a fisheries pact\n\n{line}\n\nThe two ministers signed the pact on Tuesday after talks in the port city, officials said.\n"
    article = read_text("ts2.txt", text)
    assert article.published == expected
    assert sentence_with(article, line[:10]).reason == "dateline"
    assert [s.text[:20] for s in article.content_sentences()] == ["The two ministers si"]


@pytest.mark.parametrize(
    "line",
    [
        "Kim | Moon | Trump",
        "By the end of June 30, 2019 the plant will close, the company said.",
        "Updated rules take effect on 1 July 2019 for all exporters in the region.",
        "3 hours ago the two ministers met in the capital",
    ],
)
def test_lines_with_dates_that_are_not_timestamps_stay_content(line):
    from factdb.boilerplate import is_date_line

    assert not is_date_line(line)


WIRE_STORY = "Envoys meet at the border\n\n{dateline} The two envoys met on Sunday at the border village, officials said.\n\n{tail}"


@pytest.mark.parametrize(
    "dateline, tail, expected",
    [
        # year from the article's own URL path
        ("LIMA, June 30 (Reuters) -", "Original url: https://www.example.com/world/2019/envoys-meet-idUSKCN1\n", date(2019, 6, 30)),
        # year from a copyright line
        ("LIMA, June 30 (Reuters) -", "© 2018 Example Wire. All rights reserved.\n", date(2018, 6, 30)),
        # a copyright range names no year of publication
        ("LIMA, June 30 (Reuters) -", "Copyright 2005-2024 Example Wire.\n", None),
        # no cue at all: never guessed, even with a year in the story's prose
        ("LIMA, June 30 (Reuters) -", "The envoys first met in 2017.\n", None),
        ("QUITO, 3rd March (AFP) -", "Source url: https://www.example.org/2022/03/03/envoys\n", date(2022, 3, 3)),
    ],
)
def test_wire_dateline_without_year_takes_the_year_from_another_cue(dateline, tail, expected):
    article = read_text("w.txt", WIRE_STORY.format(dateline=dateline, tail=tail))
    assert article.published == expected
    assert sentence_with(article, dateline[:6]).text == dateline
    assert sentence_with(article, dateline[:6]).reason == "dateline"
    assert article.content_sentences()[0].text.startswith("The two envoys met")


def test_wire_dateline_year_from_a_header_date_is_the_nearest_year():
    text = (
        "Envoys meet at the border\n\nBy Ana Lima | Updated January 2, 2020 14:00 GMT\n\n"
        "LIMA, December 31 (Reuters) - The two envoys met on Tuesday at the border village, officials said.\n"
    )
    # the header line itself is a dated byline: its date ranks above the dateline's
    assert read_text("n.txt", text).published == date(2020, 1, 2)
    text = (
        "Envoys meet at the border — as of January 2, 2020\n\n"
        "LIMA, December 31 (Reuters) - The two envoys met on Tuesday at the border village, officials said.\n"
    )
    article = read_text("n2.txt", text)
    assert article.published == date(2019, 12, 31)
    assert article.metadata_sources["published"] == "dateline"


# --- sentence boundaries: spaCy's sentencizer, exactly -----------------------------


TRICKY_BLOCKS = [
    'He said: "We will win." Then he left. (It rained.) The end!',
    "Mr. Smith met Dr. Jones at 10 a.m. in the U.S. capital. They talked.",
    "The deal is worth $4.5bn... Analysts were surprised?! Yes.\nA new line.  Two spaces. Tab.\tNext",
    "Prices rose 3.5 percent. end.Next word. e.g. this. i.e. that. :) smile. It's done.” Quote closes.",
    "Visit https://example.com/a.b?c=d. Then go. — Dash after. - Hyphen. [Bracket.] 'Single.' Done",
    "会谈结束。双方同意。 Talks ended！ Agreed？ Final． word 𑁇 more",
    "o.Ox.y.z : o. x Ph.D. holders. 8 a.m . Mr . Smith. ''Quoted.'' Next",
    "No final punctuation at all here",
    "Ends with a full stop.",
    "“Ready?” he asked. “Yes!” she said.\n\nNew paragraph inside a block.",
]


def test_sentence_splitter_matches_spacys_sentencizer():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    text = "\n\n\n".join(TRICKY_BLOCKS)
    spans = []
    pos = 0
    for block in TRICKY_BLOCKS:
        start = text.index(block, pos)
        spans.append((start, start + len(block)))
        pos = start + len(block)
    got = [(s.paragraph, s.start, s.end) for s in split_sentences(text, spans)]
    expected = []
    for index, (block, (offset, _)) in enumerate(zip(TRICKY_BLOCKS, spans)):
        for sent in nlp(block).sents:
            raw = sent.text_with_ws
            stripped = raw.strip()
            if stripped:
                start = offset + sent.start_char + len(raw) - len(raw.lstrip())
                expected.append((index, start, start + len(stripped)))
    assert got == expected


def test_fast_paths_of_line_cues_agree_with_their_rules():
    from factdb import boilerplate as bp

    assert bp.ends_sentence('He said "yes."  ') and bp.ends_sentence("Why?)") and bp.ends_sentence("Wait…”")
    assert not bp.ends_sentence("3.5 percent of the") and not bp.ends_sentence('"') and not bp.ends_sentence("")
    assert bp.is_foreign_script("Посол прибыл в город (Moscow)")
    assert not bp.is_foreign_script("Café owners in Zürich said “no” to the plan")
    # a hard-wrapped prose line ending in a lower-case word is no credit; a credit still is
    assert bp.line_reason("the two leaders walked along the pier and spoke with") is None
    assert bp.line_reason("The premier greets students in Seoul. (Yonhap/Kim Min-ji, File)") == "caption"
    for text in ("The U.S.-led talks, in Lima-City: OK.", "it's 3.5--4 km _under_ the .bay.", "Ünïcode ẞtraße", "—", "one"):
        words = bp.normalize(text).split()
        assert bp.edge_words(text.casefold()) == (tuple(words[:2]), tuple(words[-2:]))


def test_a_desk_byline_beside_the_timestamp_does_not_hide_the_date():
    text = ("Ministers meet in Lima\n\nBy the Americas desk | Published 4 Feb 2022, 09:10 PET | "
            "5 min read\n\nThe ministers met on Thursday and agreed a new trade route.\n")
    article = read_text("desk.txt", text)
    assert str(article.document.published) == "2022-02-04"


def test_section_timestamp_and_byline_with_colon_are_furniture():
    text = ("Ministers sign a fisheries pact\n\nBusiness Friday 14/Jun/2019 09:05 AM\nBy: Harbour News Desk\n\n"
            "The two ministers signed the pact on Friday after talks in the port city, officials said.\n")
    article = read_text("sect.txt", text)
    assert article.published == date(2019, 6, 14)
    assert sentence_with(article, "By: Harbour").reason == "byline"
    assert [s.text[:20] for s in article.content_sentences()] == ["The two ministers si"]


def test_outlet_from_a_timestamp_line_that_names_it():
    text = ("Ministers sign a fisheries pact\n\nMERIDIAN WIRE - Jun 14, 2019 - 09:05 | World\n\n"
            "The two ministers signed the pact on Friday after talks in the port city, officials said.\n")
    article = read_text("stamp.txt", text)
    assert article.document.outlet == "MERIDIAN WIRE"
    assert article.metadata_sources["outlet"] == "timestamp"
    # near miss: a section name opening the timestamp is no outlet
    article = read_text("stamp2.txt", text.replace("MERIDIAN WIRE", "World"))
    assert article.document.outlet is None


PHOTO_THEN_CREDIT = (
    "Ministers sign a fisheries pact\n\n"
    "The two ministers signed the pact on Friday after talks in the port city, officials said.\n\n"
    "{caption}\n\n{credit}\n\n"
    "The pact opens the northern banks to trawlers from both countries for five years.\n"
)


def test_caption_whose_credit_stands_alone_in_the_next_paragraph():
    caption = ("Fisheries minister Ana Duarte shakes hands with her counterpart Tomas Lind at the harbour "
               "office in Bergen, Norway, June 14, 2019.")
    article = read_text("cap.txt", PHOTO_THEN_CREDIT.format(caption=caption, credit="NORDPRESS/VIA NTB"))
    assert sentence_with(article, "Fisheries minister").reason == "caption"
    assert sentence_with(article, "The pact opens").reason is None
    # near miss: a body paragraph of two past-tense sentences before a credit stays prose
    prose = "Ana Duarte led the talks. Tomas Lind signed for his side after a long night of bargaining."
    article = read_text("cap2.txt", PHOTO_THEN_CREDIT.format(caption=prose, credit="NORDPRESS/VIA NTB"))
    assert sentence_with(article, "Tomas Lind signed").reason is None


def test_caption_ending_in_a_bare_agency_name():
    text = PHOTO_THEN_CREDIT.format(
        caption="Fisheries minister Ana Duarte meets her counterpart Tomas Lind at the harbour, in northern Norway. NTB",
        credit="The talks lasted four hours.",
    )
    article = read_text("cap3.txt", text)
    assert sentence_with(article, "Fisheries minister").reason == "caption"
    assert sentence_with(article, "The talks lasted").reason is None


def test_closing_paragraph_with_an_agency_credit_is_not_a_caption():
    text = ("Ministers sign a fisheries pact\n\n"
            "The two ministers signed the pact on Friday after talks in the port city, officials said.\n\n"
            "Among those at the table were deputy minister Lena Holt and envoy Rui Costa. The northern "
            "delegation included Per Vik, who had led the previous round of talks. (Reuters)\n")
    article = read_text("cap4.txt", text)
    assert sentence_with(article, "Among those").reason is None
    assert sentence_with(article, "delegation included").reason is None
    # near miss: a one-sentence photo description with the same credit is a caption
    caption = "Deputy minister Lena Holt (left) greets envoy Rui Costa at the port on Friday. (Reuters)"
    article = read_text("cap5.txt", text.replace(text.split("\n\n")[2], caption))
    assert sentence_with(article, "Deputy minister").reason == "caption"


@pytest.mark.parametrize(
    "line, expected",
    [
        ("March 4, 2021 6:40 PM GMT+1 Updated 3 years ago", date(2021, 3, 4)),
        ("NAIROBI Feb 9, 2022 - 7:05 am GMT+3", date(2022, 2, 9)),
        ("Last updated an hour ago | 12 May 2023 10:15 CET", date(2023, 5, 12)),
    ],
)
def test_timestamp_lines_with_ages_and_a_city_in_capitals(line, expected):
    text = f"Ministers agree on border crossing\n\n{line}\n\nThe two ministers agreed on Tuesday to reopen the crossing after talks that lasted all day.\n"
    article = read_text("ts.txt", text)
    assert article.published == expected
    assert sentence_with(article, line[:8]).reason == "dateline"


def test_a_headline_in_capitals_with_a_date_is_not_a_timestamp():
    from factdb.boilerplate import is_date_line

    assert not is_date_line("FERRY TALKS COLLAPSE AGAIN Jan 5, 2020")


@pytest.mark.parametrize(
    "line",
    [
        "This undated photo, released by the Lakeland Press Agency on Aug. 2, 2018, shows the premier on a ferry.",
        "Premier Ana Mora (L) toasts with President Idris Bello at the gala dinner in Abuja on June 11.",
        "Ana Mora (L) and Idris Bello (R) shake hands in Abuja. Photo by LPA/Jon Roe",
        "The two ministers sign the accord at the palace in Accra on May 2. Photo by Ken Ade",
    ],
)
def test_caption_cues_photo_shows_position_markers_photo_by(line):
    from factdb.boilerplate import line_reason

    assert line_reason(line) == "caption"


@pytest.mark.parametrize(
    "line",
    [
        "Senator Jane Roe (R) said on Tuesday the bill meets the standard.",
        "Photos by the agency showed the premier smiling at the crowd on Friday.",
    ],
)
def test_party_labels_and_photo_sentences_stay_prose(line):
    from factdb.boilerplate import line_reason

    assert line_reason(line) is None
