import pytest

from detente.model import Location
from detente.places.theatre import Evidence, infer_theatre


@pytest.mark.parametrize("sentence, theatre", [
    ("Air strikes near Saraqeb killed eleven soldiers.", "Syria"),
    ("Haftar's forces advanced towards the capital.", "Libya"),
    ("Shelling resumed along the line of contact in Karabakh.", "Nagorno-Karabakh"),
    ("Separatists in Luhansk fired on the checkpoint.", "Ukraine"),
    ("Hamas fired rockets overnight.", "Gaza"),
    ("Patrols clashed in Ladakh.", "Kashmir"),
    ("Warships crossed the Taiwan Strait.", "Taiwan Strait"),
    ("Coast guard vessels blocked the Scarborough Shoal.", "South China Sea"),
    ("Militants attacked an army post near Timbuktu.", "Sahel"),
])
def test_places_infers_geographic_theatres_from_place_names_and_keywords(sentence, theatre):
    assert infer_theatre(Evidence(sentence)) == theatre


@pytest.mark.parametrize("sentence, theatre", [
    ("The two governments agreed to build a gas pipeline.", "energy"),
    ("Ankara took delivery of the S-400 air defence system.", "arms trade"),
    ("The ministry raised tariffs on imported steel.", "trade"),
    ("Inspectors found traces of enriched uranium.", "nuclear programme"),
])
def test_places_infers_domain_theatres_from_keywords(sentence, theatre):
    assert infer_theatre(Evidence(sentence)) == theatre


def test_places_infers_the_theatre_from_the_event_location():
    evidence = Evidence("Troops opened fire on the convoy.", location=Location("Aleppo", "SYR", 36.2, 37.2))
    assert infer_theatre(evidence) == "Syria"


def test_places_infers_the_theatre_from_the_preceding_sentences():
    evidence = Evidence("Two days later the truce collapsed.", context="Fighting raged around Sirte.")
    assert infer_theatre(evidence) == "Libya"


def test_places_prefers_the_sentence_over_the_context():
    evidence = Evidence("Rockets hit Kirkuk.", context="The Syrian army shelled Idlib.")
    assert infer_theatre(evidence) == "Iraq"


def test_places_leaves_the_theatre_empty_when_nothing_points_to_one():
    assert infer_theatre(Evidence("The minister praised his counterpart.")) is None


@pytest.mark.parametrize("sentence", ["Police fired tear gas at the protesters.", "The trade unions called a strike."])
def test_places_does_not_take_masked_phrases_as_domain_keywords(sentence):
    assert infer_theatre(Evidence(sentence)) is None


def test_places_prefers_arms_trade_over_trade_for_the_arms_trade():
    assert infer_theatre(Evidence("The arms trade between the two states grew.")) == "arms trade"
