"""About twenty demo patients with Turkish and English names, varied ages, languages and interpreters."""

from __future__ import annotations

from datetime import date

from exoconsult.domain.patient import PatientData
from exoconsult.domain.people import Actor, Role
from exoconsult.services.history.patients import PatientService

# (family, given, birth date, preferred language, needs interpreter, national id)
PATIENTS: tuple[tuple[str, str, date, str, bool, str], ...] = (
    ("Işık", "Mehmet", date(1988, 3, 14), "tr", False, "10000000146"),
    ("Yılmaz", "Ahmet", date(1985, 7, 2), "tr", False, ""),
    ("Şahin", "Emre", date(1991, 11, 23), "tr", False, ""),
    ("Çelik", "İsmail", date(1983, 1, 9), "tr", False, ""),
    ("Öztürk", "Burak", date(1990, 5, 30), "tr", False, ""),
    ("Doğan", "Oğuz", date(1979, 9, 17), "tr", False, ""),
    ("Kaya", "Mustafa", date(1987, 12, 4), "tr", False, ""),
    ("Aydın", "Hakan", date(1994, 2, 11), "tr", False, ""),
    ("Güneş", "Çağlar", date(1986, 6, 21), "tr", False, ""),
    ("Kılıç", "Serkan", date(1992, 8, 8), "tr", False, ""),
    ("Arslan", "Uğur", date(1965, 4, 3), "tr", False, ""),
    ("Koç", "Barış", date(1989, 10, 27), "tr", False, ""),
    ("Smith", "James", date(1984, 2, 19), "en", False, ""),
    ("O'Brien", "Liam", date(1990, 9, 5), "en", False, ""),
    ("Müller", "Jonas", date(1987, 7, 15), "en", True, ""),
    ("Al-Sayed", "Omar", date(1993, 3, 28), "ar", True, ""),
    ("Petrov", "Ivan", date(1982, 11, 1), "ru", True, ""),
    ("Erdoğan", "Can", date(2009, 1, 12), "tr", False, ""),
    ("Polat", "İlker", date(1988, 6, 6), "tr", False, ""),
    ("Aksoy", "Tolga", date(1981, 12, 31), "tr", False, ""),
    ("Bulut", "Kerem", date(1986, 4, 17), "tr", False, ""),
    ("Kurt", "Volkan", date(1984, 10, 3), "tr", False, ""),
    ("Özdemir", "Cem", date(1991, 1, 25), "tr", False, ""),
)

DEMO_CLERK = Actor(user_id=0, username="demo", display_name="Demo data", role=Role.NURSE)


def seed(ctx, demo) -> None:
    service = PatientService(ctx)
    actor = demo.actors.get("nurse", DEMO_CLERK)
    for n, (family, given, born, lang, interp, tc) in enumerate(PATIENTS, start=1):
        dto = service.create(actor, PatientData(
            family_name=family, given_name=given, birth_date=born, sex="male", mrn=f"DEMO-{n:04d}",
            national_id=tc, phone=f"+90 532 000 {n:04d}", preferred_language=lang, needs_interpreter=interp))
        demo.patient_ids.append(dto.id)
