"""The home page: the city's centres by district and street, regional centres beside them."""

from __future__ import annotations

import os

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from server.domain import directory
from server.templating import render


async def home(request: Request) -> Response:
    tree = await directory.centre_tree()
    return render(request, "home/index.html", {"tree": tree})


async def healthz(request: Request) -> Response:
    # The pid tells a load balancer (and the tests) which web process answered.
    return JSONResponse({"status": "ok", "pid": os.getpid()})


routes = [
    Route("/", home, methods=["GET"], name="home"),
    Route("/healthz", healthz, methods=["GET"], name="healthz"),
]
