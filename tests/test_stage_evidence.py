"""Evidence is untrusted page text of any size (redteam F13: a 5 MB paragraph added 45 MB of
history a night, once per program): what the history keeps of a long text is bounded."""

from __future__ import annotations

import hashlib

from crawler.history.stage import MAX_EVIDENCE_CHARS, merge


def fact(text: str, value="3.00") -> dict:
    return {"field": "min_gpa", "text": text, "url": "https://www.example.edu/admissions", "programs": ["*"],
            "value": value}


def test_a_huge_text_is_kept_as_its_start_its_length_and_its_hash():
    text = "Applicants need a 3.0 GPA. " + "Lorem ipsum dolor sit amet. " * 200_000  # about 5.6 MB
    observation = merge(["u/a", "u/b"], [fact(text)])[("u/a", "min_gpa")]
    (evidence,) = observation.evidence
    assert len(evidence["text"]) == MAX_EVIDENCE_CHARS + 1 and evidence["text"].startswith("Applicants need a 3.0 GPA.")
    assert evidence["chars"] == len(text) and evidence["sha256"] == hashlib.sha256(text.encode()).hexdigest()
    assert len(evidence.get("clause", "")) <= MAX_EVIDENCE_CHARS + 1


def test_a_text_within_the_cap_is_kept_whole():
    text = "Applicants need a 3.0 GPA on the last 60 hours of coursework."
    (evidence,) = merge(["u/a"], [fact(text)])[("u/a", "min_gpa")].evidence
    assert evidence["text"] == text and "sha256" not in evidence and "chars" not in evidence


def test_the_history_keeps_of_a_huge_fact_text_the_part_the_normalizers_read(tmp_path):
    """A 5 MB paragraph is stored as the MAX_CHARS characters the normalizers read (their own cap,
    applied before any regex), so renormalizing the stored text reads the same value."""
    from crawler.history.db import open_history
    from crawler.history.stage import SpiderData, stage
    from crawler.normalize import parse_gpa
    from crawler.normalize.text import MAX_CHARS

    # One long run after the GPA's sentence: the clause that binds the value is that sentence, whose
    # words the GPA reader knows (a text of over 40 sentences is judged whole by the familiar-wording gate).
    text = "Applicants must have a 3.0 GPA. " + "Lorem ipsum dolor sit amet " * 200_000
    data = SpiderData("example", institution={"institution_id": "example", "name": "Example University"},
                      programs={"example/mlis": {"program_id": "example/mlis", "institution_id": "example",
                                                 "url": "https://www.example.edu/mlis"}},
                      facts=[{**fact(text), "institution_id": "example"}], pages=[],
                      summary={"finish_reason": "finished", "stats": {}})
    db = open_history(tmp_path / "history.db")
    db["crawls"].insert({"crawl_id": "c1", "source": "test", "started_at": "2026-11-01T00:00:00+00:00",
                         "observed_on": "2026-11-01", "status": "running"})
    stage(db, "c1", {"example": data})
    (stored,) = [row[0] for row in db.execute("SELECT text FROM facts WHERE crawl_id = 'c1'")]
    assert len(stored) == MAX_CHARS < len(text)
    assert parse_gpa(stored) == parse_gpa(text) is not None
