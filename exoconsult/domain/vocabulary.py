"""The case-format vocabulary (spec/case-format.md) as data: the permanent contract for field ids.

Every module that names a history or patient field (questionnaires in forms/, the case parser, the
eligibility protocol, the GUI) checks itself against these tables. Ids are permanent; a rename keeps the
old id in `aliases`.

Where a field lives:
  * `patient`  – the patient block;
  * `history`  – top-level history fields;
  * `semen_analyses`, `hormone_panels`, `sperm_retrieval_attempts` – repeatable groups (lists of entries).

Field ids inside a group are qualified as "<group>.<id>" when a single string must name them
("hormone_panels.fsh"), because `date` occurs in all three groups.

Hard ranges come from case-format.md (reject outside). Plausible bands are ours (warn, user confirms):
they exist to catch unit mix-ups and typing slips, never to judge a patient; each band says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from exoconsult.domain.translatable import QT_TRANSLATE_NOOP


class FieldType(StrEnum):
    BOOL = "bool"
    INT = "int"
    DECIMAL = "decimal"
    DATE = "date"
    TEXT = "text"
    ENUM = "enum"
    QUANTITY = "quantity"


@dataclass(frozen=True)
class AcceptedUnit:
    """A unit a quantity may be entered in: canonical = value * multiply / divide (factors as in the spec)."""

    symbol: str
    multiply: float = 1.0
    divide: float = 1.0


@dataclass(frozen=True)
class FieldSpec:
    id: str
    type: FieldType
    group: str  # "patient", "history" or a repeatable group name
    values: tuple[str, ...] = ()  # enum: the allowed values, in display order
    minimum: float | None = None  # hard range, canonical unit (inclusive)
    maximum: float | None = None
    plausible_min: float | None = None  # soft band, canonical unit; outside = warning to confirm
    plausible_max: float | None = None
    plausible_why: str = ""  # marked for translation in "ServiceMessages"
    units: tuple[AcceptedUnit, ...] = ()  # quantity: canonical first; decimal: one display unit
    max_length: int | None = None  # text
    aliases: tuple[str, ...] = ()

    @property
    def qualified_id(self) -> str:
        return self.id if self.group in ("patient", "history") else f"{self.group}.{self.id}"

    @property
    def canonical_unit(self) -> str | None:
        return self.units[0].symbol if self.units else None

    @property
    def is_numeric(self) -> bool:
        return self.type in (FieldType.INT, FieldType.DECIMAL, FieldType.QUANTITY)

    def unit(self, symbol: str) -> AcceptedUnit | None:
        for u in self.units:
            if u.symbol == symbol:
                return u
        return None


PATIENT = "patient"
HISTORY = "history"
SEMEN_ANALYSES = "semen_analyses"
HORMONE_PANELS = "hormone_panels"
SPERM_RETRIEVAL_ATTEMPTS = "sperm_retrieval_attempts"
REPEATABLE_GROUPS: tuple[str, ...] = (SEMEN_ANALYSES, HORMONE_PANELS, SPERM_RETRIEVAL_ATTEMPTS)

_B, _I, _D, _DT, _T, _E, _Q = (FieldType.BOOL, FieldType.INT, FieldType.DECIMAL, FieldType.DATE,
                               FieldType.TEXT, FieldType.ENUM, FieldType.QUANTITY)


def _f(group: str, id_: str, type_: FieldType, **kw: object) -> FieldSpec:
    return FieldSpec(id=id_, type=type_, group=group, **kw)  # type: ignore[arg-type]


def _u(symbol: str, multiply: float = 1.0, divide: float = 1.0) -> AcceptedUnit:
    return AcceptedUnit(symbol, multiply, divide)


_ML = (_u("mL"),)
_CM = (_u("cm"),)

_PATIENT: tuple[FieldSpec, ...] = (
    _f(PATIENT, "family_name", _T, max_length=100),
    _f(PATIENT, "given_name", _T, max_length=100),
    _f(PATIENT, "birth_date", _DT),
    _f(PATIENT, "sex", _E, values=("male", "female", "other")),
    _f(PATIENT, "mrn", _T, max_length=32),
    _f(PATIENT, "national_id", _T, max_length=11),
    _f(PATIENT, "phone", _T, max_length=30),
    _f(PATIENT, "email", _T, max_length=254),
    _f(PATIENT, "preferred_language", _T, max_length=35),  # BCP-47 tag
    _f(PATIENT, "needs_interpreter", _B),
)

_HISTORY: tuple[FieldSpec, ...] = (
    # Infertility and partner
    _f(HISTORY, "infertility_duration_months", _I, minimum=0, maximum=600,
       plausible_max=360, plausible_why=QT_TRANSLATE_NOOP("ServiceMessages", "over 30 years of trying is more likely a typo (years typed as months)")),
    _f(HISTORY, "infertility_type", _E, values=("primary", "secondary")),
    _f(HISTORY, "partner_age_years", _I, minimum=14, maximum=70,
       plausible_min=18, plausible_max=55, plausible_why=QT_TRANSLATE_NOOP("ServiceMessages", "outside usual reproductive age; confirm")),
    _f(HISTORY, "partner_evaluated", _B),
    # Examination and imaging
    _f(HISTORY, "testis_volume_method", _E, values=("prader", "ultrasound")),
    *(_f(HISTORY, f"testis_{side}_volume_ml", _D, minimum=0, maximum=60, units=_ML,
         plausible_min=1, plausible_max=35,
         plausible_why=QT_TRANSLATE_NOOP("ServiceMessages", "reliability-goals §7.2: < 1 or > 35 mL per testis is unusual (Prader max 25 mL)"))
      for side in ("right", "left")),
    *(_f(HISTORY, f"testis_{side}_long_axis_cm", _D, minimum=0, maximum=8, units=_CM,
         plausible_min=1, plausible_max=6.5,
         plausible_why=QT_TRANSLATE_NOOP("ServiceMessages", "adult testis is about 4-5 cm long; > 6.5 cm suggests mm or a mass"))
      for side in ("right", "left")),
    _f(HISTORY, "vas_deferens_palpable", _E, values=("both", "left_only", "right_only", "neither")),
    _f(HISTORY, "varicocele", _E, values=("none", "subclinical", "grade1", "grade2", "grade3")),
    _f(HISTORY, "scrotal_ultrasound_done", _B),
    _f(HISTORY, "ultrasound_testicular_mass", _B),
    _f(HISTORY, "ultrasound_microlithiasis", _E, values=("none", "limited", "extensive")),
    # Genetics
    _f(HISTORY, "karyotype", _E, values=("46,XY", "47,XXY", "mosaic_klinefelter", "other_abnormal", "not_done")),
    _f(HISTORY, "y_microdeletion", _E,
       values=("none", "azfa", "azfb", "azfbc", "azfabc", "azfc", "partial", "not_done")),
    _f(HISTORY, "cftr", _E, values=("negative", "positive", "not_done")),
    # Risk factors, medicines, contraindications
    _f(HISTORY, "cryptorchidism", _E, values=("none", "unilateral", "bilateral")),
    _f(HISTORY, "mumps_orchitis", _B),
    _f(HISTORY, "chemotherapy", _B),
    _f(HISTORY, "radiotherapy", _B),
    _f(HISTORY, "testicular_torsion", _B),
    _f(HISTORY, "testicular_cancer_history", _B),
    _f(HISTORY, "exogenous_testosterone_or_aas", _E, values=("never", "current", "stopped")),
    _f(HISTORY, "testosterone_stopped_on", _DT),
    _f(HISTORY, "antithrombotic", _E,
       values=("none", "aspirin", "other_antiplatelet", "dual_antiplatelet", "anticoagulant")),
    _f(HISTORY, "antithrombotic_can_pause", _B),
    _f(HISTORY, "bleeding_disorder", _B),
    _f(HISTORY, "local_anaesthetic_allergy", _B),
    _f(HISTORY, "active_genital_infection", _B),
    _f(HISTORY, "active_malignancy", _B),
    _f(HISTORY, "uncontrolled_systemic_illness", _B),
)

_SEMEN: tuple[FieldSpec, ...] = (
    _f(SEMEN_ANALYSES, "date", _DT),
    _f(SEMEN_ANALYSES, "volume_ml", _D, minimum=0, maximum=15, units=_ML,
       plausible_max=10, plausible_why=QT_TRANSLATE_NOOP("ServiceMessages", "ejaculate volume above 10 mL is rare; check the entry")),
    _f(SEMEN_ANALYSES, "ph", _D, minimum=5.0, maximum=9.5,
       plausible_min=6.0, plausible_max=9.0, plausible_why=QT_TRANSLATE_NOOP("ServiceMessages", "semen pH outside 6-9 is rare; check the entry")),
    _f(SEMEN_ANALYSES, "abstinence_days", _I, minimum=0, maximum=60,
       plausible_max=30, plausible_why=QT_TRANSLATE_NOOP("ServiceMessages", "WHO/ASRM advise 2-7 days; over 30 is probably a typo")),
    _f(SEMEN_ANALYSES, "centrifuged_pellet_examined", _B),
    _f(SEMEN_ANALYSES, "sperm_seen", _E, values=("none", "rare_after_centrifugation", "present")),
    _f(SEMEN_ANALYSES, "concentration_million_per_ml", _D, minimum=0, maximum=500, units=(_u("million/mL"),),
       plausible_max=300, plausible_why=QT_TRANSLATE_NOOP("ServiceMessages", "above 300 million/mL is rare; check for a count typed as concentration")),
)

_HORMONES: tuple[FieldSpec, ...] = (
    _f(HORMONE_PANELS, "date", _DT),
    _f(HORMONE_PANELS, "fsh", _Q, minimum=0, maximum=200, units=(_u("IU/L"), _u("mIU/mL")),
       plausible_max=60, plausible_why=QT_TRANSLATE_NOOP("ServiceMessages", "reliability-goals §7.2: FSH > 60 IU/L is rare even in testicular failure")),
    _f(HORMONE_PANELS, "lh", _Q, minimum=0, maximum=200, units=(_u("IU/L"), _u("mIU/mL")),
       plausible_max=60, plausible_why=QT_TRANSLATE_NOOP("ServiceMessages", "reliability-goals §7.2: LH > 60 IU/L is rare even in testicular failure")),
    _f(HORMONE_PANELS, "total_testosterone", _Q, minimum=0, maximum=100,
       units=(_u("nmol/L"), _u("ng/dL", multiply=0.0347), _u("ng/mL", multiply=3.47)),
       plausible_min=0.5, plausible_max=50,
       plausible_why=QT_TRANSLATE_NOOP("ServiceMessages", "reliability-goals §7.2: adult male range is about 10-35 nmol/L; > 50 is usually ng/dL "
                     "entered as nmol/L, < 0.5 is possible (androgen deprivation) but often ng/mL as ng/dL")),
    _f(HORMONE_PANELS, "prolactin", _Q, minimum=0, maximum=1000, units=(_u("ng/mL"), _u("mIU/L", divide=21.2)),
       plausible_max=100,
       plausible_why=QT_TRANSLATE_NOOP("ServiceMessages", "male prolactin is usually < 20 ng/mL; values > 100 occur with prolactinoma but are more "
                     "often mIU/L (male range about 86-324 mIU/L) typed as ng/mL")),
    _f(HORMONE_PANELS, "estradiol", _Q, minimum=0, maximum=2000,
       units=(_u("pg/mL"), _u("pmol/L", divide=3.671)),
       plausible_max=150,
       plausible_why=QT_TRANSLATE_NOOP("ServiceMessages", "male estradiol is usually 10-40 pg/mL; > 150 pg/mL is more often pmol/L typed as pg/mL")),
    _f(HORMONE_PANELS, "inhibin_b", _Q, minimum=0, maximum=1000, units=(_u("pg/mL"),),
       plausible_max=500, plausible_why=QT_TRANSLATE_NOOP("ServiceMessages", "adult male inhibin B rarely exceeds about 400 pg/mL")),
    _f(HORMONE_PANELS, "amh", _Q, minimum=0, maximum=200, units=(_u("ng/mL"), _u("pmol/L", divide=7.14)),
       plausible_max=30,
       plausible_why=QT_TRANSLATE_NOOP("ServiceMessages", "adult male AMH is usually < 15 ng/mL; > 30 ng/mL is more often pmol/L typed as ng/mL")),
)

_RETRIEVAL: tuple[FieldSpec, ...] = (
    _f(SPERM_RETRIEVAL_ATTEMPTS, "date", _DT),
    _f(SPERM_RETRIEVAL_ATTEMPTS, "technique", _E,
       values=("micro_tese", "conventional_tese", "tesa", "pesa", "mesa")),
    _f(SPERM_RETRIEVAL_ATTEMPTS, "side", _E, values=("bilateral", "left", "right")),
    _f(SPERM_RETRIEVAL_ATTEMPTS, "sperm_found", _B),
    _f(SPERM_RETRIEVAL_ATTEMPTS, "histology", _E,
       values=("sertoli_cell_only", "maturation_arrest_early", "maturation_arrest_late", "hypospermatogenesis",
               "tubular_hyalinization", "mixed", "not_available")),
)

PATIENT_FIELDS: dict[str, FieldSpec] = {f.id: f for f in _PATIENT}
HISTORY_FIELDS: dict[str, FieldSpec] = {f.id: f for f in _HISTORY}
GROUP_FIELDS: dict[str, dict[str, FieldSpec]] = {
    SEMEN_ANALYSES: {f.id: f for f in _SEMEN},
    HORMONE_PANELS: {f.id: f for f in _HORMONES},
    SPERM_RETRIEVAL_ATTEMPTS: {f.id: f for f in _RETRIEVAL},
}
HORMONE_ANALYTES: tuple[str, ...] = tuple(f.id for f in _HORMONES if f.type is FieldType.QUANTITY)

ALL_FIELDS: tuple[FieldSpec, ...] = (*_PATIENT, *_HISTORY, *_SEMEN, *_HORMONES, *_RETRIEVAL)
_BY_QUALIFIED: dict[str, FieldSpec] = {f.qualified_id: f for f in ALL_FIELDS}
_ALIASES: dict[str, str] = {a: f.qualified_id for f in ALL_FIELDS for a in f.aliases}


def field_spec(qualified_id: str) -> FieldSpec | None:
    """Look up "fsh"-style top-level/patient ids or "hormone_panels.fsh"-style group ids (aliases too).

    A bare id that only exists inside one repeatable group (e.g. "fsh") also resolves, for forms that
    name a group field without its group; bare "date" is ambiguous and resolves to None.
    """
    spec = _BY_QUALIFIED.get(_ALIASES.get(qualified_id, qualified_id))
    if spec is not None:
        return spec
    hits = [g[qualified_id] for g in GROUP_FIELDS.values() if qualified_id in g]
    return hits[0] if len(hits) == 1 else None


def is_known_field(qualified_id: str) -> bool:
    """True for a field id, or a repeatable group name (rules may need "any semen analysis at all")."""
    return qualified_id in REPEATABLE_GROUPS or field_spec(qualified_id) is not None


def quantity_spec(analyte: str) -> FieldSpec:
    """The hormone-panel quantity field for an analyte id; KeyError when it is not a quantity."""
    spec = GROUP_FIELDS[HORMONE_PANELS].get(analyte)
    if spec is None or spec.type is not FieldType.QUANTITY:
        raise KeyError(analyte)
    return spec
