"""PLOVER type, mode and context per CAMEO code, as the CAMEO-to-PLOVER mapping gives them."""

import pytest

from detente.events.cameo import code_table
from detente.events.plover import PloverCoding, plover_coding


@pytest.mark.parametrize("cameo,coding", [
    ("1121", PloverCoding("ACCUSE", "allege", "corruption;crime")),
    ("111", PloverCoding("ACCUSE", "disapprove", None)),
    ("0311", PloverCoding("AGREE", None, "economic")),
    ("010", PloverCoding(None, None, None)),
    ("", PloverCoding(None, None, None)),
])
def test_plover_coding_follows_the_mapping(cameo, coding):
    assert plover_coding(cameo) == coding


def test_plover_types_agree_with_the_cameo_code_table_where_the_mapping_gives_one():
    disagree = {code: (entry["plover"], plover_coding(code).type) for code, entry in code_table().items()
                if plover_coding(code).type is not None and entry["plover"] != plover_coding(code).type}
    assert disagree == {}
