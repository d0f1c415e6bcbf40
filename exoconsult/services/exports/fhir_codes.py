"""Code systems and codes the FHIR export uses. LOINC codes only where we are sure the code names the
analyte in the unit we send (serum, canonical unit); the others go out with our own code and a text,
never with a guessed LOINC. Units are UCUM codes of the vocabulary's canonical units."""

from __future__ import annotations

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
V2_IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203"
CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
URI = "urn:ietf:rfc:3986"  # identifier system: the value is itself a URI
BCP47 = "urn:ietf:bcp:47"
# ExoConsult's own systems (URNs: nothing to resolve, and they name this program's vocabulary).
MRN_SYSTEM = "urn:exoconsult:mrn"
CHOICE_SYSTEM = "urn:exoconsult:consent-choice"
FIELD_SYSTEM = "urn:exoconsult:history-field"  # "<group>.<field>" of the case-format vocabulary
QUESTIONNAIRE = "urn:exoconsult:questionnaire:andrology_history"
AE_TERM_SYSTEM = "urn:exoconsult:adverse-event-term"
WHO_UMC_SYSTEM = "urn:exoconsult:who-umc-causality"
AE_SERIOUSNESS = "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness"
AE_SEVERITY = "http://terminology.hl7.org/CodeSystem/adverse-event-severity"
AE_OUTCOME = "http://terminology.hl7.org/CodeSystem/adverse-event-outcome"

# (system, code, display) of the document kinds.
CONSENT_DOC = (LOINC, "59284-0", "Patient Consent")
PROCEDURE_NOTE_DOC = (LOINC, "28570-0", "Procedure note")

# Hormones in their canonical unit -> LOINC (serum or plasma).
LOINC_BY_FIELD: dict[str, tuple[str, str]] = {
    "hormone_panels.fsh": ("15067-2", "Follitropin [Units/volume] in Serum or Plasma"),
    "hormone_panels.lh": ("10501-5", "Lutropin [Units/volume] in Serum or Plasma"),
    "hormone_panels.total_testosterone": ("14913-8", "Testosterone [Moles/volume] in Serum or Plasma"),
    "hormone_panels.prolactin": ("2842-3", "Prolactin [Mass/volume] in Serum or Plasma"),
    "hormone_panels.estradiol": ("2243-4", "Estradiol (E2) [Mass/volume] in Serum or Plasma"),
}

# The vocabulary's unit symbols -> UCUM codes.
UCUM_BY_UNIT: dict[str, str] = {
    "IU/L": "[IU]/L", "mIU/mL": "m[IU]/mL", "mIU/L": "m[IU]/L", "nmol/L": "nmol/L", "ng/dL": "ng/dL",
    "ng/mL": "ng/mL", "pg/mL": "pg/mL", "pmol/L": "pmol/L", "mL": "mL", "cm": "cm", "million/mL": "10*6/mL",
}
