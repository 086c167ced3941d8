"""socialwork: the typed domain core of community social work (社会工作).

Records of a social-work station (社工站) live in `socialwork.models`;
the stages of community work and the case lifecycle in
`socialwork.stages`; SWOT, risks, needs, resources and work plans in
`socialwork.planning`; indicators and reports in
`socialwork.metrics`. The library does no I/O and reads no clock:
anything that depends on "today" takes the date as an argument.

Examples:
    >>> import socialwork
    >>> socialwork.models.ClientCategory.LEFT_BEHIND_CHILDREN.label()
    '留守儿童'
    >>> issubclass(socialwork.SocialWorkError, ValueError)
    True
"""

from importlib.metadata import version as _version

from socialwork import metrics, models, planning, stages
from socialwork.errors import (
    InvalidStageMove,
    InvalidTransition,
    MalformedLifecycle,
    MetricInputError,
    PlanningInputError,
    SocialWorkError,
    TransitionBlocked,
    UnknownLanguageError,
    WrongStageEvidence,
)
from socialwork.labels import LANGUAGES, LabelledEnum, Language

__version__ = _version("socialwork")

__all__ = [
    "LANGUAGES",
    "InvalidStageMove",
    "InvalidTransition",
    "LabelledEnum",
    "Language",
    "MalformedLifecycle",
    "MetricInputError",
    "PlanningInputError",
    "SocialWorkError",
    "TransitionBlocked",
    "UnknownLanguageError",
    "WrongStageEvidence",
    "__version__",
    "metrics",
    "models",
    "planning",
    "stages",
]
