"""Demo histories: every section and every accepted unit appear, and seeding stores them exactly."""

from __future__ import annotations

import random

from exoconsult.domain.vocabulary import GROUP_FIELDS, HISTORY_FIELDS
from exoconsult.services.demo import DemoState, step_20_patients, step_40_histories
from exoconsult.services.history.history import HistoryService
from exoconsult.services.integrity.verify import verify_installation


def test_demo_histories_cover_every_field_and_every_unit() -> None:
    histories = [h for _, h in step_40_histories.DEMO_HISTORIES]
    top = {k for h in histories for k, v in h.items() if not isinstance(v, list)}
    assert top == set(HISTORY_FIELDS)
    for group, fields in GROUP_FIELDS.items():
        seen = {k for h in histories for entry in h.get(group, []) for k in entry}
        assert seen == set(fields), group
    units = {(k, v["unit"]) for h in histories for entry in h.get("hormone_panels", [])
             for k, v in entry.items() if isinstance(v, dict)}
    accepted = {(fid, u.symbol) for fid, spec in GROUP_FIELDS["hormone_panels"].items() for u in spec.units}
    assert units == accepted
    assert any(v is None for h in histories for v in h.values())  # "asked, not known" is shown too


def test_seeding_stores_each_history_exactly_and_verify_holds(sqlite_ctx, nurse, urologist) -> None:
    state = DemoState(rng=random.Random(1), actors={"nurse": nurse, "urologist": urologist})
    step_20_patients.seed(sqlite_ctx, state)
    step_40_histories.seed(sqlite_ctx, state)
    service = HistoryService(sqlite_ctx)
    targets = state.patient_ids[step_40_histories.FIRST_PATIENT:]
    for patient_id, (_, expected) in zip(targets, step_40_histories.DEMO_HISTORIES, strict=False):
        assert service.get(nurse, patient_id).history == expected
    assert service.get(nurse, targets[-1]).version == 0  # the last patient is a new referral
    report = verify_installation(sqlite_ctx)
    assert report.ok, [p.describe() for p in report.problems]
