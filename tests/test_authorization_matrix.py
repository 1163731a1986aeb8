"""The authorisation matrix: every route of the app, asked as every role, answers as
``server/web/access.py``'s POLICY says. It is generated from the route table, so a new route
cannot escape it: a route with no POLICY entry fails here, and so does an entry whose route
is gone.

How it asks:

- Routes come from ``create_app().routes`` (Mounts walked, the static files skipped).
- Roles: anonymous, the resident, the member, staff of centre A and of centre B, the street,
  district and city admins. Each browser role logs in once through /login; each API role gets
  one bearer token from /api/v1/auth/token, and API calls carry that token and no cookie.
- Path parameters come from one world (``tests/authorization_world.py``): ``{code}`` after
  ``bookings`` is the resident's booking, after ``claims`` the member's claim, and so on. Each
  object is the resident's or the member's, at centre A, so staff of B and strangers must be
  refused. Routes whose policy has PUBLISHED are asked twice: about the resident's submitted
  need, and about their published small wish that the member has done the work for. An export
  is its asker's: the street admin's of the street, staff A's of centre A.
- Routes under /staff/{centre}/ that name another object are asked once more, as staff of B
  and the street admin, with centre B in the path and A's object ("crossed"): nobody reaches
  A's object through B's address. Staff of B open their own centre's pages ("own centre"),
  which must show nothing of A's.
- Routes under /admin/{node} ask about the street. Those naming only the node are asked once
  more as the street admin about the district above ("above"); those naming another object are
  asked as every admin with community B in the path and the object in A ("aside").
- POSTs carry a valid CSRF token; requests carry minimal inputs (``INPUTS``: a query, a form,
  a JSON body), enough to get past the handler's checks of who is asking, not to succeed.
- The API is also asked as the resident's browser, with a session cookie and no token
  ("cookie"): only its PUBLIC routes may answer.
- Allowed: any 2xx or 3xx (a redirect to the login form aside), or a 409/422 because the minimal
  body or the world's state is not what a real request would send. Refused: 401, 403 or 404, or
  for anonymous a redirect to the login form. Anything else (a 5xx) fails either way.
- A response shows nothing the role may not see: each one, allowed or refused, is searched for
  the world's private markers (phones, addresses, a real name) the role is not privy to. A zip
  (a spreadsheet, a data download) is searched file by file, and a spreadsheet holds residents'
  contact details for their centre's own staff only.

State: one world serves all the requests (``db`` is per test, so the matrix is one test that
collects every failure and reports them together, one line each: route, role, expected, got).
Requests run in an order that keeps the world intact for those after them: every GET first,
then the POSTs whose minimal body changes nothing a later request depends on, then the
destructive ones (``LAST``, in its order: a cancelled booking, a withdrawn pledge, a declined
report-in, an account deactivated and reactivated, a role removed (each admin one of the world's),
an account's deletion asked for and called off), and logging out at the very end. Within a route
the roles to be refused go first.
"""

from __future__ import annotations

import contextlib
import html
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

import httpx
from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles

from server.app import create_app
from server.web.access import POLICY, Access
from tests.authorization_world import ADMINS, CENTRE_A_STAFF, PARAM, ROLES, World, make_world
from tests.cast import PASSWORD
from tests.conftest import login

# Minimal inputs (a GET's query, a form, a JSON body): past the checks of who is asking, short
# of doing anything much.
INPUTS: dict[str, Callable[[World], dict[str, str]]] = {
    "GET /services/{code}/book": lambda w: {"start": w.things["start"].value},
    "GET /api/v1/services/{code}/slots": lambda w: {"date": w.things["start"].value[:10]},
    "GET /staff/{centre}/volunteers": lambda w: {"tab": "verified"},  # the member is listed
    "POST /login": lambda w: {"phone": "not-a-phone", "password": "x"},
    "POST /api/v1/auth/token": lambda w: {"phone": "not-a-phone", "password": "x"},
    "POST /staff/{centre}/check-in": lambda w: {"code": w.things["bookings"].value},
    "POST /staff/{centre}/volunteers/{member}/hours": lambda w: {"entry": w.things["entry"].value},
    "POST /staff/{centre}/walk-in": lambda w: {"service": w.things["services"].value},
    "POST /api/v1/bookings": lambda w: {"service": w.things["services"].value},
    "POST /api/v1/needs": lambda w: {"centre": w.cast.centre_a.code},
    # The spreadsheets come back at once, to be searched for contact details.
    "POST /admin/{node}/exports": lambda w: {"kind": "bookings", "period": _month(w, "bookings")},
    "POST /staff/{centre}/exports": lambda w: {"kind": "needs", "period": _month(w, "needs")},
    "POST /admin/{node}/centres/{centre}/active": lambda w: {"active": "1"},  # A stays open
    "GET /admin/{node}/people": lambda w: {"find": w.users["resident"].public_id},
    "POST /admin/{node}/people/{user_public_id}/deactivate": lambda w: {"reason": "核对账号"},
    "POST /account/delete": lambda w: {"password": PASSWORD, "reason": "搬家了"},
}
# Run last, in this order: each may change what a request after it would find.
LAST = [
    "POST /staff/{centre}/bookings/{code}/{to:str}",
    "POST /bookings/{code}/cancel",
    "POST /api/v1/bookings/{code}/cancel",
    "POST /me/claims/{code}/give-back",
    "POST /me/claims/{code}/no-show",
    "POST /staff/{centre}/claims/{code}/no-show",
    "POST /me/invitations/{code}/accept",
    "POST /me/invitations/{code}/decline",
    "POST /me/pledge/withdraw",
    "POST /admin/outbox/{public_id}/retry",
    "POST /me/member",
    "POST /staff/{centre}/volunteers/{member}/review",
    "POST /admin/{node}/people/{user_public_id}/deactivate",
    "POST /admin/{node}/people/{user_public_id}/reactivate",  # the bystander is active again
    "POST /admin/{node}/people/{grant_id}/remove",
    "POST /account/delete",  # the resident and the member wait 7 days to be deleted ...
    "POST /account/delete/cancel",  # ... and keep their accounts after all
    "POST /logout",
]
CROSSED_ROLES = ("staff_b", "street_admin")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _month(world: World, kind: str) -> str:
    return world.things[f"{kind}_month"].value


def route_keys(routes: list[BaseRoute], prefix: str = "") -> list[str]:
    """Every route as "METHOD /path" (HEAD goes with GET), Mounts walked, static files skipped."""
    keys: list[str] = []
    for route in routes:
        if isinstance(route, Mount):
            if not isinstance(route.app, StaticFiles):
                keys += route_keys(route.routes, prefix + route.path)
            continue
        methods = sorted(set(getattr(route, "methods", None) or {"WEBSOCKET"}) - {"HEAD"})
        keys += [f"{m} {prefix}{getattr(route, 'path', '?')}" for m in methods]
    return keys


def test_every_route_has_a_policy_entry():
    missing = [k for k in route_keys(create_app().routes) if k not in POLICY]
    assert not missing, "routes with no entry in server/web/access.py POLICY:\n" + "\n".join(
        missing
    )


def test_every_policy_entry_is_a_route():
    keys = set(route_keys(create_app().routes))
    stale = [k for k in POLICY if k not in keys]
    assert not stale, "POLICY entries for routes the app does not have:\n" + "\n".join(stale)


# The matrix -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ask:
    key: str  # "METHOD /template", as in POLICY
    path: str
    role: str
    allowed: bool
    variant: str = ""  # "published", "crossed", "own centre", "above", "aside" or "cookie"

    @property
    def method(self) -> str:
        return self.key.split(" ", 1)[0]

    @property
    def api(self) -> bool:
        return self.path.startswith("/api/")


def admitted(access: Access, owner: str | None, *, published: bool, api: bool) -> set[str]:
    """The roles ``access`` lets in, in the world (whose objects are at centre A)."""
    if Access.PUBLIC in access or (published and Access.PUBLISHED in access):
        roles = set(ROLES)
    else:
        roles = set()
        if Access.USER in access:
            roles |= set(ROLES) - {"anonymous"}
        if Access.MEMBER in access:
            roles.add("member")
        if Access.OWNER in access:
            if owner is None:
                raise LookupError("OWNER, but the path names nobody's object")
            roles.add(owner)
        if Access.CENTRE_STAFF in access:
            roles |= CENTRE_A_STAFF
        if Access.NODE_ADMIN in access:
            roles |= ADMINS  # the world's {node} is the street
        if Access.CITY_ADMIN in access:
            roles.add("city_admin")
    if api and Access.PUBLIC not in access:
        roles.discard("anonymous")  # the API knows no one without a token
    return roles


def asks_for(world: World, key: str) -> list[Ask]:
    """Every role about the world's object; then the variants the route calls for."""
    access, template = POLICY[key], key.split(" ", 1)[1]
    asks: list[Ask] = []
    for variant in [""] + (["published"] if Access.PUBLISHED in access else []):
        published = variant == "published"
        owner = world.path_for(template, published=published)[1]
        allowed = admitted(access, owner, published=published, api=template.startswith("/api/"))
        for role in ROLES:
            path = world.path_for(template, published=published, role=role)[0]
            asks.append(Ask(key, path, role, role in allowed, variant))
    params = PARAM.findall(template)
    if template.startswith("/admin/{node}") and params == ["node"]:
        path, _ = world.path_for(template, node="above")  # the street admin's is below it
        asks.append(Ask(key, path, "street_admin", False, "above"))
    elif template.startswith("/admin/{node}"):
        path, _ = world.path_for(template, node="aside")  # community B's page, A's object
        asks += [Ask(key, path, role, False, "aside") for role in sorted(ADMINS)]
    if template.startswith("/staff/{centre}") and len(params) > 1:
        path, _ = world.path_for(template, centre="B")
        asks += [Ask(key, path, role, False, "crossed") for role in CROSSED_ROLES]
    if template.startswith("/staff/{centre}") and params == ["centre"] and key[:3] == "GET":
        path, _ = world.path_for(template, centre="B")  # B's own pages show none of A's
        asks.append(Ask(key, path, "staff_b", True, "own centre"))
    if template.startswith("/api/") and Access.PUBLIC not in access:
        asks.append(Ask(key, world.path_for(template)[0], "resident", False, "cookie"))
    return asks


def plan(world: World, keys: list[str]) -> list[Ask]:
    """All the asks, in an order that keeps the world intact (see the module's docstring)."""
    order = {key: i for i, key in enumerate(keys)}

    def turn(ask: Ask) -> tuple[int, int, bool]:
        if ask.key in LAST:
            return (2, LAST.index(ask.key), ask.allowed)
        return (0 if ask.method == "GET" else 1, order[ask.key], ask.allowed)

    return sorted((ask for key in keys for ask in asks_for(world, key)), key=turn)


@dataclass
class Callers:
    browsers: dict[str, httpx.AsyncClient]
    csrf: dict[str, str]
    api: httpx.AsyncClient
    tokens: dict[str, str]

    async def send(self, ask: Ask, given: dict[str, str]) -> httpx.Response:
        if ask.api:
            client, token = self.api, self.tokens.get(ask.role)
            if ask.variant == "cookie":
                client, token = self.browsers[ask.role], None
            headers = {"Authorization": f"Bearer {token}"} if token else {}
            if ask.method == "GET":
                return await client.get(ask.path, params=given, headers=headers)
            return await client.request(ask.method, ask.path, json=given, headers=headers)
        client = self.browsers[ask.role]
        if ask.method == "GET":
            return await client.get(ask.path, params=given)
        headers = {"X-CSRF-Token": self.csrf[ask.role]}
        return await client.request(ask.method, ask.path, data=given, headers=headers)


def _client(app, ip: str) -> httpx.AsyncClient:  # type: ignore[no-untyped-def]
    transport = httpx.ASGITransport(app=app, client=(ip, 5000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


async def callers(app, world: World) -> Callers:  # type: ignore[no-untyped-def]
    """One logged-in browser and one API token per role (each role from its own address)."""
    browsers, csrf, tokens = {}, {}, {}
    api = _client(app, "10.8.0.1")
    for i, role in enumerate(ROLES, 1):
        browsers[role] = client = _client(app, f"10.8.1.{i}")
        person = world.users.get(role)
        if person is None:
            await client.get("/login")
        else:
            assert (await login(client, person.phone, PASSWORD)).status_code == 303
            credentials = {"phone": person.phone, "password": PASSWORD}
            answer = await api.post("/api/v1/auth/token", json=credentials)
            tokens[role] = answer.json()["token"]
        csrf[role] = client.cookies["ds_csrf"]
    return Callers(browsers, csrf, api, tokens)


def verdict(response: httpx.Response, role: str) -> str:
    status, location = response.status_code, response.headers.get("location", "")
    if status in (401, 403, 404) or (role == "anonymous" and location.startswith("/login")):
        return "refused"
    if 200 <= status < 400 or status in (409, 422):
        return "allowed"
    return "broken"


def problems(ask: Ask, response: httpx.Response, world: World) -> list[str]:
    got = verdict(response, ask.role)
    where = f"{ask.key}{f' ({ask.variant})' if ask.variant else ''} as {ask.role} [{ask.path}]"
    found = []
    wanted = "allowed" if ask.allowed else "refused"
    if got != wanted:
        place = response.headers.get("location", "")
        found.append(f"{where}: expected {wanted}, got {response.status_code} {place}".rstrip())
    text, spreadsheet = readable(response.content), XLSX in response.headers.get("content-type", "")
    for marker in world.markers:
        if ask.role not in marker.privy_in(spreadsheet) and marker.text in text:
            found.append(f"{where}: {response.status_code} shows {marker.name}")
    return found


def readable(body: bytes) -> str:
    """The text of a response, or of every file in it when it is a zip (xlsx is one)."""
    if not body.startswith(b"PK\x03\x04"):
        return _plain(body)
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        return "\n".join(_plain(archive.read(name)) for name in archive.namelist())


def _plain(raw: bytes) -> str:
    """Text with JSON's \\u escapes and XML's character references spelt out."""
    text = raw.decode("utf-8", "ignore")
    with contextlib.suppress(ValueError):
        return json.dumps(json.loads(text), ensure_ascii=False)
    return html.unescape(text)


async def test_every_route_answers_every_role_as_the_policy_says(app, db, settings):
    world = await make_world(settings)
    keys = [k for k in route_keys(app.routes) if k in POLICY]  # the others fail the tests above
    who = await callers(app, world)
    failures: list[str] = []
    try:
        for ask in plan(world, keys):
            body = INPUTS.get(ask.key, lambda w: {})(world)
            failures += problems(ask, await who.send(ask, body), world)
    finally:
        for client in [*who.browsers.values(), who.api]:
            await client.aclose()
    assert not failures, f"{len(failures)} disagreements with POLICY:\n" + "\n".join(failures)
