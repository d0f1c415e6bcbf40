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


def test_every_stored_document_is_read_with_its_pdf_and_let_go_after(ctx, ready):  # noqa: F811
    from exoconsult.domain.people import SYSTEM_ACTOR
    from exoconsult.storage.consents import ConsentRepository

    signed = [sign(ctx, ready).document_id for _ in range(3)]
    with ctx.uow(SYSTEM_ACTOR, write=False) as uow:
        repo = ConsentRepository(uow.session)
        repo._BATCH = 2  # this repository object only: more than one batch
        seen, held = [], []
        for row in repo.each_document():
            assert bytes(row.pdf).startswith(b"%PDF")
            seen.append(row)
            held.append(sum("pdf" in r.__dict__ for r in seen))
        assert [r.document_id for r in seen] == signed
    assert held == [1, 1, 1]  # only the row in hand holds its bytes
