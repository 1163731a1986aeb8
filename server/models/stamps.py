"""Stamps: counters that writers bump so every process knows its cached copies are old."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class Stamp(Model):
    """One named counter, see server.cache; a missing row reads as 0."""

    name = fields.CharField(max_length=32, primary_key=True)
    value = fields.BigIntField(default=0)

    class Meta:
        table = "stamps"
