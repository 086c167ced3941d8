"""Where personal data lives: the fields a record marks as personal."""

from __future__ import annotations

from socialwork.records import personal_fields

__all__ = ["personal_fields"]
