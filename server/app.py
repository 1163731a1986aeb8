"""Builds the Starlette application: routes, middleware, error handlers, lifespan."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from server import db, queue, settings
from server.api import auth as api_auth
from server.api import bookings as api_bookings
from server.api import openapi
from server.api import places as api_places
from server.domain.errors import DomainError
from server.redis_client import close_redis
from server.templating import STATIC_DIR
from server.web import (
    accounts,
    admin_outbox,
    bookings,
    centre_setup,
    counter,
    directory,
    errors,
    home,
    inbox,
)
from server.web.context import RequestContextMiddleware


def create_app(config: settings.Settings | None = None) -> Starlette:
    config = config or settings.get()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await db.open_db(config)
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
        *accounts.routes,
        *inbox.routes,
        *admin_outbox.routes,
        *api_auth.routes,
        *api_places.routes,
        *api_bookings.routes,
        *openapi.routes,
        Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
    ]
    app = Starlette(
        debug=False,
        routes=routes,
        middleware=[
            # Outside the request context, so the body its CSRF check reads is limited too.
            Middleware(errors.BodyLimit, max_bytes=config.max_body_bytes),
            Middleware(
                RequestContextMiddleware, settings=config, on_csrf_failure=errors.csrf_failure
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
