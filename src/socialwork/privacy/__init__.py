"""People's data (个人信息): consent enforced, redaction (脱敏) and duplicate clients.

Examples:
    >>> from datetime import date
    >>> from socialwork.models import Client
    >>> from socialwork.privacy import redact
    >>> wang = Client(id="p1", name="王丽", community_id="c1", registered_on=date(2025, 1, 1))
    >>> redact(wang, "partner", key=bytes(16)).name
    '王*'
"""

from __future__ import annotations

from socialwork.privacy.consent import (
    ConsentCheck,
    check_publication,
    check_sharing,
    is_child,
    refer,
)
from socialwork.privacy.duplicates import (
    Agreement,
    DuplicatePair,
    DuplicateSearch,
    find_duplicates,
)
from socialwork.privacy.merge import (
    FieldConflict,
    MergedRecords,
    MergePlan,
    apply_merge,
    merge_plan,
)
from socialwork.privacy.redact import (
    Audience,
    age_band,
    mask_id_number,
    mask_name,
    mask_phone,
    pseudonym,
    redact,
    redact_text,
)

__all__ = [
    "Agreement",
    "Audience",
    "ConsentCheck",
    "DuplicatePair",
    "DuplicateSearch",
    "FieldConflict",
    "MergePlan",
    "MergedRecords",
    "age_band",
    "apply_merge",
    "check_publication",
    "check_sharing",
    "find_duplicates",
    "is_child",
    "mask_id_number",
    "mask_name",
    "mask_phone",
    "merge_plan",
    "pseudonym",
    "redact",
    "redact_text",
    "refer",
]
