"""The daily verify re-reads a sealed document only when it is new or changed (storage/document_facts.py):
the tampering it must still catch, in the daily kind of verify and in `verify --full` (the `clinic`
fixture runs each test both ways, after one clean verify that recorded what it found), and the one it
leaves to `--full` (an archive copy replaced with its stat forged back), as the README says."""

from __future__ import annotations

import os

from tests.cli import attacker
from tests.cli import test_informed_attacks as attacks

# The informed attacks' fixtures: a clean copy of the demo clinic per test, verified daily and with --full.
demo_master, clinic, _failed = attacks.demo_master, attacks.clinic, attacks._failed


def _same_size_forgery(original: bytes) -> bytes:
    """Bytes of the same length that differ in the middle (a replaced copy no size check would notice)."""
    middle = len(original) // 2
    return original[:middle] + bytes(b ^ 0xFF for b in original[middle:middle + 16]) + original[middle + 16:]


def _newest_archive_copy(clinic):
    row = clinic.newest_consent(attacker.open_raw(clinic.data))
    return row, clinic.data / "archive" / "consents" / row["archive_name"]


def test_the_clean_daily_verify_reads_back_what_it_recorded(clinic) -> None:
    conn = attacker.open_raw(clinic.data)
    documents = sum(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("consent", "consent_withdrawal"))
    recorded = conn.execute("SELECT count(*) FROM integrity_document WHERE anchor IS NOT NULL "
                            "AND archive_stat IS NOT NULL").fetchone()[0]
    assert documents >= 5 and recorded == documents
    code, out = clinic.verify()
    assert code == 0 and f"anchors compared: {documents + 1}" in out, out  # + this workstation's mark


def test_an_archive_copy_replaced_with_the_same_size_and_a_new_mtime(clinic) -> None:
    row, path = _newest_archive_copy(clinic)
    before = path.stat()
    path.write_bytes(_same_size_forgery(path.read_bytes()))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 2_000_000_000))
    assert path.stat().st_size == before.st_size
    _failed(clinic, f"archive copy {row['archive_name']} differs from the record")


def test_an_archive_copy_replaced_with_its_stat_forged_back_is_caught_by_the_full_check(clinic) -> None:
    row, path = _newest_archive_copy(clinic)
    before = path.stat()
    path.write_bytes(_same_size_forgery(path.read_bytes()))  # in place: same inode
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    if clinic.full:
        _failed(clinic, f"archive copy {row['archive_name']} differs from the record")
    else:  # the documented limit of the daily check: a copy whose stat is unchanged is not re-hashed
        code, out = clinic.verify()
        assert code == 0, out
        _failed(clinic, f"archive copy {row['archive_name']} differs from the record", extra=("--full",))


def test_a_database_pdf_edited_behind_the_app(clinic) -> None:
    conn = attacker.open_raw(clinic.data)
    row = clinic.newest_consent(conn)
    conn.execute("UPDATE consent SET pdf = ? WHERE id = ?", (_same_size_forgery(bytes(row["pdf"])), row["id"]))
    _failed(clinic, f"consent {row['document_id']}: stored PDF does not match its recorded SHA-256",
            "row differs from its audit trail in pdf (edited outside the app)")


def test_a_recorded_anchor_edited_to_follow_a_rewritten_chain(clinic) -> None:
    """An old entry rewritten and the chain recomputed, and the anchors the last verify read from the sealed
    documents edited to the new hashes: the documents' own anchors (read again by --full) and this
    workstation's mark (compared every day) still hold the old chain."""
    conn = attacker.open_raw(clinic.data)
    first = conn.execute("SELECT * FROM consent ORDER BY id LIMIT 1").fetchone()
    seq = conn.execute("SELECT seq FROM audit_entry WHERE entity = 'consent' AND action = 'create' AND entity_id = ?",
                       (str(first["id"]),)).fetchone()["seq"]
    conn.execute("UPDATE audit_entry SET detail = ? WHERE seq = ?", ('{"note": "rewritten"}', seq))
    attacker.rechain(conn, seq)
    for entity, key, anchor in conn.execute("SELECT entity, entity_id, anchor FROM integrity_document").fetchall():
        at = int(anchor.split(":")[0])
        new = conn.execute("SELECT hash FROM audit_entry WHERE seq = ?", (at,)).fetchone()["hash"]
        conn.execute("UPDATE integrity_document SET anchor = ? WHERE entity = ? AND entity_id = ?",
                     (f"{at}:{new}", entity, key))
    out = _failed(clinic, "the audit chain was rewritten", "high-water mark")
    if clinic.full:
        assert "[anchor] sealed consent" in out, out
