"""Builds the Starlette application: routes, middleware, error handlers, lifespan."""

from __future__ import annotations

import gc
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from server import db, queue, settings, templating
from server.api import auth as api_auth
from server.api import bookings as api_bookings
from server.api import needs as api_needs
from server.api import openapi
from server.api import places as api_places
from server.api import volunteer as api_volunteer
from server.domain.errors import DomainError
from server.redis_client import close_redis
from server.templating import STATIC_DIR
from server.web import (
    accounts,
    admin_audit,
    admin_outbox,
    admin_people,
    admin_tree,
    bookings,
    centre_setup,
    certificates,
    counter,
    dashboard,
    directory,
    errors,
    exports,
    for_you,
    home,
    inbox,
    my_data,
    need_categories,
    need_staff,
    needs,
    staff_claims,
    staff_tasks,
    staff_volunteers,
    volunteer,
    volunteer_claims,
)
from server.web.context import RequestContextMiddleware

# Routes that take photos get the larger body limit; every other route the small one.
UPLOAD_PATHS = re.compile(
    r"^/(centres/[^/]+/needs/new|staff/[^/]+/needs/[^/]+/act|api/v1/needs)/?$"
)


def create_app(config: settings.Settings | None = None) -> Starlette:
    config = config or settings.get()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await db.open_db(config, db.WEB_POOL)
        templating.preload()
        # What start-up made (modules, routes, compiled templates, the catalogue) lives as long
        # as the process: keep it out of the collector's full passes, which otherwise walk it
        # all and show up as the slowest requests.
        gc.collect()
        gc.freeze()
        try:
            yield
        finally:
            await queue.close()
            await close_redis()
            await db.close_db()

    routes = [
        *home.routes,
        *directory.routes,
        *bookings.routes,
        *counter.routes,
        *centre_setup.routes,
        *needs.routes,
        *need_categories.routes,
        *need_staff.routes,
        *staff_volunteers.routes,
        *staff_claims.routes,
        *staff_tasks.routes,
        *volunteer.routes,
        *for_you.routes,
        *volunteer_claims.routes,
        *certificates.routes,
        *accounts.routes,
        *inbox.routes,
        *admin_outbox.routes,  # before /admin/{node}, which would take "outbox" for a node
        *dashboard.routes,
        *admin_tree.routes,
        *exports.routes,
        *admin_audit.routes,
        *admin_people.routes,
        *my_data.routes,
        *api_auth.routes,
        *api_places.routes,
        *api_bookings.routes,
        *api_needs.routes,
        *api_volunteer.routes,
        *openapi.routes,
        Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
    ]
    app = Starlette(
        debug=False,
        routes=routes,
        middleware=[
            Middleware(errors.LastResort),
            # Outside the request context, so the body its CSRF check reads is limited too.
            Middleware(
                errors.BodyLimit,
                max_bytes=config.max_body_bytes,
                upload_bytes=config.max_upload_bytes,
                upload_paths=UPLOAD_PATHS,
            ),
            Middleware(
                RequestContextMiddleware,
                settings=config,
                on_csrf_failure=errors.csrf_failure,
                on_bad_request=errors.bad_request,
            ),
        ],
        exception_handlers={
            DomainError: errors.domain_error,
            HTTPException: errors.http_error,
            Exception: errors.server_error,
        },
        lifespan=lifespan,
    )
    return app
