"""Verifying a tampered document with the Turkish screen: why its seal fails is said in Turkish (pyHanko's
findings are Reasons, translated like every other service message), while `exoconsult verify FILE.pdf`
still says it in English, whatever language the screen last used."""

from __future__ import annotations

import pytest

from exoconsult.cli import main
from exoconsult.gui import ui_language
from exoconsult.gui.consent.verify_dialog import VerifyDocumentDialog
from exoconsult.services.consent.consents import ConsentService
from exoconsult.services.integrity.document_check import DocumentVerifier
from tests.consent_support import ready_for_consent, sign
from tests.gui.test_turkish_screens import ENGLISH, WORD, english_in

pytestmark = pytest.mark.gui

# (how the file is changed, what the Turkish screen says, what the command line says)
TAMPERING = [
    ("appended", "dosyaya mühürlendikten sonra veri eklenmiş", "data was appended to the file after sealing"),
    ("not a PDF", "dosya PDF olarak okunamıyor", "the file cannot be read as a PDF: "),
]


def _tampered(pdf: bytes, how: str) -> bytes:
    if how == "appended":  # an incremental update after the seal, as an editor would save it
        return pdf + b"\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
    return b"%PDF-1.7 not really" + pdf[len(pdf) // 2:]


@pytest.mark.parametrize(("how", "turkish", "english"), TAMPERING)
def test_a_tampered_consent_is_explained_in_turkish_on_screen_and_in_english_on_the_command_line(
        qtbot, session_as, runner, sqlite_ctx, staff, clock, tmp_path, capsys, how, turkish, english):
    ready = ready_for_consent(sqlite_ctx, staff, clock, tmp_path)
    pdf = ConsentService(sqlite_ctx).pdf(ready.urologist, sign(sqlite_ctx, ready).document_id)
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(_tampered(pdf, how))

    ui_language.use_language("tr")
    verify = VerifyDocumentDialog(DocumentVerifier(sqlite_ctx), session_as(ready.nurse), runner)
    qtbot.addWidget(verify)
    verify.check_file(str(tampered))
    said = verify.result.text()
    assert said.startswith("GEÇERSİZ") and turkish in said, said
    assert english_in(verify) == [] and not set(WORD.findall(said)) & ENGLISH, said

    capsys.readouterr()
    assert main(["verify", str(tampered), "--data-dir", str(sqlite_ctx.data_dir.root)]) == 1
    printed = capsys.readouterr().out
    assert english in printed and "RESULT:    NOT VALID" in printed and "mühür" not in printed, printed


def test_a_corrected_procedure_note_states_its_status_in_turkish(qtbot, session_as, runner, sqlite_ctx, staff, clock,
                                                                 tmp_path):
    from exoconsult.services.procedure.procedures import ProcedureService
    from tests.adverse_event_support import treated_patient

    day = treated_patient(sqlite_ctx, staff, clock, tmp_path)
    procedures = ProcedureService(sqlite_ctx)
    note = procedures.notes(day.ready.nurse, day.plan_id)[0]
    addendum = procedures.addendum(day.ready.urologist, note.document_id, "Sağ testise verilen hacim 0,4 mL olmalıydı.")
    ui_language.use_language("tr")
    verify = VerifyDocumentDialog(DocumentVerifier(sqlite_ctx), session_as(day.ready.nurse), runner)
    qtbot.addWidget(verify)
    verify.id_edit.setText(note.document_id)
    verify.check_id_button.click()
    said = verify.result.text()
    assert said.startswith("GEÇERLİ") and f"mühürlendi; {addendum.document_id} numaralı ekle düzeltildi" in said, said
    assert not set(WORD.findall(said)) & ENGLISH, said
