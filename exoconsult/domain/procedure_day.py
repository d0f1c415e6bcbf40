"""The procedure day as data: the lot statuses and which transition each allows, and the safety
checklist (adapted from the WHO Surgical Safety Checklist for an outpatient intratesticular injection
under local anaesthesia) in its three parts. Pure Python: the services enforce it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from exoconsult.domain.translatable import QT_TRANSLATE_NOOP

# Stored lot statuses; "expired" is also what a quarantined or released lot *is* once its expiry date has
# passed, whether or not someone has marked it yet.
QUARANTINED, RELEASED, USED_UP, EXPIRED, DISCARDED, RECALLED = (
    "quarantined", "released", "used_up", "expired", "discarded", "recalled")
LOT_STATUSES = (QUARANTINED, RELEASED, USED_UP, EXPIRED, DISCARDED, RECALLED)

# transition -> statuses (effective, i.e. after the expiry date is applied) it may start from
TRANSITIONS: dict[str, frozenset[str]] = {
    "release": frozenset({QUARANTINED}),
    "use_up": frozenset({RELEASED}),
    "expire": frozenset({EXPIRED}),  # records an expiry the date already implies
    "discard": frozenset({QUARANTINED, RELEASED, EXPIRED}),
    "recall": frozenset({QUARANTINED, RELEASED, USED_UP, EXPIRED, DISCARDED}),
}
TARGET = {"release": RELEASED, "use_up": USED_UP, "expire": EXPIRED, "discard": DISCARDED, "recall": RECALLED}


def effective_status(stored: str, expiry_date: date, today: date) -> str:
    """The status to act on: a quarantined or released lot past its expiry date is expired."""
    if stored in (QUARANTINED, RELEASED) and expiry_date < today:
        return EXPIRED
    return stored


def temperature_in_range(temperature: float, low: float, high: float) -> bool:
    return low <= temperature <= high


def lot_unusable_reason(status: str, temperature: float, low: float, high: float) -> str:
    """Why a lot cannot be given to a patient today ("" when it can); screens translate it (context "Lots")."""
    if status == RECALLED:
        return QT_TRANSLATE_NOOP("Lots", "This lot has been RECALLED: it must not be used.")
    if status != RELEASED:
        return {QUARANTINED: QT_TRANSLATE_NOOP("Lots", "This lot is still in quarantine: a urologist must release it "
                                                       "first."),
                USED_UP: QT_TRANSLATE_NOOP("Lots", "This lot is used up."),
                EXPIRED: QT_TRANSLATE_NOOP("Lots", "This lot is past its expiry date."),
                DISCARDED: QT_TRANSLATE_NOOP("Lots", "This lot was discarded.")}.get(status, f"This lot is {status}.")
    if not temperature_in_range(temperature, low, high):
        return QT_TRANSLATE_NOOP("Lots", "This lot was not stored within the manufacturer's temperature range.")
    return ""


# -- the checklist -----------------------------------------------------------------------------------
BEFORE_ANAESTHESIA, TIME_OUT, SIGN_OUT = "before_anaesthesia", "time_out", "sign_out"
PARTS = (BEFORE_ANAESTHESIA, TIME_OUT, SIGN_OUT)
# Part titles, item texts and prompts are what the nurse and urologist read: marked for translation
# (Qt context "Checklist"); the screens show them in the interface language.
PART_TITLES = {BEFORE_ANAESTHESIA: QT_TRANSLATE_NOOP("Checklist", "Before anaesthesia"),
               TIME_OUT: QT_TRANSLATE_NOOP("Checklist", "Time-out (before the first needle)"),
               SIGN_OUT: QT_TRANSLATE_NOOP("Checklist", "Sign-out (before the patient leaves)")}
NURSE_OR_UROLOGIST, UROLOGIST_ONLY = frozenset({"nurse", "urologist"}), frozenset({"urologist"})


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    part: str
    text: str
    roles: frozenset[str]
    detail_prompt: str = ""  # what to write beside a "yes" (e.g. the antithrombotic plan); "" = nothing
    needs_lot: bool = False  # answered by choosing the product lot


CHECKLIST: tuple[ChecklistItem, ...] = (
    ChecklistItem("identity", BEFORE_ANAESTHESIA, QT_TRANSLATE_NOOP(
        "Checklist", "Identity confirmed by two identifiers: the patient says his full name and date of birth"),
        NURSE_OR_UROLOGIST),
    ChecklistItem("consent_valid", BEFORE_ANAESTHESIA, QT_TRANSLATE_NOOP(
        "Checklist", "The consent is valid today (signed, not withdrawn, not expired, not superseded)"),
        NURSE_OR_UROLOGIST),
    ChecklistItem("assessment_current", BEFORE_ANAESTHESIA, QT_TRANSLATE_NOOP(
        "Checklist", "The eligibility assessment behind the consent is current (history unchanged since)"),
        NURSE_OR_UROLOGIST),
    ChecklistItem("anaesthetic_allergy", BEFORE_ANAESTHESIA,
                  QT_TRANSLATE_NOOP("Checklist", "Asked about local-anaesthetic allergy: none"), NURSE_OR_UROLOGIST),
    ChecklistItem("antithrombotic_plan", BEFORE_ANAESTHESIA,
                  QT_TRANSLATE_NOOP("Checklist", "Antithrombotic plan followed"), NURSE_OR_UROLOGIST,
                  detail_prompt=QT_TRANSLATE_NOOP("Checklist", "paused since … / continued as planned / takes none")),
    ChecklistItem("no_fever_infection", BEFORE_ANAESTHESIA,
                  QT_TRANSLATE_NOOP("Checklist", "No fever and no genital infection today"), NURSE_OR_UROLOGIST),
    ChecklistItem("lot_chosen", BEFORE_ANAESTHESIA, QT_TRANSLATE_NOOP(
        "Checklist", "Product lot chosen: released, not expired, stored within range"), NURSE_OR_UROLOGIST,
        needs_lot=True),
    ChecklistItem("read_aloud", TIME_OUT, QT_TRANSLATE_NOOP(
        "Checklist", "Read aloud: patient, procedure, both testes, product, lot and dose per testis"), UROLOGIST_ONLY),
    ChecklistItem("nothing_unexpected", TIME_OUT,
                  QT_TRANSLATE_NOOP("Checklist", "Nothing unexpected (or it has been discussed)"), UROLOGIST_ONLY),
    ChecklistItem("volumes_given", SIGN_OUT,
                  QT_TRANSLATE_NOOP("Checklist", "Volume given into each testis recorded"), NURSE_OR_UROLOGIST),
    ChecklistItem("complications_recorded", SIGN_OUT,
                  QT_TRANSLATE_NOOP("Checklist", "Complications during the procedure recorded (or none)"),
                  NURSE_OR_UROLOGIST),
    ChecklistItem("pain_score", SIGN_OUT, QT_TRANSLATE_NOOP("Checklist", "Pain score asked"), NURSE_OR_UROLOGIST,
                  detail_prompt="0–10"),
    ChecklistItem("scrotal_check", SIGN_OUT,
                  QT_TRANSLATE_NOOP("Checklist", "Scrotum checked: no haematoma"), NURSE_OR_UROLOGIST),
    ChecklistItem("discharge_instructions", SIGN_OUT,
                  QT_TRANSLATE_NOOP("Checklist", "Discharge instructions given in the patient's language"),
                  NURSE_OR_UROLOGIST),
    ChecklistItem("complication_line", SIGN_OUT,
                  QT_TRANSLATE_NOOP("Checklist", "Complication telephone line given"), NURSE_OR_UROLOGIST),
    ChecklistItem("followup_booked", SIGN_OUT, QT_TRANSLATE_NOOP("Checklist", "First follow-up booked"),
                  NURSE_OR_UROLOGIST, detail_prompt=QT_TRANSLATE_NOOP("Checklist", "date of the first follow-up")),
)
ITEMS = {i.key: i for i in CHECKLIST}

# Intra-procedure events of the procedure record.
PROCEDURE_EVENTS = ("vasovagal", "bleeding", "pain", "other")
