"""The FHIR R4 export on SQLite and PostgreSQL: one bundle per patient that validates against the R4B
models, carrying the sealed PDFs whole with their SHA-256, the consent's choices as provisions, the
history, LOINC-coded hormones in UCUM units and the procedure with its lot; audited per patient."""

from __future__ import annotations

import base64
import hashlib
import json

import pytest
from pydantic import ValidationError as ModelError

from exoconsult.domain.errors import NotFound, PermissionDenied, ValidationError
from exoconsult.services.admin.audit_log import AuditFilter, AuditLogService
from exoconsult.services.exports.fhir_export import FhirExportService
from tests.exports_support import follow_up, treat
from tests.fhir_validation import resources, validate_bundle


def test_a_treated_patients_bundle_validates_and_carries_his_records(ctx, staff, clock, tmp_path):
    t = treat(ctx, staff, clock, tmp_path, 0, sealed_note=True)
    follow_up(ctx, clock, t)
    urologist, nurse = t.day.ready.urologist, t.day.ready.nurse
    service = FhirExportService(ctx)
    with pytest.raises(PermissionDenied):
        service.export(nurse, str(tmp_path / "n"), mrn=t.mrn)
    with pytest.raises(NotFound):
        service.export(urologist, str(tmp_path / "x"), mrn="NO-SUCH")
    result = service.export(urologist, str(tmp_path / "fhir"), mrn=t.mrn)
    [(name, digest)] = result.files
    body = (tmp_path / "fhir" / name).read_bytes()
    assert hashlib.sha256(body).hexdigest() == digest and t.mrn in name
    data = json.loads(body)
    validate_bundle(data)

    [patient] = resources(data, "Patient")
    assert patient["name"][0]["family"] == "Zümrütoğlu" and patient["birthDate"] == "1987-04-19"
    assert {i["value"] for i in patient["identifier"]} == {t.mrn, "10000000146"}
    [consent] = resources(data, "Consent")
    provisions = {p["code"][0]["coding"][0]["code"]: p["type"] for p in consent["provision"]["provision"]}
    assert provisions == {"registry": "permit", "publication": "permit", "recontact": "deny", "manufacturer": "permit"}
    docs = {d["type"]["coding"][0]["code"]: d for d in resources(data, "DocumentReference")}
    assert set(docs) == {"59284-0", "28570-0"}
    consent_pdf = base64.b64decode(docs["59284-0"]["content"][0]["attachment"]["data"])
    archived = (ctx.data_dir.archive_dir / "consents").glob("consent-*.pdf")
    assert consent_pdf in [p.read_bytes() for p in archived]
    assert hashlib.sha256(consent_pdf).hexdigest() in docs["59284-0"]["description"]
    assert consent["sourceReference"]["reference"] in {e["fullUrl"] for e in data["entry"]}
    fsh = [o for o in resources(data, "Observation") if o["code"]["coding"][0]["code"] == "15067-2"]
    assert [o["valueQuantity"]["value"] for o in fsh] == [24.1, 22.0]  # the history's, then the month-3 visit's
    assert fsh[0]["valueQuantity"] == {"value": 24.1, "unit": "IU/L", "system": "http://unitsofmeasure.org",
                                       "code": "[IU]/L"}
    assert "month 3" in fsh[1]["code"]["text"]
    [procedure] = resources(data, "Procedure")
    [medication] = resources(data, "Medication")
    assert medication["batch"]["lotNumber"] == "EXO-LOT-0"
    assert procedure["usedReference"][0]["reference"].endswith(medication["id"])
    [event] = resources(data, "AdverseEvent")
    assert event["suspectEntity"][0]["instance"] == procedure["usedReference"][0]
    assert event["seriousness"]["coding"][0]["code"] == "non-serious" and event["outcome"]["coding"][0]["code"] == "resolved"
    assert "Skrotal şişlik" in event["event"]["text"]
    [history] = resources(data, "QuestionnaireResponse")
    assert {g["linkId"] for g in history["item"]} >= {"semen_analyses", "hormone_panels", "genetics"}

    entries = AuditLogService(ctx).query(staff["admin"], AuditFilter(action="fhir_export")).entries
    assert [json.loads(e.detail)["sha256"] for e in entries] == [digest]
    with pytest.raises(ValidationError, match="empty folder"):
        service.export(urologist, str(tmp_path / "fhir"), mrn=t.mrn)

    consent["dateTime"] = "yesterday"  # the validation can fail: a malformed or unknown element is caught
    with pytest.raises(ModelError):
        validate_bundle(data)
    del consent["dateTime"]
    procedure["lot"] = "EXO-LOT-0"
    with pytest.raises(ModelError):
        validate_bundle(data)
