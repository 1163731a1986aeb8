"""Tortoise models, one module per aggregate; the ``models`` app lists them all."""

MODEL_MODULES = [
    "server.models.accounts",
    "server.models.places",
    "server.models.bookings",
    "server.models.needs",
    "server.models.members",
    "server.models.notifications",
    "server.models.audit",
    "server.models.jobs",
    "server.models.stamps",
]
