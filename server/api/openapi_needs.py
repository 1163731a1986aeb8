"""OpenAPI paths and schemas of the needs endpoints: post (with photos), list, read, act."""

from __future__ import annotations

from typing import Any

from server.api.openapi_bookings import (
    AUTH_ERRORS,
    DATETIME,
    NOT_AN_OBJECT,
    STRING,
    TOO_LARGE,
    _code,
    _error,
    _json,
    _page,
    _ref,
)

NULLABLE_STRING = {"type": ["string", "null"]}
NULLABLE_DATETIME = {"type": ["string", "null"], "format": "date-time"}
STATUSES = [
    "submitted",
    "accepted",
    "rejected",
    "duplicate",
    "assigned",
    "open_for_claim",
    "in_progress",
    "resolved",
    "reopened",
    "confirmed",
    "closed",
]
RATINGS = ["satisfied", "basically_satisfied", "dissatisfied"]

FORM_FIELDS: dict[str, Any] = {
    "centre": {**STRING, "description": "The code of the centre the need is for"},
    "kind": {"enum": ["need", "small_wish"], "default": "need"},
    "category": {**STRING, "description": "A category code of the centre, of the same kind"},
    "title": {**STRING, "maxLength": 100},
    "description": {**STRING, "maxLength": 2000},
    "place": {**STRING, "description": "A community or grid code under the centre"},
    "address": {**STRING, "maxLength": 200, "description": "Exact address; kept private"},
    "urgency": {"enum": ["low", "normal", "high", "urgent"], "default": "normal"},
    "preferred_time": {**STRING, "maxLength": 100},
    "wish_item": {**STRING, "maxLength": 100, "description": "Required for a small wish"},
    "budget_cap": {**STRING, "description": "Yuan, e.g. 50 or 49.90"},
    "on_behalf": {
        **STRING,
        "enum": ["", "1"],
        "description": "1: for someone else (grid workers and centre staff only)",
    },
    "contact_name": {**STRING, "description": "With on_behalf: who needs help"},
    "contact_phone": {**STRING, "description": "With on_behalf: their mainland mobile number"},
}
REQUIRED = ["centre", "category", "title"]

PHOTO_FILES = {
    "type": "array",
    "maxItems": 6,
    "description": "Up to 6 JPEG, PNG or WebP photos of at most 10 MB each; stored re-encoded, "
    "without their metadata",
    "items": {"type": "string", "format": "binary", "contentMediaType": "image/*"},
}

SCHEMAS: dict[str, Any] = {
    "NeedSummary": {
        "type": "object",
        "required": ["code", "kind", "status", "centre", "title", "created_at"],
        "properties": {
            "code": STRING,
            "kind": {"enum": ["need", "small_wish"]},
            "status": {"enum": STATUSES},
            "centre": STRING,
            "centre_name": STRING,
            "category": NULLABLE_STRING,
            "category_name": STRING,
            "category_name_en": STRING,
            "title": STRING,
            "urgency": {"enum": ["low", "normal", "high", "urgent"]},
            "place": STRING,
            "place_name": STRING,
            "created_at": DATETIME,
        },
    },
    "NeedPhoto": {
        "type": "object",
        "required": ["id", "stage", "url", "thumb_url"],
        "properties": {
            "id": STRING,
            "stage": {"enum": ["request", "resolution", "evidence"]},
            "width": {"type": "integer"},
            "height": {"type": "integer"},
            "url": {
                **NULLABLE_STRING,
                "format": "uri",
                "description": "The full photo; null unless the caller may see originals "
                "(requester, poster, assignee, the centre's staff)",
            },
            "thumb_url": {
                **NULLABLE_STRING,
                "format": "uri",
                "description": "null until the thumbnail is made",
            },
        },
    },
    "NeedEvent": {
        "type": "object",
        "required": ["action", "from", "to", "at", "note", "actor"],
        "properties": {
            "action": STRING,
            "from": NULLABLE_STRING,
            "to": STRING,
            "at": DATETIME,
            "note": STRING,
            "actor": {"enum": ["requester", "poster", "assignee", "staff", "system"]},
        },
    },
    "Need": {
        "allOf": [
            _ref("NeedSummary"),
            {
                "type": "object",
                "required": ["deadlines", "rating", "photos", "events"],
                "properties": {
                    "description": STRING,
                    "preferred_time": STRING,
                    "wish_item": STRING,
                    "budget_cap": NULLABLE_STRING,
                    "assigned_department": STRING,
                    "status_reason": STRING,
                    "deadlines": {
                        "type": "object",
                        "properties": {
                            "response_due": NULLABLE_DATETIME,
                            "resolution_due": NULLABLE_DATETIME,
                            "due": {
                                **NULLABLE_DATETIME,
                                "description": "The deadline that applies now",
                            },
                        },
                    },
                    "rating": {
                        "oneOf": [
                            {"type": "null"},
                            {
                                "type": "object",
                                "properties": {
                                    "value": {"enum": RATINGS},
                                    "comment": STRING,
                                    "at": DATETIME,
                                },
                            },
                        ]
                    },
                    "photos": {"type": "array", "items": _ref("NeedPhoto")},
                    "events": {
                        "type": "array",
                        "items": _ref("NeedEvent"),
                        "description": "The history, oldest first; empty unless the caller "
                        "asked, posted, is assigned or supervises",
                    },
                    "contact_name": STRING,
                    "contact_phone": {
                        **STRING,
                        "description": "Present only for those who may see it (the requester, "
                        "and until it is closed the centre's staff and the assignee); "
                        "each such view is audited",
                    },
                    "address": STRING,
                },
            },
        ]
    },
}

NEED = _json(_ref("Need"), "The need as the caller may see it")
NOT_SEEN = {"404": _error("No such need, or not one the caller may see")}


def _body(schema: dict[str, Any]) -> dict[str, Any]:
    return {"required": True, "content": {"application/json": {"schema": schema}}}


def _action(summary: str, body: dict[str, Any] | None, errors: dict[str, str]) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "summary": summary,
        "parameters": [_code()],
        "responses": {
            "200": NEED,
            **AUTH_ERRORS,
            "403": _error("Only the requester may do this"),
            **NOT_SEEN,
            **TOO_LARGE,
            **NOT_AN_OBJECT,
            **{status: _error(text) for status, text in errors.items()},
        },
    }
    if body is not None:
        operation["requestBody"] = _body(body)
    return {"post": operation}


PATHS: dict[str, Any] = {
    "/api/v1/needs": {
        "post": {
            "summary": "Post a need or small wish to a centre, with up to 6 photos",
            "requestBody": {
                "required": True,
                "content": {
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "required": REQUIRED,
                            "properties": {**FORM_FIELDS, "photos": PHOTO_FILES},
                        },
                        "encoding": {
                            "photos": {"contentType": "image/jpeg, image/png, image/webp"}
                        },
                    },
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": REQUIRED,
                            "properties": {
                                **FORM_FIELDS,
                                "on_behalf": {"type": ["boolean", "string"]},
                            },
                        }
                    },
                },
            },
            "responses": {
                "201": {
                    **NEED,
                    "description": "Posted",
                    "headers": {
                        "Location": {
                            "description": "The need's address in the API",
                            "schema": {**STRING, "format": "uri"},
                        }
                    },
                },
                "400": _error("A body that cannot be read (malformed multipart)"),
                **AUTH_ERRORS,
                "403": _error("Posting for someone else without being allowed to"),
                "404": _error("No such centre"),
                "413": _error("The body is over the upload limit"),
                "422": _error("Bad fields or a refused photo; every problem is in fields"),
                "429": _error("Too many needs posted today"),
            },
        },
        "get": {
            "summary": "My needs (asked for, or posted for someone), newest first",
            "parameters": [
                {
                    "name": "cursor",
                    "in": "query",
                    "required": False,
                    "schema": STRING,
                    "description": "The next of the previous page",
                }
            ],
            "responses": {
                "200": _json(_page("NeedSummary"), "A page of needs"),
                **AUTH_ERRORS,
                "422": _error("Unknown cursor"),
            },
        },
    },
    "/api/v1/needs/{code}": {
        "get": {
            "summary": "One need with its photos, deadlines, rating and history",
            "parameters": [_code()],
            "responses": {"200": NEED, **AUTH_ERRORS, **NOT_SEEN},
        }
    },
    "/api/v1/needs/{code}/confirm": _action(
        "Confirm that a resolved need is fixed",
        None,
        {"409": "The need is not resolved (or moved on meanwhile)"},
    ),
    "/api/v1/needs/{code}/reopen": _action(
        "Say that a resolved need is not fixed, with a note",
        {"type": "object", "required": ["note"], "properties": {"note": STRING}},
        {"409": "The need is not resolved (or moved on meanwhile)", "422": "The note is missing"},
    ),
    "/api/v1/needs/{code}/rate": _action(
        "Rate how a confirmed need was handled, once; dissatisfied reopens it",
        {
            "type": "object",
            "required": ["rating"],
            "properties": {"rating": {"enum": RATINGS}, "comment": STRING},
        },
        {"409": "Not confirmed yet, or already rated", "422": "Unknown rating"},
    ),
}
