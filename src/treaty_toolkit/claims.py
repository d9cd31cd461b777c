"""Chapter 10: the claims table for the Wilson Center interview with Sung-Yoon Lee.

Each row of ``data/claims.csv`` quotes the transcript verbatim, classifies the claim (documented fact,
interpretation, speculation) and records the check against the treaty texts and the estimates tables.
This module loads it and checks what the schema cannot: that every quote really is in the transcript,
and that every estimate id it cites exists.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from . import readers
from .data import load_table, split_sources
from .estimates import all_estimates

CLASSIFICATIONS = ["documented fact", "interpretation", "speculation"]
# The transcript sits in the project's source pack; the Wilson Center page is its public original.
TRANSCRIPT_URL = "https://www.wilsoncenter.org/video/defense-treaty-between-north-korea-and-russia-raises-alarm-over-war-escalation"


def normalise(text: str) -> str:
    """Collapse whitespace and unify quote marks, so a line break never hides a verbatim match."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip()


def quotes_not_in(claims: pd.DataFrame, transcript: str) -> list[str]:
    """Claim ids whose quote is not, word for word, in the transcript."""
    text = normalise(transcript)
    return [row.claim_id for row in claims.itertuples() if normalise(str(row.quote)) not in text]


def unknown_estimate_ids(claims: pd.DataFrame, estimates: pd.DataFrame) -> dict[str, list[str]]:
    """``{claim_id: [ids not found]}`` for estimate ids cited by a claim but absent from the estimates."""
    known = set(estimates["estimate_id"])
    problems = {}
    for row in claims.itertuples():
        missing = [key for key in split_sources(row.estimate_ids) if key not in known]
        if missing:
            problems[row.claim_id] = missing
    return problems


def load_claims(transcript_path: Path | str | None = None, data_dir=None) -> pd.DataFrame:
    """The claims table, ordered as in the transcript, after checking its estimate ids (and, when a
    transcript file is given, its quotes). Raises ValueError naming the claim ids at fault."""
    claims = load_table("claims", data_dir).sort_values("order", ignore_index=True)
    missing = unknown_estimate_ids(claims, all_estimates(data_dir))
    if missing:
        raise ValueError(f"data/claims.csv: field 'estimate_ids' cites unknown estimates: {missing}")
    if transcript_path is not None:
        not_found = quotes_not_in(claims, Path(transcript_path).read_text(encoding="utf-8"))
        if not_found:
            raise ValueError(f"data/claims.csv: field 'quote' is not verbatim in the transcript for {not_found}")
    return claims


def tally(claims: pd.DataFrame) -> pd.DataFrame:
    """How many claims of each classification got each verdict (rows: classification)."""
    return pd.crosstab(claims["classification"], claims["verdict"]).reindex(CLASSIFICATIONS, fill_value=0)


# --- for readers ----------------------------------------------------------------------------------

READER_NAMES = {"order": "No.", "said_by": "Said by"}


def for_readers(frame: pd.DataFrame, index: str | None = None):
    """A table of claims (rows of ``load_claims``, :func:`tally`) as the page shows it."""
    return readers.table(frame, READER_NAMES, index=index)
