"""Rendering one message (subject, text, HTML, SMS) in its recipient's language."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from server import i18n
from server.templating import env


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str
    sms: str


def render(event: str, language: str, payload: dict[str, Any]) -> Rendered:
    template = env.get_template(f"messages/{event}.html")
    token = i18n.set_language(language)
    try:
        context = template.new_context(payload)
        parts = {
            name: "".join(template.blocks[name](context)).strip()
            for name in ("subject", "text", "html", "sms")
        }
        # The environment escapes for HTML; plain parts must read as typed: "A&B", not "A&amp;B".
        for name in ("subject", "text", "sms"):
            parts[name] = html.unescape(parts[name])
    finally:
        i18n._current.reset(token)
    return Rendered(**parts)
