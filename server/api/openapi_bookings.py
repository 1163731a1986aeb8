"""OpenAPI paths and schemas of the directory and booking endpoints."""

from __future__ import annotations

from typing import Any


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _error(description: str) -> dict[str, Any]:
    return _json(_ref("Error"), description)


def _page(item: str) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["items", "next"],
        "properties": {
            "items": {"type": "array", "items": _ref(item)},
            "next": {"type": ["string", "null"]},
        },
    }


def _code(name: str = "code") -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}


STRING, NULLABLE_NUMBER = {"type": "string"}, {"type": ["number", "null"]}
DATETIME = {"type": "string", "format": "date-time"}

SCHEMAS: dict[str, Any] = {
    "Centre": {
        "type": "object",
        "required": ["id", "name", "kind", "address"],
        "properties": {
            "id": STRING,
            "name": STRING,
            "name_en": STRING,
            "address": STRING,
            "phone": STRING,
            "kind": {
                "enum": [
                    "city",
                    "district",
                    "street",
                    "community",
                    "building",
                    "park",
                    "business_district",
                    "market",
                ]
            },
            "lat": NULLABLE_NUMBER,
            "lng": NULLABLE_NUMBER,
            "time_zone": STRING,
            "distance_km": {"type": "number"},
        },
    },
    "Material": {
        "type": "object",
        "properties": {
            "name": STRING,
            "name_en": STRING,
            "form": STRING,
            "count": {"type": "integer"},
            "note": STRING,
            "note_en": STRING,
            "condition": STRING,
            "condition_en": STRING,
        },
    },
    "Service": {
        "type": "object",
        "required": ["id", "centre", "name", "bookable", "materials"],
        "properties": {
            "id": STRING,
            "centre": STRING,
            "name": STRING,
            "name_en": STRING,
            "category": STRING,
            "description": STRING,
            "fee": STRING,
            "eligibility": STRING,
            "bookable": {"type": "boolean"},
            "duration_minutes": {"type": "integer"},
            "capacity_per_slot": {"type": "integer"},
            "materials": {"type": "array", "items": _ref("Material")},
        },
    },
    "Slot": {
        "type": "object",
        "required": ["start", "end", "capacity", "remaining"],
        "properties": {
            "start": DATETIME,
            "end": DATETIME,
            "capacity": {"type": "integer"},
            "remaining": {"type": "integer"},
        },
    },
    "Booking": {
        "type": "object",
        "required": ["code", "status", "service", "start", "end"],
        "properties": {
            "code": STRING,
            "service": STRING,
            "service_name": STRING,
            "centre": STRING,
            "centre_name": STRING,
            "status": {"enum": ["booked", "checked_in", "done", "cancelled", "no_show"]},
            "start": DATETIME,
            "end": DATETIME,
            "for_name": STRING,
            "for_phone": STRING,
            "created_at": DATETIME,
        },
    },
    "SlotFull": {
        "type": "object",
        "required": ["error", "message", "alternatives"],
        "properties": {
            "error": {"const": "slot_full"},
            "message": STRING,
            "alternatives": {"type": "array", "items": _ref("Slot")},
        },
    },
}

# A full slot comes with alternatives; any other conflict (a limit reached, too late) is an Error.
FULL_OR_CONFLICT = {"anyOf": [_ref("SlotFull"), _ref("Error")]}
PUBLIC: dict[str, Any] = {"security": []}
AUTH_ERRORS = {"401": _error("Missing, invalid or expired token")}
# Any body that is read may be too large (MAX_BODY_BYTES) or not a JSON object.
TOO_LARGE = {"413": _error("The body is over the size limit")}
NOT_AN_OBJECT = {"422": _error("A body that is not a JSON object, or text that cannot be stored")}

PATHS: dict[str, Any] = {
    "/api/v1/centres": {
        "get": {
            **PUBLIC,
            "summary": "Centres, by node, kind, name or distance",
            "parameters": [
                {"name": n, "in": "query", "required": False, "schema": {"type": "string"}}
                for n in ("node", "kind", "q", "near", "cursor")
            ],
            "responses": {
                "200": _json(_page("Centre"), "A page of centres"),
                "422": _error("Bad filter"),
            },
        }
    },
    "/api/v1/centres/{code}": {
        "get": {
            **PUBLIC,
            "summary": "One centre",
            "parameters": [_code()],
            "responses": {
                "200": _json(_ref("Centre"), "The centre"),
                "404": _error("No such centre"),
            },
        }
    },
    "/api/v1/centres/{code}/services": {
        "get": {
            **PUBLIC,
            "summary": "A centre's services with their materials to bring",
            "parameters": [_code()],
            "responses": {
                "200": _json(_page("Service"), "The services"),
                "404": _error("No such centre"),
            },
        }
    },
    "/api/v1/services/{code}/slots": {
        "get": {
            **PUBLIC,
            "summary": "Bookable slots of a service on a date (times with their offset)",
            "parameters": [
                _code(),
                {
                    "name": "date",
                    "in": "query",
                    "required": True,
                    "schema": {"type": "string", "format": "date"},
                },
            ],
            "responses": {
                "200": _json(
                    {
                        "type": "object",
                        "required": ["date", "slots"],
                        "properties": {
                            "date": {"type": "string", "format": "date"},
                            "slots": {"type": "array", "items": _ref("Slot")},
                        },
                    },
                    "The slots",
                ),
                "404": _error("No such service"),
                "422": _error("Bad date"),
            },
        }
    },
    "/api/v1/bookings": {
        "post": {
            "summary": "Book a slot, for oneself or on behalf of someone",
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": ["service", "start"],
                            "properties": {
                                "service": STRING,
                                "start": DATETIME,
                                "for_name": STRING,
                                "for_phone": STRING,
                            },
                        }
                    }
                },
            },
            "responses": {
                "201": _json(_ref("Booking"), "The booking"),
                **AUTH_ERRORS,
                "404": _error("No such service"),
                "409": _json(FULL_OR_CONFLICT, "Full, or a limit reached"),
                **TOO_LARGE,
                "422": _error("Bad input"),
            },
        },
        "get": {
            "summary": "My bookings",
            "responses": {"200": _json(_page("Booking"), "Bookings"), **AUTH_ERRORS},
        },
    },
    "/api/v1/bookings/{code}": {
        "get": {
            "summary": "One of my bookings",
            "parameters": [_code()],
            "responses": {
                "200": _json(_ref("Booking"), "The booking"),
                **AUTH_ERRORS,
                "404": _error("Not yours"),
            },
        }
    },
    "/api/v1/bookings/{code}/cancel": {
        "post": {
            "summary": "Cancel one of my bookings",
            "parameters": [_code()],
            "responses": {
                "200": _json(_ref("Booking"), "Cancelled"),
                **AUTH_ERRORS,
                "404": _error("Not yours"),
                "409": _error("Too late to change"),
                **TOO_LARGE,
                **NOT_AN_OBJECT,
            },
        }
    },
    "/api/v1/bookings/{code}/reschedule": {
        "post": {
            "summary": "Move one of my bookings; the old time is kept until the new one is held",
            "parameters": [_code()],
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": ["start"],
                            "properties": {"start": DATETIME},
                        }
                    }
                },
            },
            "responses": {
                "200": _json(_ref("Booking"), "The new booking"),
                **AUTH_ERRORS,
                "404": _error("Not yours"),
                "409": _json(FULL_OR_CONFLICT, "Full or too late"),
                **TOO_LARGE,
                "422": _error("Bad input"),
            },
        }
    },
}
