"""The patient block of the case format: value object and field-level validation."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from exoconsult.domain.errors import ValidationError
from exoconsult.domain.text import clean_name, fold, name_reason
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, service_message
from exoconsult.domain.vocabulary import PATIENT_FIELDS

SEXES = PATIENT_FIELDS["sex"].values  # the case vocabulary's values, not a copy
_LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ()\-/.]{3,30}$")
_MRN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-_/.]{0,31}$")


def tc_kimlik_valid(number: str) -> bool:
    """Turkish national id: 11 digits, first not 0, two check digits (Nüfus ve Vatandaşlık İşleri rule)."""
    if len(number) != 11 or not number.isdigit() or number[0] == "0":
        return False
    d = [int(c) for c in number]
    tenth = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    eleventh = sum(d[:10]) % 10
    return d[9] == tenth and d[10] == eleventh


@dataclass(frozen=True)
class PatientData:
    """What staff type for a patient (the case format's `patient` block)."""

    family_name: str
    given_name: str
    birth_date: date | None
    sex: str = "male"
    mrn: str = ""
    national_id: str = ""
    phone: str = ""
    email: str = ""
    preferred_language: str = "tr"
    needs_interpreter: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    def normalised(self) -> PatientData:
        return replace(
            self,
            family_name=clean_name(self.family_name),
            given_name=clean_name(self.given_name),
            mrn=self.mrn.strip(),
            national_id=self.national_id.strip(),
            phone=self.phone.strip(),
            email=self.email.strip(),
            preferred_language=self.preferred_language.strip(),
        )


def validate_patient(data: PatientData, today: date) -> PatientData:
    """Return the normalised data or raise ValidationError naming every bad field."""
    p = data.normalised()
    problems: dict[str, Reason] = {}
    for key in ("family_name", "given_name"):
        why = name_reason(getattr(p, key))
        if why:
            problems[key] = why
    if p.birth_date is None:
        problems["birth_date"] = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "Birth date is required."))
    elif p.birth_date > today:
        problems["birth_date"] = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "Birth date is in the future."))
    elif today.year - p.birth_date.year > 121 or (today - p.birth_date).days > 120 * 366:
        problems["birth_date"] = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "Birth date gives an age over 120 years."))
    if p.sex not in SEXES:
        problems["sex"] = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "Sex must be male, female or other."))
    if not p.mrn:
        problems["mrn"] = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "MRN is required."))
    elif not _MRN.match(p.mrn):
        problems["mrn"] = service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "MRN may use letters, digits, - _ / . (at most 32 characters)."))
    if p.national_id and not tc_kimlik_valid(p.national_id):
        problems["national_id"] = service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "National id is not a valid T.C. kimlik number (11 digits with check digits)."))
    if p.phone and not _PHONE.match(p.phone):
        problems["phone"] = service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "Phone number may contain digits, spaces, + ( ) - / ."))
    if p.email and not _EMAIL.match(p.email):
        problems["email"] = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "E-mail address is not valid."))
    if not _LANG_TAG.match(p.preferred_language or ""):
        problems["preferred_language"] = service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "Preferred language must be a language tag such as tr or en."))
    if problems:
        raise ValidationError(problems)
    return p


def search_tokens(p: PatientData) -> set[str]:
    """Folded tokens a search can prefix-match: each name word, MRN, national id, birth date forms."""
    tokens = set(fold(f"{p.family_name} {p.given_name}").split())
    if p.mrn:
        tokens.add(fold(p.mrn))
    if p.national_id:
        tokens.add(p.national_id)
    if p.birth_date:
        tokens.add(p.birth_date.isoformat())
        tokens.add(p.birth_date.strftime("%d.%m.%Y"))
    return {t for t in tokens if t}


def age_on(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
