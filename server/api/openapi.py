"""The OpenAPI document of the JSON API, served at /api/v1/openapi.json."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from server.api import openapi_bookings, openapi_needs, openapi_volunteer

ERROR = {
    "type": "object",
    "required": ["error", "message"],
    "properties": {
        "error": {"type": "string"},
        "message": {"type": "string"},
        "fields": {"type": "object", "additionalProperties": {"type": "string"}},
    },
}


def _error(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


PATHS: dict[str, Any] = {
    "/api/v1/auth/token": {
        "post": {
            "summary": "Exchange a mainland mobile number and password for a bearer token",
            "security": [],
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": ["phone", "password"],
                            "properties": {
                                "phone": {"type": "string"},
                                "password": {"type": "string"},
                            },
                        }
                    }
                },
            },
            "responses": {
                "201": {
                    "description": "A new token",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["token", "expires_at"],
                                "properties": {
                                    "token": {"type": "string"},
                                    "expires_at": {"type": "string", "format": "date-time"},
                                },
                            }
                        }
                    },
                },
                "401": _error("Unknown phone or wrong password"),
                **openapi_bookings.TOO_LARGE,
                "422": _error("Malformed phone number or body"),
                "429": _error("Too many failed attempts"),
            },
        }
    },
    "/api/v1/me": {
        "get": {
            "summary": "The user of the token",
            "responses": {
                "200": {
                    "description": "The user",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["id", "phone", "display_name", "language"],
                                "properties": {
                                    "id": {"type": "string"},
                                    "phone": {"type": "string"},
                                    "display_name": {"type": "string"},
                                    "language": {"type": "string", "enum": ["zh-CN", "en"]},
                                },
                            }
                        }
                    },
                },
                "401": _error("Missing, invalid or expired token"),
            },
        }
    },
}


def document() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Doorstep API", "version": "1"},
        "paths": {
            **PATHS,
            **openapi_bookings.PATHS,
            **openapi_needs.PATHS,
            **openapi_volunteer.PATHS,
        },
        "security": [{"bearer": []}],
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": ERROR,
                **openapi_bookings.SCHEMAS,
                **openapi_needs.SCHEMAS,
                **openapi_volunteer.SCHEMAS,
            },
        },
    }


async def openapi_json(request: Request) -> Response:
    return JSONResponse(document())


routes = [Route("/api/v1/openapi.json", openapi_json, methods=["GET"], name="api_openapi")]
