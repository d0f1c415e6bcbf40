"""`verify --full` proves most seals with the quick check once pyHanko accepted one (issue 22): a forged
document after that one is still caught, with pyHanko's reason, and a seal by another key too."""

from __future__ import annotations

from exoconsult.documents import seal_quick
from exoconsult.services.integrity.verify import verify_installation
from tests.consent_support import sign
from tests.services.test_verify_daily_seals import _forge, _seal_problems, ready  # noqa: F401 - the fixture


def test_documents_forged_after_the_first_valid_one_are_caught_by_the_full_verify(ctx, ready, monkeypatch):  # noqa: F811
    proven: list[bool] = []
    real = seal_quick.QuickSealCheck.certificate_if_valid

    def counting(self, pdf):
        proven.append(real(self, pdf) is not None)
        return real(self, pdf)

    monkeypatch.setattr(seal_quick.QuickSealCheck, "certificate_if_valid", counting)
    documents = [sign(ctx, ready).document_id for _ in range(4)]
    report = verify_installation(ctx, full=True)
    assert report.ok and proven == [True, True, True]  # pyHanko validated the first; the quick check the rest
    proven.clear()
    for forged in documents[2:]:
        _forge(ctx, forged)
    report = verify_installation(ctx, full=True)
    assert sorted(_seal_problems(report)) == sorted(documents[2:])
    assert proven == [True, False, False]  # the forged ones went to pyHanko, which says why
    assert all("altered" in p.message for p in report.problems if p.kind == "seal")
