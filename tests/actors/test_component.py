"""The detente_actors component on short texts written for these tests."""

import pytest


@pytest.mark.parametrize("text, phrase, code", [
    ("Moscow rejected the offer on Tuesday.", "Moscow", "RUS"),
    ("Ankara summoned the envoy after the incident.", "Ankara", "TUR"),
    ("Beijing warned against any interference.", "Beijing", "CHN"),
    ("The Kremlin denied the report.", "The Kremlin", "RUSGOV"),
    ("The White House said talks would go on.", "The White House", "USAGOV"),
    ("Downing Street declined to comment.", "Downing Street", "GBRGOV"),
])
def test_actors_capitals_and_seats_stand_for_states(mention, text, phrase, code):
    found = mention(text, phrase)
    assert (found.actor.code, found.via) == (code, "metonym")


@pytest.mark.parametrize("text, phrase, code", [
    ("The Russians walked out of the meeting.", "Russians", "RUS"),
    ("Turkish soldiers crossed the border at dawn.", "Turkish soldiers", "TURMIL"),
    ("Syrian officials denied the claim.", "Syrian officials", "SYRGOV"),
    ("An Indian frigate reached the port.", "Indian frigate", "INDMIL"),
])
def test_actors_demonyms_carry_the_country(mention, text, phrase, code):
    assert mention(text, phrase).actor.code == code


@pytest.mark.parametrize("phrase, country", [
    ("America", "USA"), ("U.S.", "USA"), ("the UK", "GBR"), ("Britain", "GBR"), ("Türkiye", "TUR"),
])
def test_actors_aliases_resolve_to_the_country(mention, phrase, country):
    found = mention(f"Officials from {phrase} arrived late in the evening.", phrase)
    assert found.actor.country == country


@pytest.mark.parametrize("phrase, code", [
    ("NATO", "IGOWSTNAT"), ("the UN", "IGOUNO"), ("the European Union", "IGOEUR"),
    ("OPEC", "IGOBUSOPC"), ("the IAEA", "IGOUNOIAE"), ("the African Union", "IGOAFRAFU"),
])
def test_actors_international_organisations(actors_in, phrase, code):
    found = actors_in(f"The statement was welcomed by {phrase} on Friday.")
    assert [code] in [codes for text, codes in found.items() if text.endswith(phrase.split()[-1])]


@pytest.mark.parametrize("text, phrase, country", [
    ("Hamas fired rockets overnight.", "Hamas", "PSE"),
    ("Hezbollah denied any role.", "Hezbollah", "LBN"),
    ("The Houthis seized a ship.", "Houthis", "YEM"),
    ("The SDF pulled back from the town.", "SDF", "SYR"),
    ("The PKK claimed the attack.", "PKK", "TUR"),
    ("The YPG held the crossing.", "YPG", "SYR"),
    ("The LNA advanced on the capital.", "LNA", "LBY"),
    ("Wagner mercenaries guarded the mine.", "Wagner mercenaries", "RUS"),
    ("The Africa Corps replaced the earlier contractors.", "Africa Corps", "RUS"),
])
def test_actors_armed_groups_carry_their_country(mention, text, phrase, country):
    assert mention(text, phrase).actor.country == country


@pytest.mark.parametrize("text, phrase, code", [
    ("Fighting raged in Syria, where government forces shelled the town.", "government forces",
     "SYRGOV"),
    ("The Sudanese army said police arrested dozens in Khartoum.", "police", "SDNCOP"),
    ("Turkey sent a team to Moscow. The delegation met for three hours.", "delegation", "RUSGOV"),
    ("The foreign minister of Egypt flew to Doha.", "foreign minister of Egypt", "EGYGOV"),
    ("Russia's defence minister visited the front.", "Russia's defence minister", "RUSGOV"),
])
def test_actors_agents_take_role_and_country_from_context(mention, text, phrase, code):
    assert mention(text, phrase).actor.code == code


@pytest.mark.parametrize("date, code", [("2019-05-01", "USAGOV"), ("2023-05-01", "USAELI")])
def test_actors_person_code_depends_on_article_date(mention, date, code):
    found = mention("Donald Trump criticized the agreement.", "Donald Trump", date=date)
    assert found.actor.code == code


def test_actors_person_without_article_date_takes_latest_role(mention):
    found = mention("Ahmed al-Sharaa met the envoys.", "Ahmed al-Sharaa", date=None)
    assert found.actor.code == "SYRGOV"


def test_actors_title_joins_the_person(mention):
    found = mention("Turkish President Recep Tayyip Erdogan spoke first.",
                    "Turkish President Recep Tayyip Erdogan")
    assert (found.actor.kind, found.actor.code) == ("person", "TURGOV")


@pytest.mark.parametrize("text, word", [
    ("We had roast turkey and stuffing for dinner.", "turkey"),
    ("The Thanksgiving Turkey was carved at noon.", "Turkey"),
    ("She served French fries with the steak.", "French"),
    ("The storm formed over the Indian Ocean.", "Indian"),
    ("The elections are due in May next year.", "May"),
    ("Michael Jordan scored forty points.", "Jordan"),
    ("The rally in Atlanta, Georgia, drew thousands of voters.", "Georgia"),
    ("Grandmother kept the china plates in a cabinet.", "china"),
])
def test_actors_common_words_are_not_countries(analyze_text, text, word):
    doc = analyze_text(text)
    assert not [m for m in doc._.actors if word in m.text and m.actor.kind in ("country", "person")]


def test_actors_airline_named_after_a_country_is_a_business(mention):
    found = mention("Turkish Airlines added flights to Osaka.", "Turkish Airlines")
    assert (found.actor.code, found.actor.kind) == ("TURBUS", "agent")


def test_actors_mentions_are_sorted_and_point_into_the_text(analyze_text):
    doc = analyze_text("Iran and Iraq signed a deal, and Syria objected. Jordan stayed silent.")
    starts = [m.start for m in doc._.actors]
    assert starts == sorted(starts)
    assert all(doc.text[m.start:m.end] == m.text for m in doc._.actors)


def test_actors_work_on_a_doc_without_article(nlp):
    doc = nlp("Egypt and Qatar mediated the talks.")
    assert [m.actor.country for m in doc._.actors] == ["EGY", "QAT"]


@pytest.mark.parametrize("text, word", [
    ("The minister answered the question in Russian.", "Russian"),
    ("The letter was translated from Arabic, then from Turkish.", "Turkish"),
])
def test_actors_language_names_are_not_countries(analyze_text, text, word):
    doc = analyze_text(text)
    assert not [m for m in doc._.actors if m.text == word]


def test_actors_short_acronyms_of_foreign_groups_do_not_match_agencies(analyze_text):
    doc = analyze_text("The EPA announced new rules for power plants.")
    assert not [m for m in doc._.actors if m.text == "EPA"]


def test_actors_surname_before_its_bearer_held_office_is_not_that_person(analyze_text):
    doc = analyze_text("Finance minister Stoltenberg told parliament taxes would rise.",
                       date="1987-03-01")
    assert not [m for m in doc._.actors if m.actor.name == "Jens Stoltenberg"]


@pytest.mark.parametrize("text, word", [
    ("Gold was traded on the London Metal Exchange all day.", "London"),
    ("Ministers reviewed the Uruguay Round of trade talks.", "Uruguay"),
])
def test_actors_place_inside_an_institution_name_is_not_an_actor(analyze_text, text, word):
    doc = analyze_text(text)
    assert not [m for m in doc._.actors if m.text == word]


@pytest.mark.parametrize("text, word", [
    ("She speaks fluent French and some Greek.", "French"),
    ("The guide is bilingual (English/Spanish).", "English"),
    ("Funds went to the Bureau of Indian Education last year.", "Indian"),
])
def test_actors_languages_and_adjectives_inside_names_are_not_countries(analyze_text, text, word):
    doc = analyze_text(text)
    assert not [m for m in doc._.actors if m.text == word]


@pytest.mark.parametrize("stage, method", [("detente_actors", "find"), ("detente_coref", "resolve")])
def test_actors_stages_hand_a_failing_doc_to_the_error_handler_and_drop_it(nlp, monkeypatch, stage, method):
    """The actor stages keep spaCy's Pipe contract (detente.stage.Stage): ``pipe`` gives the error to
    the handler and no half-annotated doc goes on; ``__call__`` raises under the default handler."""
    from detente.stage import Stage

    component = nlp.get_pipe(stage)
    doc = nlp.make_doc("Turkey and Russia met.")

    def broken(self, doc):
        raise ValueError("broken table")

    monkeypatch.setattr(type(component), method, broken)
    failed = []
    component.set_error_handler(lambda name, proc, docs, exc: failed.append((name, str(exc), docs == [doc])))
    try:
        assert isinstance(component, Stage) and list(component.pipe([doc])) == []
    finally:
        from spacy.util import raise_error
        component.set_error_handler(raise_error)
    assert failed == [(stage, "broken table", True)]
    with pytest.raises(ValueError, match="broken table"):
        component(doc)


def test_actors_stage_failure_is_reported_by_the_analysis_core(nlp, monkeypatch):
    from detente.actors.component import ActorRecognizer
    from detente.analysis import analyse_articles
    from detente.model import Article

    original = ActorRecognizer.find
    monkeypatch.setattr(ActorRecognizer, "find",
                        lambda self, doc: original(self, doc) if "fine" in doc.text else 1 / 0)
    articles = [Article(text="Turkey criticised Russia. All fine.", id="a"), Article(text="Turkey criticised Russia.", id="b")]
    outcomes = list(analyse_articles(articles, nlp))
    assert [(o.article.id, o.stage, o.reason) for o in outcomes] == [
        ("a", None, None), ("b", "detente_actors", "ZeroDivisionError: division by zero")]
    assert outcomes[0].events and outcomes[1].events == []
