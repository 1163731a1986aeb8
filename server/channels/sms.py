"""SMS through a configurable HTTP gateway, with approved templates as Chinese SMS rules require.

The gateway receives JSON: ``{"phone", "template_id", "params", "content"}`` with the key in an
``Authorization: Bearer`` header; any 2xx with no ``"ok": false`` counts as accepted. Providers
with another shape sit behind a small adapter service speaking this one.
"""

from __future__ import annotations

from typing import Any

import httpx

from server.channels.errors import ChannelError
from server.domain import events
from server.settings import Settings


async def send(
    settings: Settings, phone: str, event: str, payload: dict[str, Any], content: str
) -> None:
    template_id = settings.sms_templates.get(event)
    if not settings.sms_gateway_url or not template_id:
        raise ChannelError(f"no approved SMS template for {event}")
    body = {
        "phone": phone,
        "template_id": template_id,
        "params": {k: str(payload.get(k, "")) for k in events.get(event).sms_params},
        "content": content[:70],  # one SMS segment of Chinese text
    }
    headers = (
        {"Authorization": f"Bearer {settings.sms_gateway_key}"} if settings.sms_gateway_key else {}
    )
    try:
        async with httpx.AsyncClient(timeout=10) as client:
            response = await client.post(settings.sms_gateway_url, json=body, headers=headers)
    except httpx.HTTPError as error:
        raise ChannelError(f"SMS gateway unreachable: {error!r}") from error
    if response.status_code // 100 != 2:
        raise ChannelError(f"SMS gateway answered {response.status_code}: {response.text[:200]}")
    if _refused(response):
        raise ChannelError(f"SMS gateway refused: {response.text[:200]}")


def _refused(response: httpx.Response) -> bool:
    try:
        data = response.json()
    except ValueError:
        return False
    return isinstance(data, dict) and data.get("ok") is False
