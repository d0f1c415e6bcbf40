"""Several workstations on one clinic database (issue 15 item 7): a second data folder joins the clinic's
PostgreSQL database with the clinic passphrase, gets the certificate and the approved forms from it, and
both workstations sign consents that each verifies; a urologist's slot made on one opens on the other."""

from __future__ import annotations

from pathlib import Path

import pytest

from exoconsult.config import DataDir
from exoconsult.domain.errors import ValidationError
from exoconsult.domain.people import Role
from exoconsult.services.accounts.accounts import AccountService, UserFields
from exoconsult.services.admin.workstation import join_clinic
from exoconsult.services.clinic import open_context
from exoconsult.services.core import seal_key
from exoconsult.services.integrity.document_check import check_pdf
from exoconsult.services.integrity.verify import verify_installation
from tests.backup_support import PASSPHRASE
from tests.consent_support import ready_for_consent, sign


def test_a_workstation_joins_only_a_set_up_postgresql_clinic_with_its_passphrase(clinic, tmp_path):
    ctx, _ = clinic
    other = DataDir(tmp_path / "workstation-b")
    if ctx.db.is_sqlite:
        with pytest.raises(ValidationError) as refused:
            join_clinic(other, ctx.db.url, PASSPHRASE)
        assert "PostgreSQL" in refused.value.problems["database_url"]
        return
    with pytest.raises(ValidationError) as refused:
        join_clinic(other, ctx.db.url, "not the clinic passphrase at all")
    assert "passphrase" in refused.value.problems
    assert not other.local_settings_path.exists() and not other.keys_dir.exists()  # nothing written
    result = join_clinic(other, ctx.db.url, PASSPHRASE)
    assert result.clinic.clinic_name == "Exo Clinic Ankara"
    assert (other.keys_dir / "clinic-seal-cert.pem").read_bytes() == (ctx.data_dir.keys_dir / "clinic-seal-cert.pem").read_bytes()
    assert other.database_url() == ctx.db.url
    with pytest.raises(ValidationError) as again:  # a folder that holds a clinic is never overwritten
        join_clinic(other, ctx.db.url, PASSPHRASE)
    assert "already holds a clinic" in again.value.problems["data_dir"]


def test_two_workstations_both_sign_and_verify_each_others_consents(clinic, clock, tmp_path):
    ctx, staff = clinic
    if ctx.db.is_sqlite:
        pytest.skip("several workstations share a PostgreSQL database")
    ready_a = ready_for_consent(ctx, staff, clock, tmp_path, mrn="A-1")  # approves the forms in the database
    station_b = DataDir(tmp_path / "workstation-b")
    joined = join_clinic(station_b, ctx.db.url, PASSPHRASE, clock=clock)
    assert joined.approved_files > 0 and (station_b.root / "forms" / "approvals.json").is_file()
    ctx_b = open_context(station_b, clock=clock)  # the URL comes from B's own local settings
    try:
        assert ctx_b.forms_dir == station_b.root / "forms"
        ready_b = ready_for_consent(ctx_b, staff, clock, tmp_path, mrn="B-1")
        ctx_b.forms_dir = station_b.root / "forms"  # B signs with the forms it got from the database
        consent_a = sign(ctx, ready_a)
        seal_key.forget_all()  # B opens the urologist's slot from the database itself, at his password
        consent_b = sign(ctx_b, ready_b)
        pdf_a = (ctx.data_dir.archive_dir / "consents" / Path(consent_a.archive_path).name).read_bytes()
        pdf_b = (station_b.archive_dir / "consents" / Path(consent_b.archive_path).name).read_bytes()
        for here, pdf in ((ctx, pdf_b), (ctx_b, pdf_a), (ctx, pdf_a), (ctx_b, pdf_b)):
            result = check_pdf(here, pdf)
            assert result.valid and not result.certificate_warnings, result

        # A's window, open since before B signed: B's consent is not in A's archive folder yet, and verify says
        # why instead of sounding like a deletion; nothing else is wrong
        running = [p.message for p in verify_installation(ctx).problems]
        assert running == [f"archive copy {Path(consent_b.archive_path).name} is missing on this workstation (a "
                           "document signed on another workstation since this one started is copied here at its "
                           "next start)"], running

        # a urologist created on A gets a slot that opens on B
        made = AccountService(ctx).create_user(staff["admin"], UserFields("deniz", "Deniz Aydın", Role.UROLOGIST),
                                               "harbour quartz lime seven", clinic_passphrase=PASSPHRASE)
        assert seal_key.open_with_password(ctx_b.db, made.id, "harbour quartz lime seven") is not None
    finally:
        ctx_b.close()
    # verify (as `exoconsult verify` does: a fresh start) on each workstation: each archive holds a copy of
    # both consents, written at start from the database, the record of truth
    for folder in (ctx.data_dir, station_b):
        fresh = open_context(folder, ctx.db.url, clock=clock, forms_dir=None)
        try:
            names = {p.name for p in (folder.archive_dir / "consents").iterdir()}
            assert {Path(consent_a.archive_path).name, Path(consent_b.archive_path).name} <= names
            report = verify_installation(fresh)
            assert report.ok, [p.describe() for p in report.problems]
        finally:
            fresh.close()
