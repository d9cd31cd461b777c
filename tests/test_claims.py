"""Tests for treaty_toolkit.claims (chapter 10)."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from treaty_toolkit import claims as cl

TRANSCRIPT = "The crux of the treaty is article four,\nwhich states quite clearly that it can't be any clearer."


def _claims(rows):
    return pd.DataFrame(rows, columns=["claim_id", "quote", "estimate_ids", "classification", "verdict"])


def test_quotes_match_across_line_breaks_and_curly_apostrophes():
    claims = _claims([["a", "article four, which states", None, "interpretation", "consistent"],
                      ["b", "it can\u2019t be any clearer", None, "interpretation", "consistent"],
                      ["c", "article 4 which states", None, "interpretation", "consistent"]])
    assert cl.quotes_not_in(claims, TRANSCRIPT) == ["c"]


def test_unknown_estimate_ids_are_reported_per_claim():
    claims = _claims([["a", "q", "x-1;y-2", "speculation", "not checkable"], ["b", "q", None, "speculation", "consistent"]])
    estimates = pd.DataFrame({"estimate_id": ["x-1"]})
    assert cl.unknown_estimate_ids(claims, estimates) == {"a": ["y-2"]}


def test_tally_lists_every_classification():
    claims = _claims([["a", "q", None, "speculation", "not checkable"]])
    table = cl.tally(claims)
    assert list(table.index) == cl.CLASSIFICATIONS
    assert table.loc["speculation", "not checkable"] == 1 and table.loc["interpretation"].sum() == 0


def source_pack_transcript():
    """The interview transcript, from the source pack named by TREATY_SOURCE_PACK (.ci/run sets it).

    The transcript is a third-party publication and is not copied into the repository. Where the
    variable is set, a missing file fails; on a machine without the pack the test reports itself
    skipped with that reason.
    """
    configured = os.environ.get("TREATY_SOURCE_PACK")
    if not configured:
        pytest.skip("the source pack is not on this machine (set TREATY_SOURCE_PACK to its folder to check "
                    "every quotation in data/claims.csv against the interview transcript)")
    transcript = Path(configured) / "interview-transcript.txt"
    if not transcript.is_file():
        pytest.fail(f"TREATY_SOURCE_PACK={configured}, but {transcript} does not exist")
    return transcript


def test_real_claims_are_verbatim_and_cite_real_estimates(root):
    claims = cl.load_claims(source_pack_transcript(), root / "data")
    assert len(claims) >= 10
    assert set(claims["classification"]) == set(cl.CLASSIFICATIONS)
    # The claims chapter 10 discusses are all in the table.
    assert {"article4-paraphrase", "automatic", "same-as-1961", "deployed-to-ukraine", "containers",
            "ten-million-shells"} <= set(claims["claim_id"])


def test_load_claims_fails_on_a_quote_not_in_the_transcript(root, tmp_path):
    fake = tmp_path / "transcript.txt"
    fake.write_text("Nothing the speaker said.", encoding="utf-8")
    with pytest.raises(ValueError, match="not verbatim in the transcript"):
        cl.load_claims(fake, root / "data")
