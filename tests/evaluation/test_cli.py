import json

from detente.cli import main


def test_eval_command_scores_a_gold_file(tmp_path, capsys, nlp):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "T1", "text": "Turkey condemned Greece on Monday.",
                                "date": "2020-01-02",
                                "events": [{"source": "TUR", "target": "GRC", "code": "111",
                                            "root_code": "11"}]}) + "\n", encoding="utf-8")
    assert main(["eval", str(gold), "--format", "json", "--misses", "0"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["items"] == 1 and report["gold_events"] == 1
    assert set(report["levels"]) == {"dyad_root", "dyad_quad", "type", "dyad"}


def test_eval_command_reports_a_bad_gold_file(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("not json\n", encoding="utf-8")
    assert main(["eval", str(gold)]) == 2
    assert "E106" in capsys.readouterr().err
