"""Settings declared once (issue 16.4): help as field metadata, CLI options and --setting made from it."""
from __future__ import annotations

import dataclasses

import pytest
import typer
from typer.testing import CliRunner

from storytrace.cli import app
from storytrace.config import Config, SettingError, apply_settings, parse_setting, settings_help, user_settings

runner = CliRunner()


def test_every_field_has_help_and_the_user_settings_cover_models_window_and_verifier():
    for f in dataclasses.fields(Config):
        assert f.metadata.get("help", "").strip(), f.name
    names = {f.name for f in user_settings()}
    assert {"story_window_days", "spacy_model", "embedding_model", "nli_model", "document_encoder",
            "verifier_pairs", "verifier_findings", "verifier_weights", "verifier_entailed_above",
            "verifier_unsupported_below"} <= names
    assert "quiet" not in names  # a flag of its own


def test_values_are_read_by_the_field_type():
    assert parse_setting("story_window_days", "7") == 7
    assert parse_setting("verifier_entailed_above", "0.75") == 0.75
    assert parse_setting("verifier_pairs", "yes") is True and parse_setting("verifier_pairs", "off") is False
    assert parse_setting("document_encoder", "lead-sentences") == "lead-sentences"
    config = apply_settings(Config(), [("story_window_days", "7"), ("story_window_days", "9")])
    assert config.story_window_days == 9 and Config().story_window_days == 30  # later wins; default untouched


@pytest.mark.parametrize("name, value, message", [
    ("story_windows_days", "7", "unknown setting 'story_windows_days' (did you mean story_window_days?)"),
    ("story_window_days", "a week", "'a week' is not valid (expected an integer)"),
    ("story_window_days", "-1", "'-1' is not valid (must be 0 or more)"),
    ("verifier_entailed_above", "1.5", "'1.5' is not valid (must be between 0 and 1)"),
    ("verifier_entailed_above", "nan", "'nan' is not valid"),
    ("verifier_pairs", "maybe", "'maybe' is not valid (expected true or false)"),
    ("quiet", "true", "unknown setting 'quiet'"),
])
def test_a_bad_name_or_value_is_one_clear_error(name, value, message):
    with pytest.raises(SettingError) as caught:
        parse_setting(name, value)
    assert message in str(caught.value)


def test_help_settings_lists_every_setting_with_its_default():
    text = settings_help()
    for f in user_settings():
        assert f"  {f.name} (" in text and f.metadata["help"] in text
    assert "story_window_days (int, default 30)" in text
    for command in ("analyze", "compare", "serve", "spark-analyze"):
        r = runner.invoke(app, [command, "--help-settings"])
        assert r.exit_code == 0 and "story_window_days (int, default 30)" in r.stdout, command


def test_options_made_from_config_fields_take_their_defaults_from_config():
    group = typer.main.get_command(app)
    fields = {f.name: f.default for f in dataclasses.fields(Config)}
    seen = 0
    for command in group.commands.values():
        for param in command.params:
            if param.name in fields and param.name != "quiet":
                assert param.default == fields[param.name], (command.name, param.name)
                assert param.help == dataclasses.fields(Config)[list(fields).index(param.name)].metadata["help"]
                seen += 1
        max_mb = next((p for p in command.params if p.name == "max_file_mb"), None)
        if max_mb is not None:
            assert max_mb.default * 2**20 == fields["max_file_bytes"]
    assert seen >= 8


def _captured_analyze(monkeypatch, tmp_path, *args):
    import storytrace.streaming.runner as runner_mod

    seen = {}

    def fake_run(pipeline, *a, **k):
        seen["config"] = pipeline.config
        raise typer.Exit(0)

    monkeypatch.setattr(runner_mod, "run_into_store", fake_run)
    (tmp_path / "a.txt").write_text("The council approved 40 homes on Monday.")
    r = runner.invoke(app, ["analyze", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), *args])
    return r, seen.get("config")


def test_analyze_setting_reaches_the_engine_and_wins_over_the_option(monkeypatch, tmp_path):
    r, config = _captured_analyze(monkeypatch, tmp_path, "--setting", "story_window_days", "7",
                                  "--spacy-model", "en_core_web_sm", "--setting", "verifier_entailed_above", "0.8",
                                  "--verifier-pairs", "--setting", "verifier_pairs", "false")
    assert r.exit_code == 0, r.output
    assert (config.story_window_days, config.verifier_entailed_above, config.verifier_pairs) == (7, 0.8, False)


def test_analyze_refuses_an_unknown_setting_before_reading_anything(monkeypatch, tmp_path):
    r, config = _captured_analyze(monkeypatch, tmp_path, "--setting", "window", "7")
    assert r.exit_code == 2 and config is None
    assert "unknown setting 'window'" in r.output
    r, _ = _captured_analyze(monkeypatch, tmp_path, "--setting", "story_window_days")
    assert r.exit_code == 2 and "requires 2 arguments" in r.output


def test_compare_and_serve_take_settings(monkeypatch, tmp_path):
    import storytrace.compare as compare_mod
    import storytrace.web.app as web_app

    seen = {}
    monkeypatch.setattr(compare_mod, "compare_file", lambda pairs, out, quiet=False, config=None: seen.update(compare=config) or 0)
    monkeypatch.setattr(web_app, "run", lambda db, host, port, config=None: seen.update(serve=config))
    pairs = tmp_path / "p.jsonl"
    pairs.write_text("")
    r = runner.invoke(app, ["compare", "--pairs", str(pairs), "--setting", "verifier_unsupported_below", "0.2"])
    assert r.exit_code == 0, r.output
    assert seen["compare"].verifier_unsupported_below == 0.2
    r = runner.invoke(app, ["serve", str(pairs), "--setting", "story_window_days", "3"])
    assert r.exit_code == 0, r.output
    assert seen["serve"].story_window_days == 3 and seen["serve"].quiet
