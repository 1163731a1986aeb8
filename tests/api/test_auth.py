"""The API's bearer tokens: issue, use, and every way a token or a login can be wrong."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.models.accounts import ApiToken, User
from server.security.tokens import digest
from tests.cast import PASSWORD, Cast


async def _token(client, cast: Cast) -> str:
    response = await client.post(
        "/api/v1/auth/token", json={"phone": cast.resident.phone, "password": PASSWORD}
    )
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"token", "expires_at"}
    assert datetime.fromisoformat(body["expires_at"]) > datetime.now(UTC) + timedelta(hours=23)
    return body["token"]


async def test_a_token_authenticates_api_calls(client, cast: Cast):
    token = await _token(client, cast)
    response = await client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert response.json()["phone"] == cast.resident.phone
    assert await ApiToken.filter(token_hash=digest(token)).exists()  # stored hashed only
    assert not await ApiToken.filter(token_hash=token).exists()


async def test_a_wrong_password_gets_401_json(client, cast: Cast):
    response = await client.post(
        "/api/v1/auth/token", json={"phone": cast.resident.phone, "password": "wrong-pass"}
    )
    assert response.status_code == 401
    assert response.json()["error"] == "unauthenticated"
    assert await ApiToken.all().count() == 0


async def test_a_malformed_phone_gets_422_with_fields(client):
    response = await client.post("/api/v1/auth/token", json={"phone": "abc", "password": PASSWORD})
    assert response.status_code == 422
    assert "phone" in response.json()["fields"]


async def test_a_body_that_is_not_a_json_object_gets_422(client):
    response = await client.post(
        "/api/v1/auth/token", content=b"[1, 2", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["error"] == "invalid"


async def test_an_expired_token_gets_401_saying_so(client, cast: Cast):
    token = await _token(client, cast)
    await ApiToken.filter(token_hash=digest(token)).update(
        expires_at=datetime.now(UTC) - timedelta(seconds=1)
    )
    response = await client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401
    assert response.json()["message"] == "API 令牌已过期，请重新申请。"
    assert response.headers["www-authenticate"] == "Bearer"


async def test_a_revoked_token_or_a_deactivated_account_gets_401_saying_so(client, cast: Cast):
    token = await _token(client, cast)
    auth = {"Authorization": f"Bearer {token}", "Accept-Language": "en"}
    await User.filter(id=cast.resident.id).update(is_active=False)
    response = await client.get("/api/v1/me", headers=auth)
    assert (response.status_code, response.json()["message"]) == (
        401,
        "This account is deactivated.",
    )
    await User.filter(id=cast.resident.id).update(is_active=True)
    assert (await client.get("/api/v1/me", headers=auth)).status_code == 200
    await ApiToken.filter(token_hash=digest(token)).update(revoked_at=datetime.now(UTC))
    response = await client.get("/api/v1/me", headers=auth)
    assert response.status_code == 401
    assert response.json()["message"] == "The API token is not valid. Request a new one."


async def test_no_token_or_a_made_up_one_gets_401(client):
    assert (await client.get("/api/v1/me")).status_code == 401
    response = await client.get("/api/v1/me", headers={"Authorization": "Bearer made-up"})
    assert response.status_code == 401


async def test_api_errors_follow_accept_language(client):
    response = await client.get("/api/v1/me", headers={"Accept-Language": "en-US,en;q=0.9"})
    assert response.json()["message"].startswith("Send an API token")


async def test_unknown_api_paths_get_json_404(client):
    response = await client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


async def test_every_api_route_is_in_the_openapi_document(app, client):
    document = (await client.get("/api/v1/openapi.json")).json()
    api_paths = {r.path for r in app.routes if getattr(r, "path", "").startswith("/api/")}
    assert api_paths - {"/api/v1/openapi.json"} == set(document["paths"])
