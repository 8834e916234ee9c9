import json
import re
from importlib import resources

import pytest

from detente.errors import DataError
from detente.events.cameo import code_table, describe, is_code, quad_class
from detente.events.rules import governors


@pytest.mark.parametrize("code, quad", [("010", 1), ("057", 1), ("0871", 2), ("061", 2),
                                        ("112", 3), ("1382", 3), ("163", 4), ("195", 4),
                                        ("2042", 4)])
def test_cameo_quad_class_follows_the_root(code, quad):
    assert describe(code).quad_class == quad


@pytest.mark.parametrize("code, plover", [("041", "CONSULT"), ("0356", "AGREE"), ("163", "COERCE"),
                                          ("196", "ASSAULT"), ("0871", "RETREAT"),
                                          ("1032", "REQUEST")])
def test_cameo_plover_type_comes_from_the_mapping_or_its_parent(code, plover):
    assert describe(code).plover == plover


@pytest.mark.parametrize("code", ["190", "041", "112", "0871"])
def test_cameo_goldstein_matches_the_packaged_table(code):
    assert describe(code).goldstein == code_table()[code]["goldstein"]


def test_cameo_goldstein_is_negative_for_force_and_positive_for_agreements():
    assert describe("190").goldstein < 0 < describe("057").goldstein


@pytest.mark.parametrize("code", ["999", "", "0", "2100", "ABC"])
def test_cameo_unknown_code_raises_data_error(code):
    with pytest.raises(DataError, match="E400"):
        describe(code)


def test_cameo_root_outside_range_is_refused():
    with pytest.raises(DataError):
        quad_class("21")


def test_cameo_every_code_has_a_name_and_a_root():
    for code in code_table():
        entry = describe(code)
        assert entry.name and entry.root == code[:2]


def test_governor_maps_only_name_existing_codes():
    for table in governors().maps.values():
        for code in table.values():
            assert code in (None, "=") or is_code(code)


@pytest.mark.parametrize("name", ["verbs_detente.json", "verbs_petrarch.json"])
def test_verb_files_only_name_existing_codes(name):
    text = (resources.files("detente.events") / "data" / name).read_text(encoding="utf-8")
    json.loads(text)
    codes = {c for pair in re.findall(r"\[([0-9]+(?::[0-9]*)?)\]|\"code\":\s*\"([0-9:]+)\"", text)
             for raw in pair if raw for c in raw.split(":") if c}
    assert codes and all(is_code(c) for c in codes)
