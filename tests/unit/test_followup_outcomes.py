"""Outcome events read from recorded visits: every event type, sperm in the ejaculate by its first date."""

from __future__ import annotations

from datetime import date

from exoconsult.domain.followup_fields import OUTCOME_KINDS, outcome_events


def test_every_outcome_event_type_from_the_visits_that_reported_it():
    visits = [
        ("month6", date(2026, 7, 1), {"sperm_seen": "present", "retrieval_done": False, "icsi_done": True,
                                      "icsi_date": "2026-06-20", "icsi_fertilisation": True,
                                      "icsi_embryo_transfer": True, "clinical_pregnancy": True,
                                      "clinical_pregnancy_date": "2026-06-30", "pregnancy_outcome": "none"}),
        ("month3", date(2026, 4, 1), {"sperm_seen": "rare_after_centrifugation", "retrieval_done": True,
                                      "retrieval_date": "2026-03-25", "retrieval_technique": "micro_tese",
                                      "retrieval_sperm_found": True, "retrieval_sperm_frozen": True,
                                      "retrieval_histology": "hypospermatogenesis"}),
        ("month12", date(2027, 1, 10), {"sperm_seen": "none", "pregnancy_outcome": "live_birth",
                                        "pregnancy_outcome_date": "2027-01-02", "congenital_anomaly": "anomaly",
                                        "congenital_anomaly_description": "hypospadias"}),
    ]
    events = outcome_events(visits)
    assert [(e.kind, e.on.isoformat(), e.visit_key) for e in events] == [
        ("sperm_retrieval", "2026-03-25", "month3"),
        ("sperm_in_ejaculate", "2026-04-01", "month3"),  # the first analysis with sperm, not the later one
        ("icsi", "2026-06-20", "month6"),
        ("clinical_pregnancy", "2026-06-30", "month6"),
        ("live_birth", "2027-01-02", "month12"),
        ("congenital_anomaly", "2027-01-02", "month12"),
    ]
    assert {e.kind for e in events} == set(OUTCOME_KINDS) - {"pregnancy_loss"}
    assert events[0].detail == {"technique": "micro_tese", "sperm_found": True, "sperm_frozen": True,
                                "histology": "hypospermatogenesis"}
    assert events[-1].detail == {"description": "hypospadias"}


def test_a_pregnancy_loss_and_no_sperm_gives_no_sperm_event():
    events = outcome_events([("month6", date(2026, 7, 1), {"sperm_seen": "none", "pregnancy_outcome": "loss",
                                                           "congenital_anomaly": "not_examined"})])
    assert [(e.kind, e.on) for e in events] == [("pregnancy_loss", date(2026, 7, 1))]  # no date: the visit's
    assert events[0].detail == {"congenital_anomaly": "not_examined"}
