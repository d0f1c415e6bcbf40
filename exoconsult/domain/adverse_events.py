"""Adverse events as data: the controlled term list, CTCAE v5 grades, ICH E2A seriousness criteria,
WHO-UMC causality categories and outcomes, each with its wording in English and Turkish, and the
reporting deadline of a serious event (7 calendar days for a fatal or life-threatening one, 15 for any
other, counted from the day the clinic learnt of it). Pure Python: the services enforce it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

Labels = dict[str, str]  # language -> wording

TERMS: dict[str, Labels] = {
    "pain": {"en": "Pain", "tr": "Ağrı"},
    "haematoma": {"en": "Haematoma", "tr": "Hematom"},
    "swelling": {"en": "Swelling", "tr": "Şişlik"},
    "infection": {"en": "Infection", "tr": "Enfeksiyon"},
    "vasovagal": {"en": "Vasovagal reaction", "tr": "Vazovagal reaksiyon"},
    "anaesthetic_reaction": {"en": "Reaction to the local anaesthetic", "tr": "Lokal anesteziğe reaksiyon"},
    "testicular_atrophy": {"en": "Testicular atrophy", "tr": "Testis atrofisi"},
    "testosterone_fall": {"en": "Fall in testosterone", "tr": "Testosteron düşüşü"},
    "allergic_reaction": {"en": "Allergic reaction", "tr": "Alerjik reaksiyon"},
    "other": {"en": "Other", "tr": "Diğer"},
}

# Common Terminology Criteria for Adverse Events v5.0, general grade definitions (abridged).
GRADES: dict[int, Labels] = {
    1: {"en": "1 – mild", "tr": "1 – hafif"},
    2: {"en": "2 – moderate", "tr": "2 – orta"},
    3: {"en": "3 – severe or medically significant", "tr": "3 – ağır ya da tıbben önemli"},
    4: {"en": "4 – life-threatening", "tr": "4 – hayatı tehdit edici"},
    5: {"en": "5 – death", "tr": "5 – ölüm"},
}

# ICH E2A: what makes an adverse event serious (any one suffices).
DEATH, LIFE_THREATENING = "death", "life_threatening"
SERIOUS_CRITERIA: dict[str, Labels] = {
    DEATH: {"en": "Results in death", "tr": "Ölümle sonuçlandı"},
    LIFE_THREATENING: {"en": "Life-threatening", "tr": "Hayatı tehdit edici"},
    "hospitalisation": {"en": "Requires or prolongs hospitalisation",
                        "tr": "Hastaneye yatış gerektirdi ya da yatışı uzattı"},
    "disability": {"en": "Persistent or significant disability or incapacity",
                   "tr": "Kalıcı ya da önemli sakatlık veya iş göremezlik"},
    "congenital_anomaly": {"en": "Congenital anomaly or birth defect", "tr": "Doğumsal anomali"},
    "medically_important": {"en": "Other medically important event", "tr": "Tıbben önemli diğer olay"},
}
URGENT_CRITERIA = frozenset({DEATH, LIFE_THREATENING})

# WHO-UMC causality categories.
RELATEDNESS: dict[str, Labels] = {
    "certain": {"en": "Certain", "tr": "Kesin"},
    "probable": {"en": "Probable / likely", "tr": "Büyük olasılıkla"},
    "possible": {"en": "Possible", "tr": "Olası"},
    "unlikely": {"en": "Unlikely", "tr": "Olası değil"},
    "conditional": {"en": "Conditional / unclassified", "tr": "Koşullu / sınıflandırılmamış"},
    "unassessable": {"en": "Unassessable / unclassifiable", "tr": "Değerlendirilemez"},
}
RELATED = frozenset({"certain", "probable", "possible"})  # "related" in the registry's summary

FATAL = "fatal"
OUTCOMES: dict[str, Labels] = {
    "recovered": {"en": "Recovered", "tr": "İyileşti"},
    "recovering": {"en": "Recovering", "tr": "İyileşiyor"},
    "not_recovered": {"en": "Not recovered", "tr": "İyileşmedi"},
    "recovered_with_sequelae": {"en": "Recovered with sequelae", "tr": "Kalıcı hasarla iyileşti"},
    FATAL: {"en": "Fatal", "tr": "Ölüm"},
    "unknown": {"en": "Unknown", "tr": "Bilinmiyor"},
}
OUTCOMES_WITH_DATE = frozenset({"recovered", "recovered_with_sequelae", FATAL})

# How the clinic learnt of it.
SOURCES: dict[str, Labels] = {
    "telephone": {"en": "Telephone call", "tr": "Telefon"},
    "visit": {"en": "Follow-up visit", "tr": "Kontrol vizitesi"},
    "procedure_day": {"en": "On the procedure day", "tr": "İşlem günü"},
    "other": {"en": "Other", "tr": "Diğer"},
}

# Who a serious event's report goes to (each recorded sending names one), and how.
RECIPIENTS: dict[str, Labels] = {
    "manufacturer": {"en": "Manufacturer", "tr": "Üretici"},
    "ethics_committee": {"en": "Ethics committee", "tr": "Etik kurul"},
    "health_authority": {"en": "Health authority", "tr": "Sağlık otoritesi"},
}
REQUIRED_RECIPIENTS = tuple(RECIPIENTS)
CHANNELS: dict[str, Labels] = {
    "email": {"en": "E-mail", "tr": "E-posta"},
    "post": {"en": "Registered post", "tr": "İadeli taahhütlü posta"},
    "portal": {"en": "Online portal", "tr": "Çevrim içi portal"},
    "fax": {"en": "Fax", "tr": "Faks"},
    "hand": {"en": "By hand", "tr": "Elden"},
}

URGENT_DAYS, SERIOUS_DAYS = 7, 15


def label(table: dict, key, lang: str) -> str:
    """The wording of `key` in `lang` (English when the language has none)."""
    words = table.get(key)
    return "" if words is None else words.get(lang) or words["en"]


def consistency_problems(grade: int, criteria: Sequence[str], outcome: str) -> dict[str, str]:
    """Grade 5, the outcome "fatal" and the criterion "death" go together; a life-threatening grade 4 is
    serious by definition."""
    problems: dict[str, str] = {}
    fatal = {grade == 5, outcome == FATAL, DEATH in criteria}
    if len(fatal) > 1:
        problems["outcome"] = "Grade 5, the outcome “fatal” and the criterion “results in death” go together."
    elif grade == 4 and not (set(criteria) & URGENT_CRITERIA):
        problems["serious"] = "A grade 4 (life-threatening) event is serious: tick “life-threatening”."
    return problems


@dataclass(frozen=True)
class Assessment:
    """What one entry of an event says, as far as the deadline cares: when the clinic learnt it and which
    seriousness criteria applied then."""

    known_on: date
    criteria: frozenset[str]


@dataclass(frozen=True)
class Sending:
    recipient: str
    sent_on: date


@dataclass(frozen=True)
class Deadline:
    starts_on: date  # the day the clinic learnt what sets this deadline
    days: int  # 7 or 15
    due_on: date
    outstanding: tuple[str, ...]  # recipients not yet sent a report since starts_on
    days_left: int  # negative when overdue

    @property
    def met(self) -> bool:
        return not self.outstanding

    @property
    def overdue(self) -> bool:
        return not self.met and self.days_left < 0


def reporting_deadline(entries: Sequence[Assessment], sendings: Sequence[Sending], today: date) -> Deadline | None:
    """The reporting deadline of an event from its entries (oldest first), or None while it is not
    serious. A clock starts the day the clinic first learnt the event was serious (15 days) and another
    the day it first learnt it was fatal or life-threatening (7 days); a report sent to a recipient on or
    after a clock's first day counts for that clock. The earliest clock not yet met is the deadline; when
    every clock is met, the last one (shown as met)."""
    clocks: list[Deadline] = []
    for matches, days in ((bool, SERIOUS_DAYS), (lambda c: bool(c & URGENT_CRITERIA), URGENT_DAYS)):
        starts_on = next((e.known_on for e in entries if matches(e.criteria)), None)
        if starts_on is None:
            continue
        due_on = starts_on + timedelta(days=days)
        sent = {s.recipient for s in sendings if s.sent_on >= starts_on}
        outstanding = tuple(r for r in REQUIRED_RECIPIENTS if r not in sent)
        clocks.append(Deadline(starts_on, days, due_on, outstanding, (due_on - today).days))
    if not clocks:
        return None
    clocks.sort(key=lambda d: d.due_on)
    return next((d for d in clocks if not d.met), clocks[-1])
