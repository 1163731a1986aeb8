"""The zh-CN catalog is complete and in step with the sources."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

from server import i18n

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "server/locale/zh_CN/LC_MESSAGES/messages.po"


def _extract(tmp_path: Path) -> set[str]:
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "N_",
            "-k",
            "ngettext:1,2",
            "--no-location",
            "-o",
            str(pot),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with open(pot, "rb") as fh:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fh) if m.id}


def test_every_message_in_the_code_has_a_chinese_translation(tmp_path):
    with open(PO, "rb") as fh:
        catalog = read_po(fh)
    translated = {
        (m.id if isinstance(m.id, str) else m.id[0])
        for m in catalog
        if m.id
        and "fuzzy" not in m.flags
        and all(m.string if isinstance(m.string, tuple) else [m.string])
    }
    missing = _extract(tmp_path) - translated
    assert not missing, f"untranslated (run scripts/messages, then translate): {sorted(missing)}"


def test_translations_keep_their_placeholders():
    with open(PO, "rb") as fh:
        catalog = read_po(fh)
    for message in catalog:
        if not message.id:
            continue
        source = message.id if isinstance(message.id, str) else message.id[0]
        target = message.string if isinstance(message.string, str) else message.string[0]
        # The names must match; the format may differ (a month "03" in English, "3" in Chinese).
        named = re.compile(r"%\((\w+)\)[-#0 +]*\d*(?:\.\d+)?[sdf]")
        assert set(named.findall(source)) == set(named.findall(target)), source


def test_accept_language_picks_the_best_supported_language():
    assert i18n.from_accept_language("en-GB,en;q=0.9,zh-CN;q=0.8") == "en"
    assert i18n.from_accept_language("fr;q=1,zh-TW;q=0.5,en;q=0.4") == "zh-CN"
    assert i18n.from_accept_language("fr, de") is None
