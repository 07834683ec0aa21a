"""Entourage extractor: who travels with a leader, in which role, and who was left behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from factdb.extract import entourage
from factdb.read import read_path, read_text

SEEDS = Path(__file__).resolve().parents[1] / "seeds" / "articles"

HANOI = """Trump arrives in Hanoi for second Kim summit

U.S. President Donald Trump arrived in Hanoi on Tuesday for his second summit with North Korean
leader Kim Jong Un, the White House said.

Trump was accompanied by key aides including Secretary of State Mark Ellison and acting chief of
staff Dana Whitfield. Vietnamese Prime Minister Nguyen Van Long greeted him at the airport.

Trump's daughter, senior adviser Ivy Carrow, had flown to Hanoi on Sunday to prepare the visit,
according to officials.

His spokeswoman Laura Benton and interpreter Joel Park were also spotted at the Metropole hotel
earlier this week, local media reported.

Conspicuously absent from the reported delegation was national security adviser Grant Holloway,
who had clashed with the State Department over the summit.

Peter Lindqvist, a professor at the Hanoi Institute, said the president wanted a quick deal.
Kim, who was accompanied by Foreign Minister Ri Chol Su, said he hoped for progress.
"""

XI = """Xi lands in Seoul

Chinese President Xi Jinping arrived in Seoul on Friday for talks with South Korean President
Moon Jae-in.

The Chinese delegation includes Wen Daoming, the foreign minister; Gao Lin, a vice premier;
Zhou Hai, who heads the planning agency; and He Lifeng, director of the party's general office.

Han Mei-ling, Xi's top trade negotiator, was not included among the names listed by state media.
Also on the trip are central bank chief Su Bin and the head of China Railway, Liu Tao.
"""


def _by_person(facts):
    return {f.person: f for f in facts}


@pytest.fixture(scope="module")
def hanoi():
    return _by_person(entourage.extract(read_text("hanoi.txt", HANOI)))


def test_list_after_accompanied_by_with_roles(hanoi):
    assert hanoi["Mark Ellison"].role == "Secretary of State"
    assert hanoi["Dana Whitfield"].role == "acting chief of staff"
    assert hanoi["Mark Ellison"].leader == "Donald Trump"
    assert hanoi["Mark Ellison"].present is True


def test_possessive_subject_with_apposition_role(hanoi):
    member = hanoi["Ivy Carrow"]
    assert member.role == "daughter, senior adviser"
    assert member.leader == "Donald Trump"


def test_his_resolves_to_the_leader_and_coordinated_subjects_both_count(hanoi):
    assert hanoi["Laura Benton"].role == "spokeswoman"
    assert hanoi["Joel Park"].role == "interpreter"
    assert hanoi["Laura Benton"].leader == "Donald Trump"


def test_absent_member_is_present_false(hanoi):
    member = hanoi["Grant Holloway"]
    assert member.present is False
    assert member.role == "national security adviser"


def test_leader_host_analyst_and_other_leaders_aides_in_passing_are_not_members(hanoi):
    for name in ("Donald Trump", "Kim Jong Un", "Nguyen Van Long", "Peter Lindqvist"):
        assert name not in hanoi
    # the relative clause's companion is Kim's, and is taken with Kim as leader
    assert hanoi.get("Ri Chol Su") is None or hanoi["Ri Chol Su"].leader == "Kim Jong Un"


def test_evidence_value_span_is_the_name(hanoi):
    for member in hanoi.values():
        ev = member.evidence[0]
        assert ev.raw == member.person
        assert ev.char_start <= ev.value_start < ev.value_end <= ev.char_end


def test_semicolon_list_with_appositions_and_relative_clauses():
    facts = _by_person(entourage.extract(read_text("xi.txt", XI)))
    assert facts["Wen Daoming"].role == "foreign minister"
    assert facts["Gao Lin"].role == "vice premier"
    assert "Zhou Hai" in facts and facts["Zhou Hai"].role is None
    assert facts["He Lifeng"].role == "director of the party's general office"
    assert facts["Han Mei-ling"].present is False
    assert facts["Su Bin"].role == "central bank chief"
    assert facts["Liu Tao"].role == "head of China Railway"
    assert facts["Wen Daoming"].leader == "Xi Jinping"
    assert "Moon Jae-in" not in facts and "Xi Jinping" not in facts


def test_host_officials_of_another_nationality_are_not_members():
    text = (
        "Kim arrives in Russia\n\nNorth Korean leader Kim Jong Un arrived at the border on Tuesday.\n\n"
        "He was accompanied by Russian Deputy Prime Minister Yuri Trutov and Foreign Minister Pak Song Il.\n"
    )
    facts = _by_person(entourage.extract(read_text("k.txt", text)))
    assert "Yuri Trutov" not in facts
    assert facts["Pak Song Il"].leader == "Kim Jong Un"


def test_people_merely_mentioned_near_a_cue_are_not_members():
    text = (
        "Summit ends\n\nThe summit ended on Friday after two days of talks in Geneva.\n\n"
        "Analyst Maria Sorensen, who has followed the talks, was seen at the hotel bar.\n\n"
        "The delegation's plane was seen taking off, said airport spokesman Tom Baines.\n"
    )
    assert entourage.extract(read_text("g.txt", text)) == []


# --- seeds -------------------------------------------------------------------


def test_seed_000_aides_sent_ahead():
    facts = _by_person(entourage.extract(read_path(SEEDS / "000_0ff9bbf1757864e4.txt")))
    assert set(facts) == {"Kim Chang Son", "Kim Yo Jong"}
    assert facts["Kim Yo Jong"].role == "sister, propaganda director"
    assert facts["Kim Chang Son"].role == "chief aide"
    assert {f.leader for f in facts.values()} == {"Kim Jong Un"}


def test_seed_001_list_sightings_and_absence():
    facts = _by_person(entourage.extract(read_path(SEEDS / "001_430a555e82b18ee5.txt")))
    assert set(facts) == {"Ri Yong Ho", "Choe Son Hui", "Kim Chang Son", "Kim Yo Jong", "Kim Yong Chol"}
    assert facts["Kim Yong Chol"].present is False
    assert facts["Choe Son Hui"].role == "veteran nuclear negotiator"
    assert facts["Kim Chang Son"].role == "chief of staff"


def test_seeds_without_an_entourage_give_nothing():
    for name in ("003_29e740cd3ffc2008.txt", "004_cd0f1b5891ae23b8.txt"):
        assert entourage.extract(read_path(SEEDS / name)) == []


# --- formats beyond the seeds: bulleted lists, spouses, live-blog lines, absences ---------

BULLETS = """Mendez heads to Jakarta

Chilean President Ana Mendez left Santiago on Sunday for a three-day state visit to Indonesia, her office said.

Who is travelling with her:
- Carlos Ibarra, Foreign Minister
- Defence Minister Lucia Ferro
• Tomas Reyes — the party's international affairs chief
* Marta Gil, vice-chairman of the party's central committee

The delegation also includes:

- Pablo Soto, Deputy Chief Cabinet Secretary
- Ines Vidal (head of the national security secretariat)

- The visit ends on Wednesday.
- Analyst Rui Costa

Indonesian President Budi Santoso will greet her at the palace. Santoso's spokesman Adi Nugroho said
talks would focus on copper.
"""

SPOUSES_AND_ABSENCES = """Kowalski lands in Ottawa

Polish President Jan Kowalski arrived in Ottawa on Monday, accompanied by his wife Ewa Kowalska, for
talks with Canadian Prime Minister Mark Dubois.

Dubois and his wife, Claire Dubois, greeted Kowalski and first lady Ewa Kowalska at the airport.

Notably missing from the delegation was Piotr Zielinski, the deputy foreign minister.

Adam Nowak, who accompanied him on earlier trips, was not among those listed by the presidential
office. Tomasz Lis, the president's chief of staff, did not make the trip. Deputy Prime Minister
Olga Wrona was left off the list. Marek Kral, the party chief of Gdansk, stayed in the capital.

Janusz Bielak (Foreign Minister), Irena Stasiak (Finance Minister) and Leon Mazur (Mining Minister)
are in the delegation.

Also on board the presidential plane were Deputy Chief Cabinet Secretary Roman Duda and Agata Pawlak,
the head of Poland's national security secretariat.

Analyst Karen Wu of the Ottawa Institute said the visit mattered. Dubois's foreign minister, Anne
Leclerc, will hold talks with Bielak on Tuesday.
"""

LIVE_BLOG = """Live: Alvarez in Tokyo

Peruvian President Rosa Alvarez arrived in Tokyo on Tuesday for a summit with Japanese Prime Minister
Kenji Sato.

Joining Alvarez on the trip: Foreign Minister Diego Paredes, Trade Minister Lucas Vega and Energy
Minister Sara Quispe.

Alvarez's entourage includes central bank governor Hugo Rios. Travelling with Alvarez are her
spokesman Mateo Cruz and senior adviser Lina Flores. Alvarez brought along Economy Minister Raul Campos.

Her husband, Jorge Alvarez, did not travel and stayed behind in Lima.

Sato was joined at the talks by Chief Cabinet Secretary Taro Ito. Sato's wife, Yumi Sato, hosted a
tea ceremony for business leaders in Osaka.
"""


@pytest.fixture(scope="module")
def bullets():
    return _by_person(entourage.extract(read_text("bullets.txt", BULLETS)))


@pytest.fixture(scope="module")
def spouses():
    return _by_person(entourage.extract(read_text("spouses.txt", SPOUSES_AND_ABSENCES)))


@pytest.fixture(scope="module")
def live():
    return _by_person(entourage.extract(read_text("live.txt", LIVE_BLOG)))


def test_bulleted_lines_under_a_lead_in_are_members_with_their_roles(bullets):
    assert bullets["Carlos Ibarra"].role == "Foreign Minister"
    assert bullets["Lucia Ferro"].role == "Defence Minister"
    assert bullets["Tomas Reyes"].role == "party's international affairs chief"
    assert bullets["Marta Gil"].role == "vice-chairman of the party's central committee"
    assert bullets["Pablo Soto"].role == "Deputy Chief Cabinet Secretary"
    assert bullets["Ines Vidal"].role == "head of the national security secretariat"
    assert all(f.present and f.leader == "Ana Mendez" for f in bullets.values())


def test_bullet_evidence_is_the_line_and_the_list_stops_at_a_line_that_is_no_member(bullets):
    ev = bullets["Marta Gil"].evidence[0]
    assert ev.sentence.startswith("* Marta Gil") and "\n" not in ev.sentence
    # "- The visit ends on Wednesday." closes the list: the analyst after it is not taken
    assert set(bullets) == {"Carlos Ibarra", "Lucia Ferro", "Tomas Reyes", "Marta Gil", "Pablo Soto", "Ines Vidal"}


def test_travelling_spouse_is_a_member_and_the_hosts_spouse_is_not(spouses):
    wife = spouses["Ewa Kowalska"]
    assert wife.present is True and wife.role == "wife" and wife.leader == "Jan Kowalski"
    assert "Claire Dubois" not in spouses
    assert "Mark Dubois" not in spouses and "Jan Kowalski" not in spouses


def test_absence_phrasings_give_present_false(spouses):
    for name in ("Piotr Zielinski", "Adam Nowak", "Tomasz Lis", "Olga Wrona", "Marek Kral"):
        assert spouses[name].present is False, name
        assert spouses[name].leader == "Jan Kowalski"
    assert spouses["Marek Kral"].role == "party chief of Gdansk"


def test_parenthetical_roles_and_on_board_lists(spouses):
    assert spouses["Janusz Bielak"].role == "Foreign Minister"
    assert spouses["Leon Mazur"].role == "Mining Minister"
    assert spouses["Irena Stasiak"].present is True
    assert spouses["Roman Duda"].role == "Deputy Chief Cabinet Secretary"
    assert spouses["Agata Pawlak"].role == "head of Poland's national security secretariat"


def test_host_side_and_people_merely_mentioned_are_not_members(spouses, live):
    assert "Karen Wu" not in spouses and "Anne Leclerc" not in spouses
    for name in ("Kenji Sato", "Taro Ito", "Yumi Sato", "Rosa Alvarez"):
        assert name not in live


def test_live_blog_delegation_lines(live):
    for name in ("Diego Paredes", "Lucas Vega", "Sara Quispe", "Hugo Rios", "Mateo Cruz", "Lina Flores",
                 "Raul Campos"):
        assert live[name].present is True, name
        assert live[name].leader == "Rosa Alvarez"
    assert live["Sara Quispe"].role == "Energy Minister"
    assert live["Raul Campos"].role == "Economy Minister"


def test_spouse_staying_behind_is_present_false(live):
    husband = live["Jorge Alvarez"]
    assert husband.present is False
    assert husband.role == "husband"


# --- constructions found missing on the held-out set (invented sentences, other settings) ---

def _run(text):
    return _by_person(entourage.extract(read_text("t.txt", text)))


def test_named_leader_travelled_with_a_list():
    facts = _run(
        "Kenyan President Amara Wekesa arrived in Lisbon on Monday.\n\n"
        "Wekesa travelled with Deputy Cabinet Secretary Otieno Mwangi and Grace Njeri, the head of the "
        "national intelligence service.\n"
    )
    assert facts["Otieno Mwangi"].role == "Deputy Cabinet Secretary"
    assert facts["Grace Njeri"].role.endswith("head of the national intelligence service")
    assert facts["Otieno Mwangi"].leader == "Amara Wekesa" and facts["Otieno Mwangi"].present


def test_travelled_with_after_a_non_person_subject_is_not_a_delegation():
    facts = _run(
        "Kenyan President Amara Wekesa arrived in Lisbon on Monday.\n\n"
        "The reporters travelled with Deputy Cabinet Secretary Otieno Mwangi on a later flight.\n"
    )
    assert "Otieno Mwangi" not in facts


def test_travelling_with_a_described_leader_are():
    facts = _run(
        "Peruvian President Lucía Quispe is on a state visit to Ecuador.\n\n"
        "Travelling with the Peruvian president are Trade Minister Andrés Paucar and Energy Minister "
        "Óscar Mamani, plus first lady Inés Ccori.\n"
    )
    assert facts["Andrés Paucar"].role == "Trade Minister"
    assert facts["Óscar Mamani"].leader == "Lucía Quispe"  # accented names are names
    assert "Inés Ccori" in facts


def test_spouse_named_by_given_name_only_who_stayed_home():
    facts = _run(
        "Danish Prime Minister Henrik Vestergaard landed in Ottawa on Tuesday.\n\n"
        "Vestergaard's husband, Mikkel, did not make the trip.\n"
    )
    assert facts["Mikkel"].role == "husband" and facts["Mikkel"].present is False


def test_given_name_after_spouse_needs_the_apposition_commas():
    facts = _run(
        "Danish Prime Minister Henrik Vestergaard landed in Ottawa on Tuesday.\n\n"
        "Vestergaard's husband Ottawa-born did not make the trip.\n"
    )
    assert not facts


BULLETED = """Who went?

Chilean President Rosa Aravena began a three-day visit to Mexico on Monday.

According to the presidential palace, the president was accompanied by:

- Pablo Hurtado, her husband;
- Camila Rojas, chair of the senate's foreign relations committee and the government's chief trade negotiator;
- Defence Minister Tomás Vidal;

Notably missing was Jorge Fuenzalida, the interior minister who handles the border file; he stayed in Santiago.
Aravena's brother Luis Aravena, usually at her side, was also not seen during the visit.
"""


def test_bulleted_list_after_accompanied_by_and_long_apposition():
    facts = _run(BULLETED)
    assert facts["Pablo Hurtado"].role == "husband"
    assert facts["Camila Rojas"].role.startswith("chair of the senate's foreign relations committee")
    assert facts["Tomás Vidal"].role == "Defence Minister"
    assert all(facts[p].leader == "Rosa Aravena" and facts[p].present for p in ("Pablo Hurtado", "Tomás Vidal"))


def test_notably_missing_and_not_seen_are_absences():
    facts = _run(BULLETED)
    assert facts["Jorge Fuenzalida"].present is False
    assert facts["Jorge Fuenzalida"].role.startswith("interior minister")
    assert facts["Luis Aravena"].present is False and facts["Luis Aravena"].role == "brother"


def test_missing_without_adverb_or_visit_context_stays_out():
    facts = _run(
        "Chilean President Rosa Aravena began a three-day visit to Mexico on Monday.\n\n"
        "Missing was Jorge Fuenzalida, a fisherman from Valdivia.\n"
        "Economy Minister Ana Soto was not seen at the stock exchange.\n"
    )
    assert not facts


def test_untitled_surname_subject_gets_its_companions():
    facts = _run(
        "FILE PHOTO: Egyptian President Karim Nassar at a summit.\n\n"
        "Karim Nassar crossed into Sudan on Sunday.\n\n"
        "On the Egyptian side, Nassar was joined by Foreign Minister Hany Saber.\n"
    )
    assert facts["Hany Saber"].leader == "Karim Nassar"


# --- delegation shapes found missing on the blind set (invented sentences, other settings) ---


def test_delegation_list_with_a_one_word_name_and_a_title_with_for():
    facts = _run(
        "Indonesian President Budi Hartono arrived in Canberra on Monday for a two-day state visit.\n\n"
        "He was accompanied by Foreign Minister Darsono, Defence Minister Yudi Pratama and Coordinating "
        "Minister for Maritime Affairs Sari Wulandari. Tourism Minister Dewi Lestari, who had been expected "
        "to join the delegation, stayed in Jakarta.\n"
    )
    assert facts["Darsono"].role == "Foreign Minister"  # many Indonesians have one name
    assert facts["Yudi Pratama"].role == "Defence Minister"
    assert facts["Sari Wulandari"].role == "Coordinating Minister for Maritime Affairs"
    assert "Coordinating Minister" not in facts
    assert all(f.leader == "Budi Hartono" for f in facts.values())
    assert facts["Dewi Lestari"].present is False


def test_one_word_name_needs_a_role_right_before_it():
    facts = _run(
        "Indonesian President Budi Hartono arrived in Canberra on Monday for a two-day state visit.\n\n"
        "He was accompanied by Darsono and Defence Minister Yudi Pratama. Foreign Minister Wibowo said "
        "the talks would cover fisheries.\n"
    )
    assert set(facts) == {"Yudi Pratama"}


def test_semicolon_delegation_list_with_a_wife_named_by_given_name():
    facts = _run(
        "Thai Prime Minister Somchai Rattana arrived in Lima on Tuesday for talks with Peruvian President "
        "Rosa Quispe.\n\n"
        "Rattana's delegation includes his wife Malee; Foreign Minister Prasert Wongsa; Commerce Minister "
        "Chaiwat; Deputy Cabinet Secretary Niran Sutham; and Kittisak Boonmee, secretary general of the "
        "National Economic Council.\n"
    )
    assert facts["Malee"].role == "wife"
    assert facts["Prasert Wongsa"].role == "Foreign Minister"
    assert facts["Chaiwat"].role == "Commerce Minister"
    assert facts["Niran Sutham"].role == "Deputy Cabinet Secretary"
    assert facts["Kittisak Boonmee"].role == "secretary general of the National Economic Council"
    assert all(f.leader == "Somchai Rattana" and f.present for f in facts.values())
    assert "Rosa Quispe" not in facts


def test_given_name_spelled_like_a_rank_after_a_ministry_title():
    facts = _run(
        "Japanese Prime Minister Kenta Morioka arrived in Santiago on Friday.\n\n"
        "He was accompanied by Defence Minister Gen Arakawa and Foreign Minister Aiko Tamura.\n"
    )
    assert facts["Gen Arakawa"].role == "Defence Minister"
    assert facts["Aiko Tamura"].role == "Foreign Minister"


def test_title_naming_several_portfolios_keeps_its_commas():
    facts = _run(
        "South Korean President Han Do-yun arrived in Nairobi on Sunday for a state visit.\n\n"
        "He was accompanied by first lady Seo Ji-won, Foreign Minister Baek Seung-ho and Agriculture, Food "
        "and Rural Affairs Minister Jang Min-seok, as well as the heads of 40 companies.\n"
    )
    assert facts["Jang Min-seok"].role == "Agriculture, Food and Rural Affairs Minister"
    assert facts["Seo Ji-won"].role == "first lady"
    assert set(facts) == {"Seo Ji-won", "Baek Seung-ho", "Jang Min-seok"}


BRITISH = """Ashworth lands in Lagos

British Prime Minister Helen Ashworth landed in Lagos on Monday at the head of a trade delegation.

Notably absent from the plane was the home secretary, Ruth Calder, who stayed in London to steer a bill
through parliament. The transport minister, Oliver Pike, travelled in her place, alongside the health
secretary, Maya Doyle, and the Welsh secretary, Ian Rees.

Energy minister Tom Fenwick and culture secretary Nina Shah are travelling with her. Sam Holt, the
business secretary, is not on the trip. The former chancellor, Dan Ferris, travelled to Accra in May.
"""


def test_british_appositions_and_lower_case_roles():
    facts = _run(BRITISH)
    assert facts["Ruth Calder"].present is False and facts["Ruth Calder"].role == "home secretary"
    assert facts["Oliver Pike"].present is True and facts["Oliver Pike"].role == "transport minister"
    assert facts["Maya Doyle"].role == "health secretary" and facts["Maya Doyle"].present
    assert facts["Ian Rees"].role == "Welsh secretary"
    assert facts["Tom Fenwick"].role == "Energy minister" and facts["Nina Shah"].role == "culture secretary"
    assert facts["Sam Holt"].present is False
    assert "Dan Ferris" not in facts  # his own earlier trip, not this one
    assert all(f.leader == "Helen Ashworth" for f in facts.values())


def test_spouse_by_given_name_in_a_list_keeps_the_list_going():
    facts = _run(
        "Mexican President Luis Ortega arrived in Oslo on Monday.\n\n"
        "He was accompanied by his wife Carmen, and the foreign minister, Pedro Salas.\n"
    )
    assert facts["Carmen"].role == "wife"
    assert facts["Pedro Salas"].role == "foreign minister"


def test_untitled_traveller_is_the_leader_of_an_analysis_piece():
    facts = _run(
        "Mwangi's mission\n\n"
        "Daniel Mwangi landed in Jakarta on Wednesday at the head of a trade delegation.\n\n"
        "The trade minister, Rose Achieng, travelled with him.\n"
    )
    assert facts["Rose Achieng"].leader == "Daniel Mwangi"


REAL_SHAPES = """Merz arrives for Kestrel summit

Valdorian President Anton Merz arrived in Kestrel on Sunday for talks with Ostrian President
Clara Vinter.

The Valdorian delegation included a total of seven senior party, military and state officials,
including Lena Obrecht, the deputy director of the ruling Freedom Union of Valdoria's central
committee, and Tomas Reiner, the country's nominal head of state, chief spokesman Piet Haldane
told a news briefing on Monday.

Merz's delegation likely includes his foreign minister, Ida Kressel, and his two top generals –
Valdorian People's Army Marshals Jan Obst and Uwe Falk.

Others include Rolf Amsel, chairman of Valdoria's space science committee, and Navy Admiral Kurt
Selm, who oversee the rocket programme.

Ostrian President Clara Vinter greeted the guests at the airport.

The Valdorian delegation included Emil Rast, a top aide to Merz who met Vinter last year.
"""


@pytest.fixture(scope="module")
def real_shapes():
    return _by_person(entourage.extract(read_text("real_shapes.txt", REAL_SHAPES)))


def test_officials_comma_including_after_a_long_count(real_shapes):
    # "included a total of seven ... officials, including X": the comma before "including"
    assert real_shapes["Lena Obrecht"].leader == "Anton Merz"
    # a long office inside a named body with a possessive does not end the list
    assert "central committee" in real_shapes["Lena Obrecht"].role
    assert "Tomas Reiner" in real_shapes


def test_speaker_after_a_list_is_not_a_member(real_shapes):
    assert "Piet Haldane" not in real_shapes


def test_plural_rank_title_before_two_names(real_shapes):
    assert "Valdorian People" not in real_shapes
    assert real_shapes["Jan Obst"].role == "Valdorian People's Army Marshals"
    assert real_shapes["Uwe Falk"].role == "Valdorian People's Army Marshals"
    assert real_shapes["Ida Kressel"].role == "foreign minister"


def test_others_include_continues_the_previous_list(real_shapes):
    assert real_shapes["Rolf Amsel"].leader == "Anton Merz"
    assert real_shapes["Kurt Selm"].role == "Navy Admiral"


def test_others_include_needs_a_list_right_before():
    text = REAL_SHAPES.replace("Others include", "Vinter said. Others include")
    facts = _by_person(entourage.extract(read_text("others.txt", text)))
    assert "Rolf Amsel" not in facts


def test_national_delegation_names_its_leader(real_shapes):
    # the focus has moved to the host; "The Valdorian delegation" still means Merz's
    assert real_shapes["Emil Rast"].leader == "Anton Merz"


def test_dinner_with_top_aides_including():
    text = """Leaders meet in Kestrel

Valdorian President Anton Merz arrived in Kestrel on Tuesday to meet Ostrian leader Juno Brask.

Merz and Brask met at the Grand Lyra Hotel after an hour-long dinner with their top aides,
including Foreign Secretary Hal Dorsey and acting chief of staff Nell Ambry.
"""
    facts = _by_person(entourage.extract(read_text("dinner.txt", text)))
    assert facts["Hal Dorsey"].role == "Foreign Secretary"
    assert facts["Nell Ambry"].role == "acting chief of staff"


def test_officials_comma_including_needs_whose_officials():
    text = """Merz in Kestrel

Valdorian President Anton Merz arrived in Kestrel on Tuesday.

Merz met senior aides, including Trade Minister Ola Brenn, on the second day.
"""
    facts = _by_person(entourage.extract(read_text("officials.txt", text)))
    assert "Ola Brenn" not in facts


def test_seat_of_government_and_dotted_country_are_no_other_nationality():
    text = """Harlow lands in Kestrel

U.S. President Dan Harlow arrived in Kestrel on Monday.

Harlow was accompanied by White House chief of staff Rita Moss and US trade envoy Sam Ortiz.
"""
    facts = _by_person(entourage.extract(read_text("seat.txt", text)))
    assert facts["Rita Moss"].leader == "Dan Harlow"
    assert facts["Sam Ortiz"].role == "US trade envoy"


# --- wire-agency delegation paragraphs ----------------------------------------

WIRE_DELEGATION = """Ruritanian leader arrives in Lisbon with his finance minister and niece

Ruritanian leader Tomas Varga arrived in Lisbon by plane on Monday, state media reported.

He was greeted at the airport by Portuguese Foreign Minister Rui Campos.

Varga was accompanied by senior officials, including Ilse Brandt, finance minister; and Otto Kern,
head of the planning bureau of the ruling Unity Party (UP) Central Committee.

Anna Feld, his niece and a deputy section chief of the UP Central Committee, and Lena Sorel, another
deputy section chief, were also seen among the delegation. Varga's son, Piet, who is thought to be
about 15, appeared in photos walking down the steps behind his father.

Premier Jonas Ekdahl and Karl Wendt, a senior general who had travelled with Varga before, were not
seen among the entourage, according to the photos.
"""


@pytest.fixture(scope="module")
def wire():
    return _by_person(entourage.extract(read_text("wire.txt", WIRE_DELEGATION)))


def test_seen_among_the_delegation_with_two_role_apposition(wire):
    assert wire["Anna Feld"].present is True
    assert wire["Anna Feld"].role == "niece, deputy section chief of the UP Central Committee"
    assert wire["Lena Sorel"].role == "deputy section chief"
    assert wire["Lena Sorel"].leader == "Tomas Varga"


def test_apposition_role_may_hold_a_body_acronym(wire):
    assert wire["Otto Kern"].role == "head of the planning bureau of the ruling Unity Party (UP) Central Committee"


def test_given_name_alone_after_a_relation_seen_in_photos(wire):
    assert wire["Piet"].role == "son"
    assert wire["Piet"].present is True
    assert wire["Piet"].leader == "Tomas Varga"


def test_bare_premier_missing_from_the_entourage_is_absent(wire):
    assert wire["Jonas Ekdahl"].present is False
    assert wire["Karl Wendt"].present is False


def test_greeter_on_arrival_is_not_a_member(wire):
    assert "Rui Campos" not in wire and "Tomas Varga" not in wire


def test_premier_reported_present_is_still_no_member():
    text = """Varga in Lisbon

Ruritanian leader Tomas Varga arrived in Lisbon on Monday.

Varga was accompanied by Premier Jonas Ekdahl and Foreign Minister Ilse Brandt.
"""
    facts = _by_person(entourage.extract(read_text("premier.txt", text)))
    assert "Jonas Ekdahl" not in facts
    assert facts["Ilse Brandt"].role == "Foreign Minister"


def test_given_name_after_relation_needs_a_sighting():
    text = """Varga in Lisbon

Ruritanian leader Tomas Varga arrived in Lisbon on Monday.

Varga's son, Piet, appeared on television at home to deny the rumours of a rift.
"""
    assert "Piet" not in _by_person(entourage.extract(read_text("tv.txt", text)))


def test_delegation_named_with_a_place_phrase_and_hosts_at_the_dinner():
    text = """What Lisbon served Varga

Ruritanian leader Tomas Varga arrived in Lisbon on Monday for a two-day visit.

About 90 guests attended the state dinner, among them Prime Minister Luis Mota and Speaker Ana Reis.
Varga's delegation at the dinner included Defence Minister Hugo Lind, his cousin Sven Dahl and
Deputy Foreign Minister Marta Holm.
"""
    facts = _by_person(entourage.extract(read_text("dinner2.txt", text)))
    assert facts["Hugo Lind"].role == "Defence Minister"
    assert facts["Sven Dahl"].role == "cousin"
    assert facts["Marta Holm"].leader == "Tomas Varga"
    assert "Luis Mota" not in facts and "Ana Reis" not in facts


def test_surname_spelled_like_a_common_word_after_a_lowercase_role():
    text = """Varga to visit Porto

Ruritanian leader Tomas Varga will visit Porto on Monday.

Varga's cousin, labour minister Jan Still, had arrived in Porto on Friday and met port officials.
"""
    facts = _by_person(entourage.extract(read_text("still.txt", text)))
    assert facts["Jan Still"].role == "cousin, labour minister"
    assert facts["Jan Still"].present is True


def test_body_written_out_before_its_acronym_is_no_person():
    text = """Varga in Lisbon

Ruritanian leader Tomas Varga arrived in Lisbon on Monday.

Varga was accompanied by Foreign Minister Ilse Brandt and State Security Bureau (SSB) chief Paul Renner.
"""
    facts = _by_person(entourage.extract(read_text("acronym.txt", text)))
    assert facts["Paul Renner"].role == "State Security Bureau (SSB) chief"
    assert set(facts) == {"Ilse Brandt", "Paul Renner"}
