"""The settings table and the options object."""

from pathlib import Path

import pytest

from detente.errors import OptionError
from detente.settings import SETTINGS, Options


def test_settings_defaults_match_options_defaults():
    options = Options.from_env(environ={})
    for setting in SETTINGS:
        assert getattr(options, setting.name) == setting.kind(setting.default)


def test_settings_environment_overrides_default():
    options = Options.from_env(environ={"DETENTE_SPACY_MODEL": "en_core_web_md", "DETENTE_BATCH_SIZE": "8"})
    assert options.spacy_model == "en_core_web_md"
    assert options.batch_size == 8


def test_settings_explicit_override_beats_environment():
    options = Options.from_env(environ={"DETENTE_DATA_DIR": "/tmp/a"}, data_dir="/tmp/b")
    assert options.data_dir == Path("/tmp/b")


def test_settings_none_override_means_not_given():
    options = Options.from_env(environ={"DETENTE_DATA_DIR": "/tmp/a"}, data_dir=None)
    assert options.data_dir == Path("/tmp/a")


@pytest.mark.parametrize("env,value", [
    ("DETENTE_BATCH_SIZE", "many"),
    ("DETENTE_BATCH_SIZE", "0"),
    ("DETENTE_FETCH_TIMEOUT", "soon"),
    ("DETENTE_SUBMIT_POLICY", "everyone"),
])
def test_settings_bad_value_is_an_option_error_naming_the_variable(env, value):
    with pytest.raises(OptionError) as err:
        Options.from_env(environ={env: value})
    assert "DETENTE_" in str(err.value)
