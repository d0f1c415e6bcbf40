"""What a joining workstation gets from the clinic database besides the key: the clinic's logo (so it
prints the same letterhead), the approved content, and a clear list of the content files the database
holds no approval for (it has the program's shipped version of those). A logo an older version kept only
in branding/ goes into the database at the first workstation's next start."""

from __future__ import annotations

import io
import shutil

import pytest
from PIL import Image
from sqlalchemy import delete

from exoconsult.config import DataDir
from exoconsult.services.accounts.grants import GrantService
from exoconsult.services.admin.settings import SettingsService
from exoconsult.services.admin.workstation import join_clinic
from exoconsult.services.clinic import open_context
from exoconsult.services.content.content_approval import ContentApprovalService
from exoconsult.services.core.clinic_settings import current_settings
from exoconsult.storage.clinic_logo import ClinicLogoRow, logo_bytes
from tests.backup_support import PASSPHRASE
from tests.conftest import REPO, STAFF_PASSWORDS


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 20), (20, 90, 160)).save(out, format="PNG")
    return out.getvalue()



def test_a_joined_workstation_gets_the_logo_and_names_what_is_not_approved(clinic, clock, tmp_path):
    ctx, staff = clinic
    if ctx.db.is_sqlite:
        pytest.skip("several workstations share a PostgreSQL database")
    logo = _png()
    SettingsService(ctx).set_logo(staff["admin"], logo)
    GrantService(ctx).set_content_approver(staff["admin"], staff["urologist"].user_id, True)
    ctx.forms_dir = tmp_path / "clinic-forms"
    shutil.copytree(REPO / "forms", ctx.forms_dir)  # the clinic approves every content file but one
    service = ContentApprovalService(ctx)
    files = service.overview(staff["urologist"]).files
    left_out = next(f for f in files if f.kind == "withdrawal" and f.language == "en")
    for file in files:
        if file is not left_out:
            service.approve(staff["urologist"], file.kind, file.content_id, file.language, file.sha256,
                            STAFF_PASSWORDS["urologist"])
    station = DataDir(tmp_path / "workstation-b")
    joined = join_clinic(station, ctx.db.url, PASSPHRASE, clock=clock)
    name = current_settings(ctx).logo_file
    assert joined.logo_to_copy == "" and (station.root / "branding" / name).read_bytes() == logo
    assert joined.not_approved == (left_out.path,)
    assert joined.approved_files == len(files) - 1


def test_a_logo_only_in_branding_goes_into_the_database_at_the_next_start(clinic, clock, tmp_path):
    ctx, staff = clinic
    logo = _png()
    SettingsService(ctx).set_logo(staff["admin"], logo)
    digest = current_settings(ctx).logo_sha256
    with ctx.db.write_engine.begin() as conn:  # as an older version left it: the file only
        conn.execute(delete(ClinicLogoRow))
    again = open_context(ctx.data_dir, ctx.db.url, clock=clock, forms_dir=ctx.forms_dir)
    try:
        with again.uow(staff["admin"], write=False) as uow:
            assert logo_bytes(uow.session, digest) == logo
    finally:
        again.close()
