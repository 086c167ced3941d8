"""Evaluation (评估): is anyone better off? Scales, pre/post pairing, change and goal attainment.

The fourth stage of community work asks whether a service made a
difference. This room answers with the methods the literature uses and
states every rule it applies:

* scales as data (`Scale`, `scale`): the GDS-15, the Barthel Index and the
  Rosenberg self-esteem scale built in; the SDQ and the Zarit burden
  interview known by name and refusing to score;
* `pre_post`: each client's baseline and follow-up by date, the unpaired
  counted by reason;
* `paired_change`: mean change, the paired t-test, the Wilcoxon signed-rank
  test and the effect sizes d_z, d_av and Hedges' g_av;
* `reliable_change`: Jacobson and Truax's reliable change index and
  clinical cut-offs, each client classed, the classes with Wilson intervals;
* `goal_attainment_tscore`: Kiresuk and Sherman's T-score (ρ = 0.3 by
  default), and `mean_gas_tscore` over closed cases;
* evaluation records (`Evaluation`) that a plan review can cite, and the
  two "better off" indicators (`socialwork.evaluation.better_off`), measured
  from an `OutcomeRecords` bundle into a section of the monthly report
  (`better_off_section`).

Each result shows itself (tables in Simplified Chinese, Traditional
Chinese and English, with charts) and exports rows for
`socialwork.frames.to_frame`.

Examples:
    >>> from datetime import date
    >>> from socialwork.samples import mood_group_administrations
    >>> pairs = pre_post(mood_group_administrations(), "gds15",
    ...                  start=date(2025, 3, 4), end=date(2025, 5, 27))
    >>> change = paired_change(pairs.before, pairs.after)
    >>> change.mean_change, round(change.t_test.pvalue, 4)
    (-2.8, 0.0343)
"""

from socialwork.errors import EvaluationInputError, ScaleNotLicensed
from socialwork.evaluation.better_off import (
    MEAN_GAS_TSCORE,
    RELIABLE_IMPROVEMENT,
    OutcomeRecords,
    better_off_section,
    reliable_improvement_rate,
)
from socialwork.evaluation.change import PairedChange, SignedRankTest, TTest, paired_change
from socialwork.evaluation.gas import (
    AttainmentScale,
    GasTScore,
    GoalScaling,
    MeanTScore,
    goal_attainment_tscore,
    mean_gas_tscore,
)
from socialwork.evaluation.pairing import (
    Pair,
    PairingRule,
    PrePost,
    Unpaired,
    UnpairedReason,
    pre_post,
)
from socialwork.evaluation.records import (
    Evaluation,
    EvaluationKind,
    Evaluator,
    Finding,
    evaluations_for,
)
from socialwork.evaluation.reliable import (
    ChangeClass,
    ClientChange,
    Cutoff,
    CutoffCriterion,
    ReliableChange,
    clinical_cutoff,
    reliable_change,
)
from socialwork.evaluation.scales import (
    Band,
    Licence,
    Scale,
    ScaleItem,
    ScaleScore,
    Subscale,
    SubscaleScore,
    scale,
)

__all__ = [
    "MEAN_GAS_TSCORE",
    "RELIABLE_IMPROVEMENT",
    "AttainmentScale",
    "Band",
    "ChangeClass",
    "ClientChange",
    "Cutoff",
    "CutoffCriterion",
    "Evaluation",
    "EvaluationInputError",
    "EvaluationKind",
    "Evaluator",
    "Finding",
    "GasTScore",
    "GoalScaling",
    "Licence",
    "MeanTScore",
    "OutcomeRecords",
    "Pair",
    "PairedChange",
    "PairingRule",
    "PrePost",
    "ReliableChange",
    "Scale",
    "ScaleItem",
    "ScaleNotLicensed",
    "ScaleScore",
    "SignedRankTest",
    "Subscale",
    "SubscaleScore",
    "TTest",
    "Unpaired",
    "UnpairedReason",
    "better_off_section",
    "clinical_cutoff",
    "evaluations_for",
    "goal_attainment_tscore",
    "mean_gas_tscore",
    "paired_change",
    "pre_post",
    "reliable_change",
    "reliable_improvement_rate",
    "scale",
]
