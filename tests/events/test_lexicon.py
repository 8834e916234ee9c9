"""Verb patterns: parsing PETRARCH syntax and picking the most specific match."""

from detente.events.lexicon import Lexicon, VerbContext, parse_pattern


def context(post=(), preps=None, pre=(), particles=()):
    return VerbContext(particles=frozenset(particles), post_words=frozenset(post),
                       preps=preps or {}, pre_words=frozenset(pre))


def lexicon(patterns, code=None, verbs=("sell",)):
    book = Lexicon()
    book.add_blocks([{"verbs": list(verbs), "code": code, "patterns": patterns}],
                    {"&ARMS": ["weapons", "missiles"]}, priority=1)
    return book


def test_lexicon_parses_prepositional_phrases_and_noun_phrases():
    parsed = parse_pattern("- * {ARMS SHIPMENT} (TO BORDER) [072]")
    assert parsed == {"pre": [], "post": [{"prep": None, "words": ["arms", "shipment"]},
                                          {"prep": "to", "words": ["border"]}], "code": "072"}


def test_lexicon_parses_subject_side_and_drops_actor_markers():
    parsed = parse_pattern("- &MILITARY * $ TOWARD [154]")
    assert parsed["pre"] == [{"prep": None, "words": ["&MILITARY"]}]
    assert parsed["post"] == [{"prep": None, "words": ["toward"]}]


def test_lexicon_null_code_means_no_event():
    assert parse_pattern("- * PRICE [---]")["code"] is None


def test_lexicon_picks_the_most_specific_matching_pattern():
    book = lexicon(["* &ARMS [062]", "* {GUIDED MISSILES} [072]"])
    coding = book.code("sell", context(post={"guided", "missile", "missiles"}))
    assert coding.code == "072"


def test_lexicon_synset_words_match_plural_and_lemma():
    book = lexicon(["* &ARMS [062]"])
    assert book.code("sell", context(post={"missile"})).code == "062"


def test_lexicon_prepositional_element_needs_that_preposition():
    book = lexicon(["* (TO BORDER) [154]"], code="040", verbs=("move",))
    assert book.code("move", context(post={"border"})).code == "040"
    assert book.code("move", context(preps={"to": {"border"}})).code == "154"


def test_lexicon_unknown_verb_gives_none():
    assert lexicon([]).code("ponder", context()) is None


def test_lexicon_phrasal_verb_needs_its_particle():
    book = Lexicon()
    book.add_blocks([{"verbs": ["walk out"], "code": "164", "patterns": []}], {}, priority=1)
    assert book.code("walk", context()) is None
    assert book.code("walk", context(particles={"out"})).code == "164"


def test_lexicon_reverse_code_is_kept_apart():
    book = lexicon(["* (TO) [042:043]"], verbs=("fly",))
    coding = book.code("fly", context(preps={"to": set()}))
    assert (coding.code, coding.reverse) == ("042", "043")
