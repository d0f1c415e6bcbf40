"""Plain read models handed to the GUI and CLI (frozen; never ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from exoconsult.domain.patient import PatientData


@dataclass(frozen=True)
class PatientDTO:
    id: int
    data: PatientData
    row_version: int
    created_at: datetime
    updated_at: datetime

    @property
    def display_name(self) -> str:
        return f"{self.data.family_name}, {self.data.given_name}"


@dataclass(frozen=True)
class PatientSummary:
    id: int
    mrn: str
    family_name: str
    given_name: str
    birth_date: date
    national_id_tail: str  # last 4 digits only: lists never show the whole national id

    @property
    def display_name(self) -> str:
        return f"{self.family_name}, {self.given_name}"
