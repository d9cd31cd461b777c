"""Auto-checks for the exercise notebooks, one module per chapter (``from treaty_toolkit.checks import ...``).

Every check is defined with :func:`.core.exercise_check`: it prints ``Correct.`` or ``Not yet: <hint>``
(or "not answered yet" while the task still holds its placeholder) and returns ``True`` or ``False``.
"""

from treaty_toolkit.checks.alliances import (
    CODED_VARIABLES,
    check_alliance_scores,
    check_alliance_selection,
    check_coded_differences,
)
from treaty_toolkit.checks.article4 import (
    ARTICLE4_PARTS,
    check_article4_parts,
    check_required_broad,
    check_trigger_count,
)
from treaty_toolkit.checks.commentary import check_claim_counts
from treaty_toolkit.checks.context import check_days_after_signature, check_events_between
from treaty_toolkit.checks.core import NOT_ANSWERED
from treaty_toolkit.checks.numbers import check_known_before, check_open_ended, check_per_container
from treaty_toolkit.checks.reactions import check_delays, check_first_dates, check_kind_counts, check_topic_counts
from treaty_toolkit.checks.reading import check_article_sources, check_known_counts, check_timing_pair
from treaty_toolkit.checks.revived import check_added_qualifiers, check_shared_share

__all__ = [
    "ARTICLE4_PARTS", "CODED_VARIABLES", "NOT_ANSWERED",
    "check_added_qualifiers", "check_alliance_scores", "check_alliance_selection", "check_article4_parts",
    "check_article_sources", "check_claim_counts", "check_coded_differences", "check_days_after_signature",
    "check_delays", "check_events_between", "check_first_dates", "check_kind_counts", "check_known_before",
    "check_known_counts", "check_open_ended", "check_per_container", "check_required_broad",
    "check_shared_share", "check_timing_pair", "check_topic_counts", "check_trigger_count",
]
