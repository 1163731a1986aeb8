"""Who may use each route: the one table of the app's authorisation, read by the matrix test.

Every route of ``server.app.create_app()`` (the static files aside) has exactly one entry in
``POLICY``, keyed ``"METHOD /path/{template}"`` as Starlette spells the route. The value says
who the route lets in; the handlers enforce it (through ``require_user``, ``require_counter``,
``booking_for``, ``may_see_need``, ...), and ``tests/test_authorization_matrix.py`` asks every
route as every role and fails when a handler and this table disagree, when a route has no entry
(so a new route cannot slip past), or when an entry names a route that no longer exists.

The words (combined with ``|``: any one of them lets a person in):

PUBLIC        anyone, logged in or not.
USER          anyone logged in; the page is about themselves (their bookings, their account).
MEMBER        a member whose report-in their community has verified (在职党员).
OWNER         the person the object in the path belongs to: the resident of a booking or need
              (or whoever posted it for them), the member of a claim, invitation or certificate,
              the addressee of a message.
CENTRE_STAFF  staff of the centre the path names, or that the object in the path belongs to,
              and admins of any org node above that centre.
NODE_ADMIN    admins of the org node the path names, or of a node above it (with no node in
              the path: admins of any node).
CITY_ADMIN    admins of a root node of the tree (the city).
PUBLISHED     once the object is published (an accepted need, an approved photo of one): also
              everyone else the route admits at all.

Under /api/ a person is known by a bearer token only, never by a session cookie: every API
route but the PUBLIC ones answers 401 without a token. Everyone else is refused with 401 (not
logged in: browser pages send GETs to the login form), 403 or 404, and a refusal shows nothing
of the object. This is data for the test and for readers, not middleware.
"""

from __future__ import annotations

from enum import Flag, auto


class Access(Flag):
    PUBLIC = auto()
    USER = auto()
    MEMBER = auto()
    OWNER = auto()
    CENTRE_STAFF = auto()
    NODE_ADMIN = auto()
    CITY_ADMIN = auto()
    PUBLISHED = auto()


PUBLIC, USER, MEMBER, OWNER = Access.PUBLIC, Access.USER, Access.MEMBER, Access.OWNER
CENTRE_STAFF, NODE_ADMIN = Access.CENTRE_STAFF, Access.NODE_ADMIN
CITY_ADMIN, PUBLISHED = Access.CITY_ADMIN, Access.PUBLISHED

POLICY: dict[str, Access] = {
    # Health, the directory, accounts and preferences
    "GET /healthz": PUBLIC,
    "GET /": PUBLIC,
    "GET /places/{code}": PUBLIC,
    "GET /centres/{code}": PUBLIC,
    "GET /services/{code}": PUBLIC,
    "GET /login": PUBLIC,
    "POST /login": PUBLIC,
    "GET /register": PUBLIC,
    "POST /register": PUBLIC,
    "POST /logout": PUBLIC,  # without a session it only clears the cookie
    "POST /prefs/language": PUBLIC,  # a cookie; saved on the profile when logged in
    "POST /prefs/elderly": PUBLIC,
    "GET /account": USER,
    "GET /account/password": USER,
    "POST /account/password": USER,
    "GET /account/notifications": USER,
    "POST /account/notifications": USER,
    "GET /inbox": USER,
    "POST /inbox/read-all": USER,
    "POST /inbox/{public_id}/read": OWNER,
    # A resident's own data (staff and admins may download theirs; deletion tells them to give
    # up their roles first)
    "GET /account/data": USER,
    "GET /account/data.json": USER,
    "GET /account/data.zip": USER,
    "POST /account/delete": USER,
    "POST /account/delete/cancel": USER,
    # Bookings
    "GET /services/{code}/book": USER,
    "POST /services/{code}/book": USER,
    "GET /bookings": USER,
    "GET /bookings/{code}": OWNER,
    "GET /bookings/{code}/qr.png": OWNER,
    "GET /bookings/{code}/calendar.ics": OWNER,
    "POST /bookings/{code}/cancel": OWNER,
    "GET /bookings/{code}/reschedule": OWNER,
    "POST /bookings/{code}/reschedule": OWNER,
    # The counter and a centre's set-up
    "GET /staff": USER,  # the centres one works at; "not staff of any centre" for the rest
    "GET /staff/{centre}": CENTRE_STAFF,
    "POST /staff/{centre}/check-in": CENTRE_STAFF,
    "POST /staff/{centre}/walk-in": CENTRE_STAFF,
    "POST /staff/{centre}/bookings/{code}/note": CENTRE_STAFF,
    "POST /staff/{centre}/bookings/{code}/{to:str}": CENTRE_STAFF,
    "GET /staff/{centre}/services": CENTRE_STAFF,
    "POST /staff/{centre}/services": CENTRE_STAFF,
    "GET /staff/{centre}/services/{service}": CENTRE_STAFF,
    "POST /staff/{centre}/services/{service}": CENTRE_STAFF,
    "POST /staff/{centre}/services/{service}/hours": CENTRE_STAFF,
    "POST /staff/{centre}/services/{service}/materials": CENTRE_STAFF,
    "POST /staff/{centre}/services/{service}/materials/edit": CENTRE_STAFF,
    "GET /staff/{centre}/hours": CENTRE_STAFF,
    "POST /staff/{centre}/hours": CENTRE_STAFF,
    "POST /staff/{centre}/exceptions": CENTRE_STAFF,
    "POST /staff/{centre}/exceptions/remove": CENTRE_STAFF,
    # Needs: residents, the public list, staff
    "GET /centres/{code}/needs": PUBLIC,  # published needs only, without personal data
    "GET /centres/{code}/needs/new": USER,
    "POST /centres/{code}/needs/new": USER,
    "GET /needs": USER,
    "GET /needs/{code}": OWNER | CENTRE_STAFF | PUBLISHED,
    "POST /needs/{code}/confirm": OWNER,
    "POST /needs/{code}/reopen": OWNER,
    "POST /needs/{code}/rate": OWNER,
    "POST /needs/{code}/claims/{claim}/rate": OWNER,
    "GET /needs/{code}/photos/{photo}": OWNER | CENTRE_STAFF,  # originals are never public
    "GET /needs/{code}/photos/{photo}/thumb": OWNER | CENTRE_STAFF | PUBLISHED,
    "GET /staff/{centre}/needs/categories": CENTRE_STAFF,
    "POST /staff/{centre}/needs/categories": CENTRE_STAFF,
    "POST /staff/{centre}/needs/categories/{code}": CENTRE_STAFF,
    "GET /staff/{centre}/needs": CENTRE_STAFF,
    "POST /staff/{centre}/needs/bulk": CENTRE_STAFF,
    "GET /staff/{centre}/needs/{code}": CENTRE_STAFF,
    "POST /staff/{centre}/needs/{code}/act": CENTRE_STAFF,
    "POST /staff/{centre}/needs/{code}/photos/{photo}": CENTRE_STAFF,
    # Volunteers: staff
    "GET /staff/{centre}/volunteers": CENTRE_STAFF,
    "GET /staff/{centre}/volunteers/{member}": CENTRE_STAFF,
    "POST /staff/{centre}/volunteers/{member}/review": CENTRE_STAFF,
    "POST /staff/{centre}/volunteers/{member}/hours": CENTRE_STAFF,
    "POST /staff/{centre}/volunteers/{member}/evaluation": CENTRE_STAFF,
    "GET /staff/{centre}/volunteers/{member}/certificates": CENTRE_STAFF,
    "POST /staff/{centre}/volunteers/{member}/certificates": CENTRE_STAFF,
    "POST /staff/{centre}/certificates/{number}/revoke": CENTRE_STAFF,
    "GET /staff/{centre}/claims/{code}": CENTRE_STAFF,
    "POST /staff/{centre}/claims/{code}/verify": CENTRE_STAFF,
    "POST /staff/{centre}/claims/{code}/no-show": CENTRE_STAFF,
    "GET /staff/{centre}/claims/{code}/photos/{photo}": CENTRE_STAFF,
    "GET /staff/{centre}/claims/{code}/photos/{photo}/thumb": CENTRE_STAFF,
    "GET /staff/{centre}/tasks": CENTRE_STAFF,
    "GET /staff/{centre}/tasks/{code}": CENTRE_STAFF,
    "POST /staff/{centre}/tasks/{code}/invite": CENTRE_STAFF,
    "GET /staff/{centre}/projects": CENTRE_STAFF,
    "POST /staff/{centre}/projects": CENTRE_STAFF,
    "GET /staff/{centre}/projects/{code}": CENTRE_STAFF,
    "POST /staff/{centre}/projects/{code}/slots": CENTRE_STAFF,
    # Volunteers: members (anyone may report in; the rest needs a verified report-in)
    "GET /me/member": USER,
    "POST /me/member": USER,
    "POST /me/member/reconfirm": MEMBER,
    "GET /me/pledge": USER,  # says how to report in first
    "POST /me/pledge": MEMBER,
    "POST /me/pledge/withdraw": MEMBER,
    "GET /me/tasks": USER,
    "GET /tasks/{code}": USER,
    "POST /tasks/{code}/claim": MEMBER,
    "GET /me/claims": USER,
    "GET /me/claims/{code}": OWNER,
    "POST /me/claims/{code}/start": OWNER,
    "POST /me/claims/{code}/give-back": OWNER,
    "POST /me/claims/{code}/complete": OWNER,
    "POST /me/claims/{code}/no-show": OWNER,
    "GET /me/claims/{code}/photos/{photo}": OWNER,
    "GET /me/invitations/{code}": OWNER,
    "POST /me/invitations/{code}/accept": OWNER,
    "POST /me/invitations/{code}/decline": OWNER,
    "GET /me/hours": USER,
    "GET /certificates/verify": PUBLIC,  # the masked name and the hours, given number and code
    "GET /certificates/{number}.pdf": OWNER | CENTRE_STAFF,
    # Oversight: dashboards and the ranking report (调度通报)
    "GET /admin": NODE_ADMIN,  # the nodes one administers
    "GET /admin/{node}": NODE_ADMIN,
    "GET /admin/{node}/ranking": NODE_ADMIN,
    "GET /admin/{node}/ranking.xlsx": NODE_ADMIN,
    "GET /staff/{centre}/dashboard": CENTRE_STAFF,
    # The tree and its centres
    "GET /admin/{node}/tree": NODE_ADMIN,
    "POST /admin/{node}/tree/children": NODE_ADMIN,
    "POST /admin/{node}/tree/edit": NODE_ADMIN,
    "POST /admin/{node}/centres": NODE_ADMIN,
    "GET /admin/{node}/centres/{centre}": NODE_ADMIN,
    "POST /admin/{node}/centres/{centre}": NODE_ADMIN,
    "POST /admin/{node}/centres/{centre}/active": NODE_ADMIN,
    # Exports: a subtree's for its admins, a centre's for its staff and the admins above it
    # (without residents' contact details); a built file only for whoever asked for it
    "GET /admin/{node}/exports": NODE_ADMIN,
    "POST /admin/{node}/exports": NODE_ADMIN,
    "GET /admin/{node}/exports/{export}": OWNER,
    "GET /admin/{node}/exports/{export}/download": OWNER,
    "GET /staff/{centre}/exports": CENTRE_STAFF,
    "POST /staff/{centre}/exports": CENTRE_STAFF,
    "GET /staff/{centre}/exports/{export}": OWNER,
    "GET /staff/{centre}/exports/{export}/download": OWNER,
    # The audit log and people of a part of the tree
    "GET /admin/{node}/audit": NODE_ADMIN,
    "GET /admin/{node}/people": NODE_ADMIN,
    "POST /admin/{node}/people/appoint": NODE_ADMIN,
    "POST /admin/{node}/people/{grant_id}/remove": NODE_ADMIN,
    "POST /admin/{node}/people/{user_public_id}/deactivate": NODE_ADMIN,
    "POST /admin/{node}/people/{user_public_id}/reactivate": NODE_ADMIN,
    # Operations
    "GET /admin/outbox": CITY_ADMIN,
    "POST /admin/outbox/{public_id}/retry": CITY_ADMIN,
    # The JSON API
    "POST /api/v1/auth/token": PUBLIC,
    "GET /api/v1/me": USER,
    "GET /api/v1/openapi.json": PUBLIC,
    "GET /api/v1/centres": PUBLIC,
    "GET /api/v1/centres/{code}": PUBLIC,
    "GET /api/v1/centres/{code}/services": PUBLIC,
    "GET /api/v1/services/{code}/slots": PUBLIC,
    "POST /api/v1/bookings": USER,
    "GET /api/v1/bookings": USER,
    "GET /api/v1/bookings/{code}": OWNER,
    "POST /api/v1/bookings/{code}/cancel": OWNER,
    "POST /api/v1/bookings/{code}/reschedule": OWNER,
    "POST /api/v1/needs": USER,
    "GET /api/v1/needs": USER,
    "GET /api/v1/needs/{code}": OWNER | CENTRE_STAFF | PUBLISHED,
    "POST /api/v1/needs/{code}/confirm": OWNER,
    "POST /api/v1/needs/{code}/reopen": OWNER,
    "POST /api/v1/needs/{code}/rate": OWNER,
    "GET /api/v1/tasks/for-me": MEMBER,
    "POST /api/v1/tasks/{code}/claim": MEMBER,
    "POST /api/v1/claims/{code}/complete": OWNER,
    "GET /api/v1/me/hours": MEMBER,
}
