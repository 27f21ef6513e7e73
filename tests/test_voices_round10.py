"""Round 10 of issue 3 (voice-type accuracy): made-up sentences only."""

from __future__ import annotations

import pytest
import yaml

from newsvoices import voices
from newsvoices.model import Article
from newsvoices.pipeline import analyze_article


def _quote_speakers(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(q["cue"], q["speaker"], q["voice_type"]) for q in analyze_article(Article("t", text))["quotes"]]


def test_passive_cue_leaves_its_subject_no_source():
    """'X was asked / was seen / had been told': X is spoken to or acted upon, not the speaker."""
    qs = _quote_speakers("Police Chief Dana Orvell was asked whether the curfew would end early.")
    assert [cue for cue, _, _ in qs] == ["asked"] and all(spk is None for _, spk, _ in qs)
    # the active voice keeps its speaker
    qs = _quote_speakers("Police Chief Dana Orvell asked whether the curfew would end early.")
    assert any(cue == "asked" and spk and "Orvell" in spk for cue, spk, _ in qs)


@pytest.mark.parametrize("text, cue, ok", [
    ("Jo Roe was asked about the plan.", "asked", False),
    ("Jo Roe had been repeatedly told that the plan was off.", "told", False),
    ("Jo Roe is not believed to have left.", "believed", False),
    ("Jo Roe asked why the plan was off.", "asked", True),
    # a stance adjective after "is" is no passive cue
    ("Jo Roe is concerned that the plan is off.", "concerned", True),
])
def test_is_speech_cue_reads_the_passive(text, cue, ok):
    start = text.index(cue)
    assert voices.is_speech_cue(cue, None, text, start, 0) is ok


def test_passive_agent_after_the_cue_stays_the_speaker():
    """'a letter was written by the sheriff': the speaker after the cue is the agent."""
    t = "The letter was written by the sheriff."
    assert voices.is_speech_cue("written", None, t, t.index("written"), t.index("sheriff"))


def test_passive_cues_must_be_a_list(tmp_path):
    data = yaml.safe_load(voices.CODEBOOK_PATH.read_text(encoding="utf-8"))
    data["context"]["passive_cues"] = "asked"
    p = tmp_path / "cb.yml"
    p.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(ValueError, match="passive_cues"):
        voices.load_codebook(p)
    data["context"]["passive_cues"] = ["asked"]
    data["context"]["passive_marker"] = "(?:was"
    p.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(ValueError, match="passive_marker"):
        voices.load_codebook(p)
