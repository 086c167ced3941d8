"""socialwork: the typed domain core of community social work (社会工作).

Records of a social-work station (社工站) live in `socialwork.models`;
the stages of community work and the case lifecycle in
`socialwork.stages`; recurring duties, festivals and working days in
`socialwork.calendars`; SWOT, risks, needs and resources in
`socialwork.analysis`; work plans, their goals and reviews in
`socialwork.plans`; indicators and reports in `socialwork.metrics`; the
station's own people (supervision, training, approvals, careers,
appraisal) in `socialwork.team`. The
library does no I/O and reads no clock: anything that depends on "today"
takes the date as an argument.

Examples:
    >>> import socialwork
    >>> socialwork.models.ClientCategory.LEFT_BEHIND_CHILDREN.label()
    '留守儿童'
    >>> issubclass(socialwork.SocialWorkError, ValueError)
    True
"""

from importlib import import_module as _import_module
from importlib.metadata import version as _version
from types import ModuleType as _ModuleType
from typing import TYPE_CHECKING

from socialwork.errors import (
    ArgumentError,
    ConsentRequired,
    InvalidStageMove,
    InvalidTransition,
    MalformedLifecycle,
    MetricInputError,
    OutOfCalendarRange,
    PlanningInputError,
    SocialWorkError,
    TransitionBlocked,
    UnknownCodeError,
    UnknownLanguageError,
    UnknownRegionWarning,
    WrongStageEvidence,
)
from socialwork.labels import LANGUAGES, LabelledEnum, Language

if TYPE_CHECKING:
    from socialwork import analysis, calendars, metrics, models, plans, privacy, stages, team

__version__ = _version("socialwork")
"""The installed version of socialwork, such as ``"0.1.0"`` (see the versioning policy)."""

_SUBPACKAGES = frozenset(
    {"analysis", "calendars", "metrics", "models", "plans", "privacy", "stages", "team"}
)


def __getattr__(name: str) -> _ModuleType:
    """Import a subpackage on first use, so that importing one does not import the others."""
    if name in _SUBPACKAGES:
        return _import_module(f"socialwork.{name}")
    raise AttributeError(f"module 'socialwork' has no attribute {name!r}")


__all__ = [
    "LANGUAGES",
    "ArgumentError",
    "ConsentRequired",
    "InvalidStageMove",
    "InvalidTransition",
    "LabelledEnum",
    "Language",
    "MalformedLifecycle",
    "MetricInputError",
    "OutOfCalendarRange",
    "PlanningInputError",
    "SocialWorkError",
    "TransitionBlocked",
    "UnknownCodeError",
    "UnknownLanguageError",
    "UnknownRegionWarning",
    "WrongStageEvidence",
    "__version__",
    "analysis",
    "calendars",
    "metrics",
    "models",
    "plans",
    "privacy",
    "stages",
    "team",
]
