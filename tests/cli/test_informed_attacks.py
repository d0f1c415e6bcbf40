"""The informed attacks `verify` once called OK (issue 21), each written as the attacker would do it
(tests/cli/attacker.py), each of which must now make `exoconsult verify` fail with the right message;
and the same workstation's ordinary use (views, imports, backups, a restore) must raise no false alarm.

Each test works on its own copy of a demo clinic and its own workstation configuration folder (where the
audit high-water mark lives), after one clean `verify` as the clinic's workstation would have done."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from exoconsult.cli import main
from exoconsult.documents.seal_facts import seal_facts
from exoconsult.storage.audit import canonical
from tests.cli import attacker
from tests.cli.test_case_cli import CASE


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory):
    root = tmp_path_factory.mktemp("attack-demo") / "data"
    assert main(["demo", "--data-dir", str(root), "--no-launch"]) == 0
    return root


@pytest.fixture(params=["since-checkpoint", "full"])
def clinic(demo_master, tmp_path, monkeypatch, capsys, request):
    """A copy of the demo clinic used by one workstation; returns a small driver. Every attack is checked
    by the daily kind of verify (from the checkpoint the clean verify recorded) and by `verify --full`."""
    data = tmp_path / "clinic"
    shutil.copytree(demo_master, data)
    monkeypatch.setenv("EXOCONSULT_CONFIG_DIR", str(tmp_path / "workstation-config"))
    from exoconsult.services.demo.step_10_clinic import DEMO_ACCOUNTS

    for user in ("nurse", "urologist", "admin"):
        (tmp_path / f"{user}.pw").write_text(DEMO_ACCOUNTS[user][4] + "\n", encoding="utf-8")
    driver = Clinic(data, tmp_path, capsys, full=request.param == "full")
    code, out = driver.verify()
    assert code == 0, out
    return driver


class Clinic:
    def __init__(self, data: Path, tmp: Path, capsys, *, full: bool) -> None:
        self.data, self.tmp, self.capsys, self.full = data, tmp, capsys, full

    def run(self, *argv: str, user: str | None = None) -> tuple[int, str]:
        self.capsys.readouterr()
        auth = ["--user", user, "--password-file", str(self.tmp / f"{user}.pw")] if user else []
        code = main([*argv, "--data-dir", str(self.data), *auth])
        captured = self.capsys.readouterr()
        return code, captured.out + captured.err

    def verify(self, *extra: str) -> tuple[int, str]:
        return self.run("verify", *extra, *(("--full",) if self.full else ()))

    def view_consents(self, times: int = 1) -> None:
        for _ in range(times):
            assert self.run("consents", "list", user="nurse")[0] == 0

    def import_case(self, mrn: str) -> None:
        path = self.tmp / f"{mrn}.json"
        path.write_text(json.dumps(CASE | {"patient": CASE["patient"] | {"mrn": mrn}}), encoding="utf-8")
        code, out = self.run("case", "import", str(path), user="urologist")
        assert code == 0, out

    def newest_consent(self, conn: sqlite3.Connection) -> sqlite3.Row:
        return conn.execute("SELECT * FROM consent ORDER BY id DESC LIMIT 1").fetchone()


def _failed(clinic: Clinic, *expected: str, extra: tuple[str, ...] = ()) -> str:
    code, out = clinic.verify(*extra)
    assert code == 1, out
    for text in expected:
        assert text in out, out
    return out


def test_ordinary_use_of_the_workstation_raises_no_false_alarm(clinic) -> None:
    usb = clinic.tmp / "usb"
    usb.mkdir()
    clinic.view_consents(2)
    clinic.import_case("ORD-1")
    assert clinic.run("backup", str(usb), user="admin")[0] == 0
    clinic.import_case("ORD-2")
    code, out = clinic.verify("--backups", str(usb))
    assert code == 0, out
    conn = attacker.open_raw(clinic.data)  # each sealed consent and withdrawal carries the chain head it was sealed at
    sealed = sum(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("consent", "consent_withdrawal"))
    assert sealed >= 5 and f"anchors compared: {sealed + 2}" in out, out  # + the backup's summary and this mark


def test_a_forged_pdf_with_its_audit_entry_rewritten_and_the_chain_recomputed(clinic) -> None:
    conn = attacker.open_raw(clinic.data)
    row = clinic.newest_consent(conn)
    fake_keys = clinic.tmp / "attacker-keys"
    fake_keys.mkdir()
    forged = attacker.forged_pdf(attacker.self_made_identity(fake_keys, "Demo Androloji Kliniği"), "FORGED CONSENT",
                                 seal_facts(bytes(row["pdf"])).audit_head)
    digest = hashlib.sha256(forged).hexdigest()
    conn.execute("UPDATE consent SET pdf = ?, pdf_sha256 = ? WHERE id = ?", (forged, digest, row["id"]))
    (clinic.data / "archive" / "consents" / row["archive_name"]).write_bytes(forged)
    seq = conn.execute("SELECT seq FROM audit_entry WHERE entity = 'consent' AND action = 'create' AND entity_id = ?",
                       (str(row["id"]),)).fetchone()["seq"]
    after = attacker.audit_after(conn, seq) | {"pdf": {"bytes": len(forged), "sha256": digest}, "pdf_sha256": digest}
    conn.execute("UPDATE audit_entry SET after = ? WHERE seq = ?", (canonical(after), seq))
    attacker.rechain(conn, seq)
    out = _failed(clinic, f"[seal] consent {row['document_id']}: the seal is not valid",
                  f"[certificate] consent {row['document_id']}: sealed with certificate",
                  "the audit chain was rewritten")
    if clinic.full:
        assert "[chain]" not in out and "[replay]" not in out  # the naive checks are indeed fooled
    else:  # ... except the checkpoint: the rewritten entry lies before it, so its hash there changed
        assert "the last verified checkpoint" in out and "rewritten after it was verified" in out


def test_a_forged_pdf_sealed_with_the_stolen_clinic_key_is_still_caught_by_the_anchors(clinic) -> None:
    from exoconsult.services.admin.backup_key import DEMO_PASSPHRASE
    from exoconsult.services.core.seal_key import identity_with_passphrase

    conn = attacker.open_raw(clinic.data)
    first = conn.execute("SELECT * FROM consent ORDER BY id LIMIT 1").fetchone()
    from exoconsult.storage.db import Database

    database = Database(f"sqlite:///{clinic.data / 'exoconsult.sqlite'}")
    try:  # an insider knowing the passphrase
        stolen = identity_with_passphrase(database, clinic.data / "keys", DEMO_PASSPHRASE)
    finally:
        database.dispose()
    forged = attacker.forged_pdf(stolen, "FORGED WITH THE REAL KEY", seal_facts(bytes(first["pdf"])).audit_head)
    digest = hashlib.sha256(forged).hexdigest()
    conn.execute("UPDATE consent SET pdf = ?, pdf_sha256 = ? WHERE id = ?", (forged, digest, first["id"]))
    (clinic.data / "archive" / "consents" / first["archive_name"]).write_bytes(forged)
    seq = conn.execute("SELECT seq FROM audit_entry WHERE entity = 'consent' AND action = 'create' AND entity_id = ?",
                       (str(first["id"]),)).fetchone()["seq"]
    after = attacker.audit_after(conn, seq) | {"pdf": {"bytes": len(forged), "sha256": digest}, "pdf_sha256": digest}
    conn.execute("UPDATE audit_entry SET after = ? WHERE seq = ?", (canonical(after), seq))
    attacker.rechain(conn, seq)
    # Documents sealed after the rewritten entry, and this workstation's mark, recorded the old hashes.
    out = _failed(clinic, "[anchor] sealed consent", "the audit chain was rewritten", "high-water mark")
    assert "[seal]" not in out  # with the real key the forged seal itself verifies: only the anchors see it


def test_a_forged_entry_inserted_mid_chain(clinic) -> None:
    conn = attacker.open_raw(clinic.data)
    attacker.insert_entry(conn, 100, action="view", entity="patient", entity_id="3", actor="nurse", actor_id=3,
                          role="nurse", before=None, after=None, detail=None)
    _failed(clinic, "[anchor] sealed consent", "the audit chain was rewritten", "this workstation's high-water mark")


def test_a_patient_edit_paired_with_a_forged_update_entry(clinic) -> None:
    from sqlalchemy import create_engine, select

    from exoconsult.storage.integrity import _row_snapshot, audited_tables

    conn = attacker.open_raw(clinic.data)
    last = conn.execute("SELECT seq, after FROM audit_entry WHERE entity = 'patient' AND entity_id = '1' "
                        "AND after IS NOT NULL ORDER BY seq DESC LIMIT 1").fetchone()
    conn.execute("UPDATE patient SET given_name = 'Başkası' WHERE id = 1")
    table, excluded = audited_tables()["patient"]
    engine = create_engine(f"sqlite:///{clinic.data / 'exoconsult.sqlite'}")
    with engine.connect() as c:
        now = _row_snapshot(c.execute(select(table).where(table.c.id == 1)).first(), table, excluded)
    engine.dispose()
    attacker.append_entry(conn, action="update", entity="patient", entity_id="1", actor="nurse", actor_id=3,
                          role="nurse", before=last["after"], after=canonical(now), detail=None)
    out = _failed(clinic, "are beyond this workstation's high-water mark", "ExoConsult on this computer did not write")
    assert "[replay]" not in out and "[chain]" not in out  # replay and chain agree with the forgery


def test_the_newest_view_entries_cut_with_the_head_row_fixed(clinic) -> None:
    clinic.view_consents(3)
    conn = attacker.open_raw(clinic.data)
    seq, _ = attacker.head(conn)
    conn.execute("DELETE FROM audit_entry WHERE seq > ?", (seq - 3,))
    new_seq, new_hash = attacker.head(conn)
    conn.execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", (new_seq, new_hash))
    _failed(clinic, f"records audit entry #{seq} but the database's chain ends at #{seq - 3}",
            "rolled back or its newest entries removed")


def test_the_database_rolled_back_to_an_older_copy_after_history_edits(clinic) -> None:
    older = clinic.tmp / "older.sqlite"
    with sqlite3.connect(clinic.data / "exoconsult.sqlite") as live, sqlite3.connect(older) as copy:
        live.backup(copy)
    clinic.import_case("EDIT-1")  # history edits after the copy was taken
    clinic.import_case("EDIT-2")
    usb = clinic.tmp / "usb"
    usb.mkdir()
    assert clinic.run("backup", str(usb), user="admin")[0] == 0
    for suffix in ("", "-wal", "-shm"):
        (clinic.data / f"exoconsult.sqlite{suffix}").unlink(missing_ok=True)
    shutil.copyfile(older, clinic.data / "exoconsult.sqlite")
    out = _failed(clinic, "this workstation's high-water mark", "rolled back", extra=("--backups", str(usb)))
    assert "backup exoconsult-backup-" in out


def test_the_clinic_keys_swapped_for_a_self_made_pair(clinic) -> None:
    from exoconsult.documents.keys import CERT_FILE, KEY_FILE, certificate_fingerprint
    from exoconsult.documents.seal_facts import load_clinic_certificate

    genuine_fp = certificate_fingerprint(load_clinic_certificate(clinic.data / "keys"))
    conn = attacker.open_raw(clinic.data)
    genuine = clinic.tmp / "genuine.pdf"
    genuine.write_bytes(bytes(clinic.newest_consent(conn)["pdf"]))
    fake_keys = clinic.tmp / "attacker-keys"
    fake_keys.mkdir()
    identity = attacker.self_made_identity(fake_keys, "Demo Androloji Kliniği")
    for name in (KEY_FILE, CERT_FILE):  # the genuine key is stored encrypted: the attacker adds a clear one
        (clinic.data / "keys" / name).unlink(missing_ok=True)
        shutil.copyfile(fake_keys / name, clinic.data / "keys" / name)
    forged = clinic.tmp / "forged.pdf"
    forged.write_bytes(attacker.forged_pdf(identity, "FORGED", None))
    fake_fp = certificate_fingerprint(identity.certificate)

    code, out = clinic.run("verify", str(forged))
    assert code == 1 and "RESULT:    NOT VALID" in out and "not made with this clinic's certificate" in out
    assert fake_fp in out and genuine_fp in out  # the warning names both certificates
    code, out = clinic.run("verify", str(genuine))
    assert code == 0 and "RESULT:    VALID" in out, out
    _failed(clinic, f"the certificate in keys/ ({fake_fp}) is not the clinic certificate pinned in the audited "
                    f"settings ({genuine_fp})")


def test_keys_swapped_and_the_pinned_setting_rewritten_with_the_chain(clinic) -> None:
    from exoconsult.documents.keys import CERT_FILE, KEY_FILE, certificate_fingerprint
    from exoconsult.documents.seal_facts import load_clinic_certificate

    genuine_fp = certificate_fingerprint(load_clinic_certificate(clinic.data / "keys"))
    fake_keys = clinic.tmp / "attacker-keys"
    fake_keys.mkdir()
    fake_fp = certificate_fingerprint(attacker.self_made_identity(fake_keys, "X").certificate)
    for name in (KEY_FILE, CERT_FILE):  # the genuine key is stored encrypted: the attacker adds a clear one
        (clinic.data / "keys" / name).unlink(missing_ok=True)
        shutil.copyfile(fake_keys / name, clinic.data / "keys" / name)
    conn = attacker.open_raw(clinic.data)
    setting = conn.execute("SELECT * FROM setting WHERE key = 'certificate_fingerprint'").fetchone()
    conn.execute("UPDATE setting SET value = ? WHERE key = 'certificate_fingerprint'",
                 (setting["value"].replace(genuine_fp, fake_fp),))
    entries = conn.execute("SELECT seq, after FROM audit_entry WHERE entity = 'setting' AND after LIKE ?",
                           (f"%{genuine_fp}%",)).fetchall()
    for entry in entries:
        conn.execute("UPDATE audit_entry SET after = ? WHERE seq = ?",
                     (entry["after"].replace(genuine_fp, fake_fp), entry["seq"]))
    attacker.rechain(conn, min(e["seq"] for e in entries))
    _failed(clinic, f"sealed with certificate {genuine_fp[:23]}…, not the pinned clinic certificate {fake_fp[:23]}…",
            "the audit chain was rewritten")


def test_a_genuine_restore_is_not_reported_as_a_rollback(clinic) -> None:
    usb = clinic.tmp / "usb"
    usb.mkdir()
    assert clinic.run("backup", str(usb), user="admin")[0] == 0
    clinic.import_case("AFTER-BACKUP")
    [backup] = usb.glob("exoconsult-backup-*.exobackup")
    from exoconsult.services.admin.backup_key import DEMO_PASSPHRASE

    (clinic.tmp / "passphrase").write_text(DEMO_PASSPHRASE + "\n", encoding="utf-8")
    code, out = clinic.run("restore", str(backup), "--passphrase-file", str(clinic.tmp / "passphrase"), user="admin")
    assert code == 0, out
    code, out = clinic.verify("--backups", str(usb))
    assert code == 0, out
