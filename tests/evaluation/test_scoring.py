import datetime as dt
import json

import pytest

from detente.errors import InputError, RecordError
from detente.evaluation import GoldEvent, GoldItem, PredictedEvent, read_gold, score
from detente.evaluation.labels import normalise_actor, plover_quads, quad_of
from detente.evaluation.render import render_json, render_table


def item(events, id="A"):
    return GoldItem(id=id, text="text written for the test", date=dt.date(2020, 1, 1),
                    events=[GoldEvent(*e) for e in events])


def pred(source, target, code, modality="asserted"):
    return PredictedEvent(source, target, code, modality)


def test_scoring_identical_events_score_one():
    report = score([item([("TUR", "RUS", "190")])], {"A": [pred("TUR", "RUS", "195")]})
    assert report.levels["dyad_root"].f1 == 1.0 and report.levels["dyad_quad"].f1 == 1.0


def test_scoring_wrong_root_same_quad_counts_only_at_quad_level():
    report = score([item([("TUR", "RUS", "190")])], {"A": [pred("TUR", "RUS", "180")]})
    assert report.levels["dyad_root"].tp == 0
    assert report.levels["dyad_quad"].tp == 1


def test_scoring_reversed_dyad_is_a_miss_and_a_false_alarm():
    report = score([item([("TUR", "RUS", "190")])], {"A": [pred("RUS", "TUR", "190")]})
    counts = report.levels["dyad_root"]
    assert (counts.tp, counts.fp, counts.fn) == (0, 1, 1)
    assert report.levels["type"].tp == 1


def test_scoring_null_gold_target_matches_any_target():
    report = score([item([("TUR", None, "036")])], {"A": [pred("TUR", "RUS", "036")]})
    assert report.levels["dyad_root"].tp == 1


def test_scoring_prefers_exact_matches_before_wildcards():
    gold = item([("TUR", None, "190"), ("TUR", "RUS", "190")])
    report = score([gold], {"A": [pred("TUR", "RUS", "190"), pred("TUR", "GRC", "190")]})
    assert report.levels["dyad_root"].tp == 2


def test_scoring_item_without_gold_events_counts_false_alarms():
    report = score([item([])], {"A": [pred("TUR", "RUS", "111")]})
    assert report.levels["dyad_root"].fp == 1
    assert report.false_alarms[0]["code"] == "111"


def test_scoring_per_quad_table_separates_cooperation_and_conflict():
    gold = item([("TUR", "RUS", "042"), ("TUR", "RUS", "190")])
    report = score([gold], {"A": [pred("TUR", "RUS", "043")]})
    assert report.per_quad[1].tp == 1 and report.per_quad[4].fn == 1


def test_scoring_plover_gold_compares_plover_types():
    gold = item([("USA", "JPN", "CONSULT")])
    report = score([gold], {"A": [pred("USA", "JPN", "041")]})
    assert report.vocabulary == "plover"
    assert report.levels["dyad_root"].tp == 1


@pytest.mark.parametrize("kind, quad", [("AGREE", 1), ("COOPERATE", 2), ("ACCUSE", 3),
                                        ("ASSAULT", 4)])
def test_scoring_plover_types_get_the_quad_of_their_cameo_codes(kind, quad):
    assert quad_of(kind) == quad


def test_scoring_every_plover_type_has_a_quad():
    assert all(q in (1, 2, 3, 4) for q in plover_quads().values())


@pytest.mark.parametrize("raw, iso", [("JAP", "JPN"), ("TURGOV", "TUR"), ("ROM", "ROU"),
                                      ("", None), (None, None), ("IGO", "IGO")])
def test_scoring_actor_codes_are_normalised_to_iso(raw, iso):
    assert normalise_actor(raw) == iso


def test_scoring_modality_agreement_counts_matched_events_with_gold_modality():
    gold = item([("IRN", "FRA", "112", "alleged")])
    report = score([gold], {"A": [pred("IRN", "FRA", "112", "asserted")]})
    assert (report.modality_agree, report.modality_total) == (0, 1)


def test_scoring_renders_table_and_json_with_the_same_figures():
    report = score([item([("TUR", "RUS", "190")])], {"A": [pred("TUR", "RUS", "190")]})
    assert "dyad + quad class" in render_table(report)
    assert json.loads(render_json(report))["levels"]["dyad_quad"]["f1"] == 1.0


def write(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_gold_reader_reads_the_shared_format(tmp_path):
    line = json.dumps({"id": "X1", "text": "t", "date": "2020-02-03",
                       "events": [{"source": "JAP", "target": None, "code": "AGREE", "root_code": "AGREE"}]})
    items = read_gold(write(tmp_path / "g.jsonl", [line]))
    assert items[0].events == [GoldEvent("JPN", None, "AGREE", None)]
    assert items[0].date == dt.date(2020, 2, 3)


def test_gold_reader_names_the_bad_line(tmp_path):
    path = write(tmp_path / "g.jsonl", [json.dumps({"id": "1", "text": "t", "events": []}), "{oops"])
    with pytest.raises(RecordError, match=":2:"):
        read_gold(path)


def test_gold_reader_refuses_a_missing_file(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        read_gold(tmp_path / "missing.jsonl")


def test_scoring_newer_plover_types_are_bridged_from_cameo_roots():
    gold = item([("USA", "JPN", "FIGHT"), ("USA", "JPN", "DEMAND")])
    report = score([gold], {"A": [pred("USA", "JPN", "190"), pred("USA", "JPN", "1056")]})
    assert report.levels["dyad_root"].tp == 2


def test_scoring_statements_are_not_scored_against_plover_gold():
    report = score([item([("USA", "JPN", "AGREE")])],
                   {"A": [pred("USA", "JPN", "010"), pred("USA", "JPN", "030")]})
    assert report.outside_vocabulary == 1
    assert report.levels["dyad_root"].fp == 0
