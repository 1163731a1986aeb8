"""Health check for load balancers and tests."""

from __future__ import annotations

import os

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route


async def healthz(request: Request) -> Response:
    # The pid tells a load balancer (and the tests) which web process answered.
    return JSONResponse({"status": "ok", "pid": os.getpid()})


routes = [
    Route("/healthz", healthz, methods=["GET"], name="healthz"),
]
