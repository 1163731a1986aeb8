"""Settings come from the environment and stop the program on bad values."""

from __future__ import annotations

import pytest

from server.settings import SettingsError, load


def test_defaults_use_a_sqlite_file_and_embedded_redis_in_the_data_dir(tmp_path):
    settings = load({"DOORSTEP_DATA_DIR": str(tmp_path)})
    assert settings.database_url == f"sqlite://{tmp_path / 'doorstep.sqlite3'}"
    assert settings.redis_url is None
    assert settings.time_zone == "Asia/Shanghai"
    assert settings.media_dir == tmp_path / "media" and settings.media_dir.is_dir()


def test_the_secret_key_is_generated_once_and_kept(tmp_path):
    first = load({"DOORSTEP_DATA_DIR": str(tmp_path)}).secret_key
    second = load({"DOORSTEP_DATA_DIR": str(tmp_path)}).secret_key
    assert first == second and len(first) >= 32
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_postgresql_urls_are_accepted_in_both_spellings(tmp_path):
    env = {"DOORSTEP_DATA_DIR": str(tmp_path), "DATABASE_URL": "postgresql://u@h:5432/d"}
    assert load(env).database_url == "postgres://u@h:5432/d"


@pytest.mark.parametrize(
    ("name", "value", "says"),
    [
        ("DATABASE_URL", "mysql://x/y", "DATABASE_URL"),
        ("REDIS_URL", "http://x", "REDIS_URL"),
        ("SECRET_KEY", "short", "SECRET_KEY"),
        ("TIME_ZONE", "Mars/Olympus", "TIME_ZONE"),
        ("SMTP_PORT", "twenty-five", "SMTP_PORT"),
        ("SMTP_STARTTLS", "maybe", "SMTP_STARTTLS"),
        ("PUBLIC_BASE_URL", "example.org", "PUBLIC_BASE_URL"),
        ("SESSION_DAYS", "0", "SESSION_DAYS"),
    ],
)
def test_a_bad_value_stops_start_up_naming_the_setting(tmp_path, name, value, says):
    with pytest.raises(SettingsError, match=says):
        load({"DOORSTEP_DATA_DIR": str(tmp_path), name: value})


def test_the_command_line_reports_a_bad_setting_and_exits_2(tmp_path, capsys, monkeypatch):
    from server import cli, settings

    monkeypatch.setenv("TIME_ZONE", "Nowhere/At_All")
    settings.get.cache_clear()
    try:
        assert cli.main(["migrate"]) == 2
    finally:
        monkeypatch.undo()
        settings.get.cache_clear()
    assert "TIME_ZONE" in capsys.readouterr().err
