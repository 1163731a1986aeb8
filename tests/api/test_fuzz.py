"""A fuzzing run of the JSON API from its own OpenAPI document (schemathesis).

Every operation is called with what schemathesis makes of the document (its examples, boundary
and negative values, then random ones), in-process on the suite's database and Redis, and every
answer must be no 5xx and as the document says: a documented status, content type, headers and
body. Most cases name the world's real objects, so the fuzzing reaches past "not found".
"""

from __future__ import annotations

import json
import os
import zlib
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings

from server.api import openapi
from server.settings import Settings
from tests.api.fuzz_world import FuzzWorld, make_fuzz_world

CONFIG = schemathesis.Config.from_dict(
    {
        # FUZZ_EXAMPLES=500 for a deeper run than the suite's.
        "generation": {
            "max-examples": int(os.environ.get("FUZZ_EXAMPLES", "50")),
            "deterministic": True,
            "database": "none",
        },
        # Each login checks an argon2 hash (slow on purpose): fewer of them.
        "operations": [{"include-path": "/api/v1/auth/token", "generation": {"max-examples": 15}}],
        "checks": {
            "enabled": False,
            "not_a_server_error": {"enabled": True},
            "status_code_conformance": {"enabled": True},
            "content_type_conformance": {"enabled": True},
            "response_schema_conformance": {"enabled": True},
            "response_headers_conformance": {"enabled": True},
        },
    }
)
schema = schemathesis.openapi.from_dict(openapi.document(), config=CONFIG)
# The needs operations (not include(): it would widen the config's operations filter, not narrow).
NEEDS = schema.exclude(path_regex="^/api/v1/(?!needs)")
BASE = "http://testserver"

# Who calls each part of the API: members claim and record, residents do the rest.
ROLES = {"/api/v1/tasks/": "helper", "/api/v1/claims/": "member", "/api/v1/me/hours": "member"}
# The world's object each path parameter names, by operation path.
PATH_CODES = {
    "/api/v1/centres/{code}": "centre",
    "/api/v1/centres/{code}/services": "centre",
    "/api/v1/services/{code}/slots": "service",
    "/api/v1/bookings/{code}": "booking",
    "/api/v1/bookings/{code}/cancel": "booking",
    "/api/v1/bookings/{code}/reschedule": "booking",
    "/api/v1/needs/{code}": "need",
    "/api/v1/needs/{code}/confirm": "resolved_need",
    "/api/v1/needs/{code}/reopen": "resolved_need",
    "/api/v1/needs/{code}/rate": "confirmed_need",
    "/api/v1/tasks/{code}/claim": "task",
    "/api/v1/claims/{code}/complete": "claim",
}
# Query and body fields that take the world's value of the same name.
FIELDS = frozenset({"service", "start", "date", "centre", "category", "place", "phone"})
FIELDS |= {"password", "started_at", "ended_at"}


def _role(path: str) -> str:
    return next((role for prefix, role in ROLES.items() if path.startswith(prefix)), "resident")


def _names_the_world(case: schemathesis.Case) -> bool:
    """Two cases in three: chosen from the case's own content, so a failure replays the same."""
    made = repr((case.path_parameters, case.query, case.body)).encode()
    return zlib.crc32(made) % 3 != 0


def _use_the_world(case: schemathesis.Case, world: FuzzWorld) -> None:
    code = PATH_CODES.get(case.path)
    if code and isinstance(case.path_parameters, dict):
        case.path_parameters["code"] = world.values[code]
    for container in (case.query, case.body):
        if isinstance(container, dict):
            container.update({k: world.values[k] for k in FIELDS.intersection(container)})


async def _send(api: httpx.AsyncClient, case: schemathesis.Case, token: str) -> httpx.Response:
    """The case as schemathesis would send it, on the suite's event loop: case.call() runs an
    ASGI app in a thread with a loop of its own, where the suite's connections do not work."""
    auth = {"Authorization": f"Bearer {token}"}
    kwargs: dict[str, Any] = case.as_transport_kwargs(base_url=BASE, headers=auth)
    request = requests.Request(
        **{k: kwargs.get(k) for k in ("method", "url", "headers", "params", "cookies")},
        **{k: kwargs[k] for k in ("json", "data", "files") if k in kwargs},
    ).prepare()
    body = request.body.encode() if isinstance(request.body, str) else request.body
    api.cookies.clear()  # each case on its own, as a fresh client (the API reads no cookie)
    return await api.request(
        str(request.method), str(request.url), headers=dict(request.headers), content=body or b""
    )


@pytest.fixture
async def world(db: None, settings: Settings) -> FuzzWorld:
    return await make_fuzz_world(settings)


@pytest.fixture
async def api(app) -> AsyncIterator[httpx.AsyncClient]:  # type: ignore[no-untyped-def]
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False, client=("10.9.8.7", 5000))
    async with httpx.AsyncClient(transport=transport, base_url=BASE) as client:
        yield client


async def _check(
    case: schemathesis.Case, world: FuzzWorld, api: httpx.AsyncClient, role: str
) -> None:
    if _names_the_world(case):
        _use_the_world(case, world)
    response = await _send(api, case, world.tokens[role])
    case.validate_response(response)


# schemathesis runs an async test on the current event loop, pytest-asyncio's session loop.
# One world per operation, shared by its cases (what one case uses up, the next finds gone).
ONE_WORLD_PER_OPERATION = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])


@schema.parametrize()
@ONE_WORLD_PER_OPERATION
async def test_the_api_answers_as_its_document_says(
    case: schemathesis.Case, world: FuzzWorld, api: httpx.AsyncClient
) -> None:
    await _check(case, world, api, _role(case.path))


@NEEDS.parametrize()
@ONE_WORLD_PER_OPERATION
async def test_the_needs_api_answers_staff_as_its_document_says(
    case: schemathesis.Case, world: FuzzWorld, api: httpx.AsyncClient
) -> None:
    """Staff of the centre see more of a need (its contact details and history)."""
    await _check(case, world, api, "staff")


# What the run found, kept as plain tests: schemathesis writes only text UTF-8 can carry, so
# half a surrogate pair (legal in JSON) is sent here by hand.


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/api/v1/needs", "title"),
        ("/api/v1/bookings", "for_name"),
        ("/api/v1/needs/{resolved_need}/reopen", "note"),
    ],
)
@pytest.mark.parametrize("escape", ["\\u0000", "\\ud800"])
async def test_text_no_database_can_store_is_refused_by_field(
    world: FuzzWorld, api: httpx.AsyncClient, path: str, field: str, escape: str
) -> None:
    names = ("centre", "category", "place", "service", "start")
    fields = {name: world.values[name] for name in names} | {field: "a-HERE-b"}
    response = await api.post(
        path.format(**world.values),
        content=json.dumps(fields).replace("-HERE-", escape).encode(),  # as JSON allows it
        headers={"Authorization": f"Bearer {world.tokens['resident']}"},
    )
    assert response.status_code == 422
    assert list(response.json()["fields"]) == [field]


@pytest.mark.parametrize("code", ["%00", "X" * 40, "ß" * 8])
@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/centres/{code}",
        "/api/v1/services/{code}/slots?date=2026-12-01",
        "/api/v1/bookings/{code}",
        "/api/v1/needs/{code}",
        "/api/v1/tasks/{code}/claim",
        "/api/v1/claims/{code}/complete",
    ],
)
async def test_a_code_no_column_could_hold_is_not_found(
    world: FuzzWorld, api: httpx.AsyncClient, path: str, code: str
) -> None:
    auth = {"Authorization": f"Bearer {world.tokens['member']}"}
    method = "POST" if path.endswith(("claim", "complete")) else "GET"
    response = await api.request(method, path.format(code=code), headers=auth, json={})
    assert response.status_code == 404


@pytest.mark.parametrize(
    "query",
    ["node=%00", "node=" + "X" * 40, "node=TX", "q=%00", "cursor=%00", "cursor=" + "X" * 40],
)
async def test_the_centre_list_takes_any_filter_without_a_server_error(
    world: FuzzWorld, api: httpx.AsyncClient, query: str
) -> None:
    response = await api.get(f"/api/v1/centres?{query}")
    assert response.status_code in (200, 422)
    if query.startswith("node="):
        assert response.json()["items"] == []
