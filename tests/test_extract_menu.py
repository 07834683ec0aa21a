"""Menu extractor: invented banquet reports plus a check on the seed menu."""

from __future__ import annotations

from pathlib import Path

from factdb.extract import menu
from factdb.read import read_path, read_text

SEEDS = Path(__file__).resolve().parents[1] / "seeds" / "articles"


def dishes(text: str) -> dict[str, object]:
    article = read_text("invented.txt", text)
    return {fact.dish: fact for fact in menu.extract(article)}


HANOI_BANQUET = """\
President Lena Koh arrived in Hanoi on Monday for a two-day state visit.

At a state banquet at the Presidential Palace, the two leaders were treated with fresh spring rolls, green papaya salad (or goi du du in Vietnamese) and grilled pork with rice vermicelli, state media reported. The menu also included lotus seed soup and braised duck with ginger sauce. Mango sticky rice was served for dessert.

Koh said she hoped trade would double by 2030.
"""


def test_banquet_list_is_split_into_dishes():
    found = dishes(HANOI_BANQUET)
    assert set(found) == {
        "fresh spring rolls", "green papaya salad", "grilled pork with rice vermicelli",
        "lotus seed soup", "braised duck with ginger sauce", "mango sticky rice",
    }


def test_local_name_course_and_carried_meal():
    found = dishes(HANOI_BANQUET)
    assert found["green papaya salad"].local_names == ["goi du du"]
    assert found["mango sticky rice"].course == "dessert"
    assert found["lotus seed soup"].course is None
    # the meal is named once and carried to the next menu sentences
    assert {f.meal for f in found.values()} == {"state banquet"}


def test_evidence_value_span_is_the_dish_text():
    article = read_text("invented.txt", HANOI_BANQUET)
    for fact in menu.extract(article):
        ev = fact.evidence[0]
        assert article.text[ev.value_start : ev.value_end] == ev.raw
        # the dish is the words as written, bar a capital that only opens the sentence
        assert ev.raw[1:] == fact.dish[1:] and ev.raw[0].lower() == fact.dish[0].lower()
        assert article.text[ev.char_start : ev.char_end] == ev.sentence


def test_courses_and_with_phrases():
    text = (
        "Prime Minister Tomas Varga hosted a working lunch at the Istana. Starters were smoked salmon with dill "
        "and capers, and pumpkin soup. For the main course the kitchen offered sweet and sour fish and roast "
        "lamb with mint sauce. Dessert was a durian cake.\n"
    )
    found = dishes(text)
    assert found["smoked salmon with dill and capers"].course == "starter"
    assert found["pumpkin soup"].course == "starter"
    assert found["sweet and sour fish"].course == "main course"
    assert found["roast lamb with mint sauce"].course == "main course"
    assert found["durian cake"].course == "dessert"
    assert {f.meal for f in found.values()} == {"working lunch"}
    assert len(found) == 5


def test_appositions_and_or_local_names():
    text = (
        "At a dinner after the talks, the leaders dined on laksa, a spicy noodle soup, and chilli crab. "
        "They were then served steamed buns, or mantou, along with jasmine tea.\n"
    )
    found = dishes(text)
    assert "laksa" in found and "chilli crab" in found
    assert not any("noodle soup" in d for d in found)
    assert found["steamed buns"].local_names == ["mantou"]
    assert "jasmine tea" in found


def test_menu_carried_into_the_next_paragraph():
    text = (
        "The king hosted a private dinner at his residence on Friday night.\n\n"
        "The main course was beef rendang and grilled snapper with sambal.\n"
    )
    found = dishes(text)
    assert found["beef rendang"].meal == "private dinner"
    assert found["grilled snapper with sambal"].course == "main course"


def test_ordinary_sentences_are_never_split():
    text = (
        "The talks covered trade, energy and security.\n\n"
        "Kim was greeted with flowers and treated with bread and salt by local custom.\n\n"
        "She served as foreign minister and prime minister before the election.\n\n"
        "Of course, the leaders were offered a chance to visit the dam and the port.\n"
    )
    assert dishes(text) == {}


def test_seed_reception_menu():
    path = next(SEEDS.glob("004_*.txt"))
    found = {f.dish.lower(): f for f in menu.extract(read_path(path))}
    assert len(found) == 6
    assert all(f.meal == "reception" for f in found.values())
    with_local = [f for f in found.values() if f.local_names]
    assert len(with_local) == 1 and "(" not in with_local[0].dish
    desserts = [f for f in found.values() if f.course == "dessert"]
    assert len(desserts) == 1
    # one dish keeps its "with ... sauce" and one its "with baked ..." side
    assert sum(" with " in d for d in found) == 2
    # ceremonial bread and salt at the border is no menu
    assert not any("salt" in d for d in found)


def test_other_seeds_have_no_menu():
    for path in sorted(SEEDS.glob("*.txt")):
        if not path.name.startswith("004"):
            assert menu.extract(read_path(path)) == [], path.name


def test_inline_course_and_determiner_split():
    text = (
        "At the farewell dinner, guests were treated to lobster bisque, followed by wagyu beef with truffle jus "
        "and, for dessert, a pistachio souffle. The menu, seen by reporters, also included duck breast with "
        "cherries and a chocolate fondant.\n"
    )
    found = dishes(text)
    assert found["pistachio souffle"].course == "dessert"
    assert found["wagyu beef with truffle jus"].course is None
    # "and a chocolate fondant" is a new dish, not part of the with-phrase
    assert {"duck breast with cherries", "chocolate fondant"} <= set(found)
    assert {f.meal for f in found.values()} == {"farewell dinner"}


def test_non_food_objects_of_serving_verbs():
    text = (
        "Grilled lobster and kimchi fried rice were served at the dinner.\n\n"
        "The lunch offered a chance to discuss trade and energy.\n\n"
        "At the reception, the minister was offered a seat next to the queen.\n"
    )
    assert set(dishes(text)) == {"grilled lobster", "kimchi fried rice"}


def test_sentence_initial_capital_is_dropped_unless_a_name():
    text = (
        "Pine mushroom soup was served as a starter at the state dinner. "
        "Mendoza lamb was served for the main course, and the chef trained in Mendoza. "
        "Korean barbecue was served at the lunch."
    )
    found = dishes(text)
    assert found["pine mushroom soup"].course == "starter"
    assert "Mendoza lamb" in found  # the place is capitalised mid-sentence too
    assert "Korean barbecue" in found


def test_colon_list_and_more_serving_phrases():
    found = dishes("The menu: Lobster bisque; beef Wellington with truffle jus; and chocolate fondant.")
    assert set(found) == {"lobster bisque", "beef Wellington with truffle jus", "chocolate fondant"}
    found = dishes("Guests were served lentil soup followed by lamb tagine at the banquet.")
    assert set(found) == {"lentil soup", "lamb tagine"}
    found = dishes("The banquet opened with smoked trout and ended with a lemon tart.")
    assert set(found) == {"smoked trout", "lemon tart"}
    found = dishes("Courses included seared tuna, roast venison and a rhubarb sorbet.")
    assert set(found) == {"seared tuna", "roast venison", "rhubarb sorbet"}
    found = dishes("The dinner ended with a dessert of coconut pudding.")
    assert found["coconut pudding"].course == "dessert"
    found = dishes("At the lunch, the ministers ate dumplings and noodles and toasted with rice wine.")
    assert set(found) == {"dumplings", "noodles"}


def test_colon_lists_that_are_not_menus():
    assert dishes("The agenda: trade; security; climate.") == {}
    assert dishes("The delegation: three ministers; two generals.") == {}


# --- holdout-driven rules (invented sentences; each with a near miss that stays out) ---


def test_questions_are_not_dishes():
    assert dishes("What was on the menu?") == {}
    assert dishes("Which dishes were on the menu at the banquet?") == {}


def test_served_with_introduces_what_came_with_the_dish():
    found = dishes("The main course was lamb shank, served with a Rioja and a Basque cider.")
    assert set(found) == {"lamb shank", "Rioja", "Basque cider"}
    assert all(not name.startswith(("served", "paired")) for name in found)
    found = dishes("Dessert was a quince tart, paired with an ice wine.")
    assert set(found) == {"quince tart", "ice wine"}


def test_diners_starting_with_dishes_after_a_meal_in_the_paragraph():
    found = dishes("The chancellor hosted a working dinner at the residence. "
                   "Guests started with chilled sorrel soup and smoked eel.")
    assert set(found) == {"chilled sorrel soup", "smoked eel"}
    assert found["smoked eel"].course == "starter"
    assert found["smoked eel"].meal == "working dinner"
    # no meal named in the paragraph: a tour is no starter
    assert dishes("The summit was held in the capital. Guests started with a tour of the old town.") == {}
    # a meal named, but the talks are not diners
    assert dishes("The chancellor hosted a working dinner. The talks started with a review of trade.") == {}


def test_dish_added_in_a_menu_paragraph():
    found = dishes("The banquet opened with grilled trout and wild rice. Tuscan-style bean stew (ribollita) was added "
                   "as a tribute to the visitors.")
    assert found["Tuscan-style bean stew"].local_names == ["ribollita"]
    # "added" outside a paragraph that lists dishes, or added to an agenda, is no dish
    assert dishes("New security measures were added after the incident.") == {}
    found = dishes("The banquet opened with grilled trout. A clause on fisheries was added to the statement.")
    assert set(found) == {"grilled trout"}


# --- blind-set-driven rules (invented menus) ---

ATHENS_DINNER = """\
President Ana Ruiz hosted a state dinner for her guest on Friday.

For the main course, the kitchen staff roasted lamb shoulder (kleftiko) rubbed with oregano and garlic, served with lemon potatoes and a side of wilted greens. A mint yoghurt was offered alongside the lamb.

For dessert, the pastry chef baked fig tarts (sykopita) with walnut ice cream (pagoto).
"""


def test_course_led_clause_with_a_cooking_verb():
    found = dishes(ATHENS_DINNER)
    # "rubbed with oregano and garlic" stays with the lamb; "a side of" is no dish word;
    # "alongside the lamb" names the lamb again, no new dish
    assert set(found) == {"lamb shoulder", "lemon potatoes", "wilted greens", "fig tarts", "walnut ice cream"}
    assert {f.course for f in found.values()} == {"main course", "dessert"}
    assert found["lamb shoulder"].local_names == ["kleftiko"]
    # two dishes each with its own local name, joined by "with"
    assert found["walnut ice cream"].local_names == ["pagoto"]
    # the menu of the dinner goes on over the next paragraphs
    assert {f.meal for f in found.values()} == {"state dinner"}


def test_a_dish_named_again_with_the_is_no_new_dish():
    found = dishes("The banquet menu featured smoked trout and roast pheasant. "
                   "The pheasant was served with bread sauce.\n")
    assert "pheasant" not in found and {"smoked trout", "roast pheasant"} <= set(found)


def test_quick_word_gate_agrees_with_the_cue_pattern():
    sentences = [
        "Guests dined on trout.", "The feasting lasted hours.", "Dessert was a tart.", "Hors d'oeuvres came first.",
        "The entrées were cold.", "The talks ended early.", "He remained in the hostel.", "A stable truce held.",
        "The main course was lamb.", "Chefs flew in from Lyon.",
    ]
    for sentence in sentences:
        assert menu._may_be_menu(sentence) == bool(menu._ANY_CUE.search(sentence)), sentence


COURSE_LINES = """\
Ministers met the delegation in Tallinn for a working lunch on Friday.

The menu, as released by the foreign ministry:

Starters
- Smoked trout with dill cream, served with rye crisps
- "Kama" Sweet barley mousse
Main course
- Braised elk cheeks with juniper sauce
Desserts
- Sea buckthorn parfait
"""


def test_dish_lines_under_course_headings():
    found = dishes(COURSE_LINES)
    assert set(found) == {"smoked trout with dill cream", "sweet barley mousse",
                          "braised elk cheeks with juniper sauce", "sea buckthorn parfait"}
    assert found["smoked trout with dill cream"].course == "starter"
    assert found["sweet barley mousse"].local_names == ["Kama"]
    assert found["braised elk cheeks with juniper sauce"].course == "main course"
    assert found["sea buckthorn parfait"].meal == "working lunch"


NUMBERED_COURSES = """\
The two presidents shared a dinner at the old harbour hotel on Sunday.

Here is the menu the chefs prepared:

Course 1:

Chilled beetroot soup with sour cream and chives, served in a glass bowl.

Course 2:

Pan-fried perch "sudak" [a river fish.]
"""


def test_numbered_course_headings_give_ordinal_courses():
    found = dishes(NUMBERED_COURSES)
    assert set(found) == {"chilled beetroot soup with sour cream and chives", "pan-fried perch"}
    assert found["pan-fried perch"].course == "second course"
    assert found["pan-fried perch"].local_names == ["sudak"]


def test_course_words_without_a_menu_are_no_menu():
    text = "The report covers three areas.\n\nStarters\n\nNew hires were trained in two weeks.\n"
    assert dishes(text) == {}


def test_and_inside_one_dish_name_and_ingredients_after_of():
    found = dishes("At the state dinner the guests were offered a menu including pear and walnut salad, "
                   "lamb dumplings and venison with a choice of Georgian wines.\n\n"
                   "The dinner began with a soup of leek, celery and parsnip followed by Georgian \"khinkali\" "
                   "dumplings filled with lamb.\n")
    assert set(found) == {"pear and walnut salad", "lamb dumplings", "venison", "soup of leek, celery and parsnip"}
    assert found["lamb dumplings"].local_names == ["khinkali"]  # told again in more words


def test_prose_shapes_of_a_meal():
    found = dishes("The ministers talked over a lunch of grilled hake, saffron rice, and lentil stew.\n\n"
                   "Side dishes included roasted peppers and flatbread.\n\n"
                   "The lunch began Monday with a carrot soup.\n\n"
                   "For the main course, guests had a choice of pike with capers or a stew of rabbit.\n")
    assert {"grilled hake", "saffron rice", "lentil stew", "roasted peppers", "flatbread", "carrot soup",
            "pike with capers", "stew of rabbit"} == set(found)
    assert found["flatbread"].course == "side dish"
    assert found["carrot soup"].course == "starter"


def test_bonded_over_and_served_alongside_need_a_meal():
    found = dishes("At a quiet dinner the two bonded over seared tuna and plum cake.\n")
    assert set(found) == {"seared tuna", "plum cake"}
    found = dishes("Local classics including fish stew and rye bread were served up alongside Danish "
                   "cheese pastries. The menu was set by the embassy.\n")
    assert set(found) == {"fish stew", "rye bread", "Danish cheese pastries"}
    assert dishes("The two bonded over football and chess during the talks.\n") == {}


def test_who_prepared_the_meal_ends_the_list():
    found = dishes("The envoys were to share a meal of oyster broth, grilled squid and pear jelly, "
                   "prepared by Chilean and Thai chefs, on the last day.\n")
    assert set(found) == {"oyster broth", "grilled squid", "pear jelly"}


def test_category_of_food_is_no_dish():
    found = dishes(
        "The governor treated her visitors to a dinner of coastal delicacies on Sunday night.\n\n"
        "A week later the mayor hosted a lunch of traditional mountain fare at the town hall.\n\n"
        "The banquet featured a platter of seven delicacies and roast quail.\n"
    )
    assert set(found) == {"platter of seven delicacies", "roast quail"}


def test_participle_clause_brings_side_dishes():
    found = dishes(
        "The state dinner at the palace lasted three hours.\n\n"
        "For the main course, the chefs roasted lamb with cumin and coriander (barreh kabob), served steaming "
        "on a cedar plank with flatbread (nane), pickled onions and a side of yogurt sauce.\n\n"
        "Dessert was a baked quince with clotted cream, served warm.\n"
    )
    assert set(found) == {"lamb with cumin and coriander", "flatbread", "pickled onions", "yogurt sauce",
                          "baked quince with clotted cream"}
    assert found["flatbread"].local_names == ["nane"]
    assert found["flatbread"].course == "main course"


def test_local_name_closes_its_dish():
    found = dishes(
        "At the farewell lunch, the menu included a chilled soup of plums and rhubarb (zupa sliwkowa), "
        "roast hen with sage (kura szalwia) and pickled cabbage.\n"
    )
    assert set(found) == {"chilled soup of plums and rhubarb", "roast hen with sage", "pickled cabbage"}


def test_course_told_in_its_own_sentence():
    found = dishes(
        "At the official dinner in Tartu, guests started with smoked eel salad.\n\n"
        "A clear broth of mushrooms and barley (seenesupp) followed.\n\n"
        "For the main course the kitchen offered venison with juniper. It was followed by braised red cabbage "
        "and stir-fried kale with almonds.\n"
    )
    assert set(found) == {"smoked eel salad", "clear broth of mushrooms and barley", "venison with juniper",
                          "braised red cabbage", "stir-fried kale with almonds"}


def test_what_follows_a_menu_is_not_always_a_dish():
    found = dishes(
        "At the working lunch the leaders were served grilled perch and rice.\n\n"
        "A press conference followed. It was followed by a walk along the river.\n\n"
        "Then came a meeting with business leaders.\n"
    )
    assert set(found) == {"grilled perch", "rice"}
