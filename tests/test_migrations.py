"""Migrations: both dialects' folders are in step with the models."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from server import db, migrations_tool


@pytest.mark.parametrize("dialect", ["sqlite", "postgres"])
def test_the_models_need_no_migration_that_is_not_written(tmp_path, monkeypatch, settings, dialect):
    copy = tmp_path / "migrations"
    shutil.copytree(db.MIGRATIONS_DIR, copy)
    before = sorted(p.name for p in (copy / dialect / "models").glob("*.py"))
    monkeypatch.setattr(migrations_tool, "MIGRATIONS_DIR", copy)
    monkeypatch.setattr(
        migrations_tool, "OFFLINE_URLS", {dialect: migrations_tool.OFFLINE_URLS[dialect]}
    )
    migrations_tool.make(settings, "check")
    after = sorted(p.name for p in (copy / dialect / "models").glob("*.py"))
    assert after == before, (
        f"models changed without a migration: run doorstep makemigrations NAME ({Path(after[-1])})"
    )
