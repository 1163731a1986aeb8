"""The ceiling: a bare Starlette app answering with bytes captured from Doorstep, from memory.

Run by bench/booking_throughput.py as `uvicorn bench.ceiling:app --workers 2`; the bytes come from
the files named in DOORSTEP_CEILING_GET and DOORSTEP_CEILING_POST.
"""

from __future__ import annotations

import os
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

PAGE = Path(os.environ["DOORSTEP_CEILING_GET"]).read_bytes()
CREATED = Path(os.environ["DOORSTEP_CEILING_POST"]).read_bytes()


async def page(request: Request) -> Response:
    return Response(PAGE, media_type="text/html; charset=utf-8")


async def booking(request: Request) -> Response:
    await request.body()
    return Response(CREATED, status_code=201, media_type="application/json")


app = Starlette(routes=[Route("/page", page), Route("/book", booking, methods=["POST"])])
