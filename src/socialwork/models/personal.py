"""Where personal data lives: the fields a record marks as personal."""

from __future__ import annotations

from socialwork.records import personal_fields as personal_fields

__all__: list[str] = []
