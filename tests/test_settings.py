"""The settings table and the options object."""

from pathlib import Path

import pytest

from detente.errors import OptionError
from detente.settings import SETTINGS, Options


def test_settings_defaults_match_options_defaults():
    options = Options.from_env(environ={})
    for setting in SETTINGS:
        expected = None if setting.default is None else setting.kind(setting.default)
        assert getattr(options, setting.name) == expected


@pytest.mark.parametrize("env, value", [("DETENTE_CODER", "neural"), ("DETENTE_MIN_CONFIDENCE", "1.5"),
                                        ("DETENTE_MIN_CONFIDENCE", "high")])
def test_settings_refuse_an_unknown_coder_or_a_confidence_outside_0_1(env, value):
    with pytest.raises(OptionError) as err:
        Options.from_env(environ={env: value})
    assert env in str(err.value)


def test_settings_coder_defaults_to_the_model_and_min_confidence_to_per_type_thresholds():
    options = Options.from_env(environ={})
    assert options.coder == "model" and options.min_confidence is None


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
