"""OpenAPI paths and schemas of the member endpoints: tasks for me, claim, complete, my hours."""

from __future__ import annotations

from typing import Any

from server.api.openapi_bookings import AUTH_ERRORS, DATETIME, STRING, _code, _error, _json, _ref
from server.api.openapi_needs import NULLABLE_DATETIME, NULLABLE_STRING, PHOTO_FILES

DECIMAL = {**STRING, "pattern": r"^-?\d+(\.\d+)?$", "description": "A decimal number of hours"}
CLAIM_STATUSES = [
    "claimed",
    "in_progress",
    "completed",
    "confirmed",
    "disputed",
    "verified",
    "released",
    "returned",
]
NOT_VERIFIED = _error("Not a verified member, or the report-in has lapsed")
ISO_TIME = {
    **DATETIME,
    "description": "ISO 8601 with its offset, e.g. 2026-12-05T09:00:00+08:00",
}
WORK_FIELDS: dict[str, Any] = {
    "note": {**STRING, "description": "What was done"},
    "started_at": ISO_TIME,
    "ended_at": {**ISO_TIME, "description": "After the start, not in the future, at most 12 h"},
}
WORK_REQUIRED = ["note", "started_at", "ended_at"]

SCHEMAS: dict[str, Any] = {
    "Task": {
        "type": "object",
        "required": ["code", "title", "centre", "place", "starts_at", "ends_at", "places_left"],
        "properties": {
            "code": STRING,
            "title": STRING,
            "description": STRING,
            "source": {"enum": ["need", "small_wish", "project", "other"]},
            "centre": STRING,
            "centre_name": STRING,
            "place": {**STRING, "description": "The community or grid code of the task"},
            "place_name": STRING,
            "starts_at": {**NULLABLE_DATETIME, "description": "null: no fixed time"},
            "ends_at": NULLABLE_DATETIME,
            "estimated_hours": DECIMAL,
            "places_left": {"type": "integer", "minimum": 0},
            "claim_days": {"type": "integer", "description": "A claim is due this many days on"},
            "skills": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["code", "name"],
                    "properties": {"code": STRING, "name": STRING, "name_en": STRING},
                },
            },
        },
    },
    "ScorePart": {
        "type": "object",
        "required": ["name", "points", "reason", "params"],
        "properties": {
            "name": {"enum": ["skill", "place", "time", "fair", "reliability"]},
            "points": {"type": "number"},
            "reason": {**STRING, "description": "Why, in the language of Accept-Language"},
            "params": {
                "type": "object",
                "description": "The reason's data, e.g. matched, asked and skills of a skill part",
            },
        },
    },
    "TaskForMe": {
        "type": "object",
        "required": ["task", "score"],
        "properties": {
            "task": _ref("Task"),
            "score": {
                "type": "object",
                "required": ["total", "parts"],
                "properties": {
                    "total": {"type": "number", "description": "The sum of the parts' points"},
                    "parts": {"type": "array", "items": _ref("ScorePart")},
                },
            },
        },
    },
    "Claim": {
        "type": "object",
        "required": ["code", "status", "task", "claimed_at", "due_at", "photos"],
        "properties": {
            "code": STRING,
            "status": {"enum": CLAIM_STATUSES},
            "task": {**STRING, "description": "The task's code"},
            "task_title": STRING,
            "claimed_at": DATETIME,
            "due_at": {**DATETIME, "description": "Released back to the pool if not done by then"},
            "work_started_at": NULLABLE_DATETIME,
            "work_ended_at": NULLABLE_DATETIME,
            "completion_note": STRING,
            "completed_at": NULLABLE_DATETIME,
            "confirmed_at": NULLABLE_DATETIME,
            "auto_confirmed": {"type": "boolean"},
            "dispute_reason": {**STRING, "description": "What the resident says is not done"},
            "verified_at": NULLABLE_DATETIME,
            "ended_reason": {**STRING, "description": "Why it was given back or released"},
            "photos": {
                "type": "array",
                "description": "The evidence photos",
                "items": {
                    "type": "object",
                    "required": ["id"],
                    "properties": {
                        "id": STRING,
                        "width": {"type": "integer"},
                        "height": {"type": "integer"},
                    },
                },
            },
        },
    },
    "HoursEntry": {
        "type": "object",
        "required": ["id", "date", "hours", "kind", "corrects", "effective", "verification"],
        "properties": {
            "id": {"type": "integer"},
            "date": {**STRING, "format": "date", "description": "The day of the service"},
            "hours": {**DECIMAL, "description": "Negative in a correction that lowers"},
            "kind": {"enum": ["credit", "correction"]},
            "corrects": {
                "type": ["integer", "null"],
                "description": "A correction: the id of the credit it corrects",
            },
            "effective": {
                **DECIMAL,
                "description": "What the credit behind this entry counts now: it and all its "
                "corrections",
            },
            "description": STRING,
            "claim": {**NULLABLE_STRING, "description": "The code of the claim credited"},
            "verification": {
                **STRING,
                "description": "How it was verified: staff, resident+staff, "
                "auto_confirmed+staff, correction",
            },
            "verified_by": {"enum": ["staff", None], "description": "A role, never a name"},
            "recorded_at": DATETIME,
        },
    },
    "HoursRecord": {
        "type": "object",
        "required": ["total", "entries"],
        "properties": {
            "total": {**DECIMAL, "description": "Always the sum of the entries' hours"},
            "entries": {
                "type": "array",
                "items": _ref("HoursEntry"),
                "description": "Append-only; in the order of service, corrections after "
                "what they correct",
            },
        },
    },
}

CLAIM = _json(_ref("Claim"), "The claim")

PATHS: dict[str, Any] = {
    "/api/v1/tasks/for-me": {
        "get": {
            "summary": "Open tasks for me, best first, each with the parts of its score",
            "parameters": [
                {
                    "name": "limit",
                    "in": "query",
                    "required": False,
                    "schema": {"type": "integer", "minimum": 1, "maximum": 50, "default": 20},
                },
                {
                    "name": "Accept-Language",
                    "in": "header",
                    "required": False,
                    "schema": STRING,
                    "description": "The language of the reasons: zh-CN (default) or en",
                },
            ],
            "responses": {
                "200": _json(
                    {
                        "type": "object",
                        "required": ["items"],
                        "properties": {"items": {"type": "array", "items": _ref("TaskForMe")}},
                    },
                    "The suggestions",
                ),
                **AUTH_ERRORS,
                "403": NOT_VERIFIED,
                "422": _error("A limit that is not a whole number from 1 to 50"),
            },
        }
    },
    "/api/v1/tasks/{code}/claim": {
        "post": {
            "summary": "Claim a place on a task; the claim is due claim_days later",
            "parameters": [_code()],
            "responses": {
                "201": {**CLAIM, "description": "Claimed"},
                **AUTH_ERRORS,
                "403": NOT_VERIFIED,
                "404": _error("No such task"),
                "409": _error(
                    "Every place is taken (error task_full), already claimed or done by me, "
                    "the task is over or closed, or my monthly pledge is reached"
                ),
            },
        }
    },
    "/api/v1/claims/{code}/complete": {
        "post": {
            "summary": "Record the work done on my claim, with up to 6 evidence photos",
            "parameters": [_code()],
            "requestBody": {
                "required": True,
                "content": {
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "required": WORK_REQUIRED,
                            "properties": {**WORK_FIELDS, "photos": PHOTO_FILES},
                        },
                        "encoding": {
                            "photos": {"contentType": "image/jpeg, image/png, image/webp"}
                        },
                    },
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": WORK_REQUIRED,
                            "properties": WORK_FIELDS,
                        }
                    },
                },
            },
            "responses": {
                "200": {**CLAIM, "description": "Recorded; waiting for the resident or staff"},
                "400": _error("A body that cannot be read (malformed multipart)"),
                **AUTH_ERRORS,
                "404": _error("No such claim, or not mine"),
                "409": _error("The claim has moved on (recorded, released or given back)"),
                "413": _error("The body is over the upload limit"),
                "422": _error("Bad times, no note or a refused photo; every problem is in fields"),
            },
        }
    },
    "/api/v1/me/hours": {
        "get": {
            "summary": "My volunteer-hours ledger and its total",
            "responses": {
                "200": _json(_ref("HoursRecord"), "The ledger"),
                **AUTH_ERRORS,
                "403": _error("Not a member who reported in"),
            },
        }
    },
}
