import pytest

from detente.model import ActorMention, ActorRef, Event, EventDate
from detente.places.locate import locate_events, sentence_places

TURKEY = ActorRef("TUR", "TUR", "Turkey", "country")
RUSSIA = ActorRef("RUS", "RUS", "Russia", "country")


def event_at(doc, verb: str, sentence_index: int = 0, cameo: str = "190", basis: str = "article") -> Event:
    start = doc.text.index(verb)
    sent = list(doc.sents)[sentence_index]
    return Event(TURKEY, "Turkey", RUSSIA, "Russia", cameo, sentence_index,
                 (sent.start_char, sent.end_char), (start, start + len(verb)),
                 date=EventDate(None, None, "unknown", "", basis))


def located(parse, text, verb, sentence_index=0, actors=None, **event_fields):
    doc = parse(text)
    doc._.actors = actors(doc) if actors else []
    event = event_at(doc, verb, sentence_index, **event_fields)
    locate_events(doc, [event])
    return event


@pytest.mark.parametrize("text, verb, place, country", [
    ("Russian air strikes in Idlib killed dozens of soldiers.", "killed", "Idlib", "SYR"),
    ("The two presidents held talks in Sochi on Tuesday.", "held", "Sochi", "RUS"),
    ("The army shelled Tripoli overnight.", "shelled", "Tripoli", "LBY"),
    ("Fighting broke out again in Nagorno-Karabakh.", "broke", "Nagorno-Karabakh", "AZE"),
])
def test_places_locates_an_event_at_the_place_the_sentence_names(parse, text, verb, place, country):
    location = located(parse, text, verb).location
    assert (location.name, location.country) == (place, country)


@pytest.mark.parametrize("text, verb", [
    ("Moscow condemned the decision of the court.", "condemned"),
    ("Washington warned Ankara against the purchase.", "warned"),
])
def test_places_does_not_take_a_capital_acting_for_its_government_as_the_location(parse, text, verb):
    assert located(parse, text, verb).location is None


def test_places_takes_a_capital_used_locatively_as_the_location(parse):
    location = located(parse, "The ministers met in Moscow after the clashes.", "met").location
    assert (location.name, location.country) == ("Moscow", "RUS")


def test_places_does_not_take_a_person_named_like_a_place_as_the_location(parse):
    def jordan_is_a_person(doc):
        start = doc.text.index("Jordan")
        ref = ActorRef("USAGOV", "USA", "Sam Jordan", "person")
        token = doc.char_span(start, start + 6)
        return [ActorMention("Jordan", start, start + 6, token.start, token.end, (ref,))]

    text = "The guards waited near Jordan during the speech."
    assert located(parse, text, "waited", actors=jordan_is_a_person).location is None


def test_places_does_not_take_a_surname_of_a_person_in_the_article_as_a_place(parse):
    text = "Envoy Paul Georgia arrived late. Reporters waited beside Georgia at the hotel."
    places = sentence_places(parse(text))
    assert "Georgia" not in [span.text for span in places[1].places]


def test_places_prefers_the_place_attached_to_the_event_verb(parse):
    text = "After talks in Geneva, Turkish jets bombed targets in Afrin."
    assert located(parse, text, "bombed").location.name == "Afrin"


def test_places_carries_the_place_into_a_sentence_that_says_there(parse):
    text = "Rebels entered Benghazi at dawn. There they attacked the police station."
    assert located(parse, text, "attacked", sentence_index=1).location.name == "Benghazi"


def test_places_leaves_the_location_empty_when_no_place_is_named(parse):
    assert located(parse, "The minister criticised the decision.", "criticised").location is None


def test_places_component_sets_location_and_theatre_through_the_pipeline_stage(nlp, parse):
    from detente.places.component import EventLocator

    doc = parse("Turkish drones struck a convoy in Idlib.")
    doc._.events = [event_at(doc, "struck")]
    EventLocator(nlp)(doc)
    event = doc._.events[0]
    assert (event.location.name, event.theatre) == ("Idlib", "Syria")


def test_places_locates_an_event_in_a_sentence_without_a_verb(parse):
    assert located(parse, "Talks in Geneva on Monday.", "Talks").location.name == "Geneva"


@pytest.mark.parametrize("cameo, basis, expected", [
    ("190", "context", "Afrin"),     # a material act continuing the episode happens there too
    ("112", "context", None),        # an accusation is made elsewhere
    ("190", "article", None),        # a new episode
])
def test_places_carries_the_place_into_a_continuing_material_act(parse, cameo, basis, expected):
    text = "Turkish troops entered Afrin in January. They fired on the militia."
    event = located(parse, text, "fired", sentence_index=1, cameo=cameo, basis=basis)
    assert (event.location.name if event.location else None) == expected


@pytest.mark.parametrize("text, verb", [
    ("Washington imposed sanctions on Iran.", "imposed"),
    ("The two ministers quarrelled over Crimea.", "quarrelled"),
    ("Ankara softened its policy towards Russia.", "softened"),
])
def test_places_does_not_take_the_topic_of_an_act_as_its_location(parse, text, verb):
    assert located(parse, text, verb).location is None


@pytest.mark.parametrize("text, verb, place", [
    ("Russian bombers flew over Syria.", "flew", "Syria"),
    ("Militants fired rockets into Israel.", "fired", "Israel"),
    ("The navy held drills on the Black Sea.", "held", "Black Sea"),
])
def test_places_takes_the_goal_of_a_movement_as_the_location(parse, text, verb, place):
    assert located(parse, text, verb).location.name == place


def test_places_locates_an_event_in_a_zone_written_with_its_suffix(parse):
    location = located(parse, "Protesters in Bale zone blocked the road.", "blocked").location
    assert (location.name, location.country) == ("Bale", "ETH")


def test_places_takes_a_town_the_tagger_called_a_person(parse):
    location = located(parse, "Police fired tear gas at protesters in Dakar.", "fired").location
    assert location.country == "SEN"


@pytest.mark.parametrize("text, country", [
    ("Police arrested a man in Tripoli, Lebanon.", "LBN"),
    ("Police arrested a man in Paris, Texas.", "USA"),
    ("Police arrested a man in Paris.", "FRA"),
])
def test_places_reads_the_region_after_a_comma(parse, text, country):
    assert located(parse, text, "arrested").location.country == country


@pytest.mark.parametrize("stated_index", [0, 2, 7])
def test_places_locates_an_event_by_the_sentence_holding_its_trigger(parse, stated_index):
    """As the time stage dates it: a coder that counted sentences differently (the stated index is
    off) still gets the place of the trigger's sentence, not its neighbour's or none."""
    text = "The envoys met in Geneva. Turkish jets bombed targets in Afrin. It was cold."
    doc = parse(text)
    doc._.actors = []
    event = event_at(doc, "bombed", 1)
    event.sentence_index = stated_index
    locate_events(doc, [event])
    assert (event.location.name, event.theatre) == ("Afrin", "Syria")
