"""Patient registry: validation messages, duplicate MRN, optimistic lock, Turkish-aware search."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from exoconsult.domain.errors import Conflict, ValidationError
from exoconsult.domain.patient import PatientData
from exoconsult.services.history.patients import PatientService


def data(family="Işık", given="Ali", mrn="A-1", **kw) -> PatientData:
    return PatientData(family_name=family, given_name=given, birth_date=kw.pop("birth_date", date(1986, 5, 4)),
                       mrn=mrn, **kw)


@pytest.fixture
def service(ctx) -> PatientService:
    return PatientService(ctx)


def test_create_then_open_returns_the_normalised_record(service, nurse):
    created = service.create(nurse, data(family="  Işık ", given="Ali  Rıza"))
    opened = service.open(nurse, created.id)
    assert opened.data.family_name == "Işık" and opened.data.given_name == "Ali Rıza"
    assert opened.row_version == 1


@pytest.mark.parametrize(("field", "value", "message"), [
    ("birth_date", date(2027, 1, 1), "future"),
    ("national_id", "12345678901", "T.C. kimlik"),
    ("family_name", "", "required"),
    ("family_name", "Ali\u202eVeli", "invisible or control"),
    ("given_name", "x" * 101, "longer than 100"),
    ("email", "not-an-email", "not valid"),
    ("mrn", "", "required"),
])
def test_bad_input_is_refused_with_a_field_level_message(service, nurse, field, value, message):
    with pytest.raises(ValidationError) as info:
        service.create(nurse, replace(data(), **{field: value}))
    assert list(info.value.problems) == [field]
    assert message in info.value.problems[field]
    assert service.search(nurse, "") == []


def test_all_bad_fields_are_reported_at_once(service, nurse):
    with pytest.raises(ValidationError) as info:
        service.create(nurse, replace(data(), birth_date=date(2030, 1, 1), national_id="1", mrn=""))
    assert set(info.value.problems) == {"birth_date", "national_id", "mrn"}


def test_duplicate_mrn_is_refused_on_create_and_on_edit(service, nurse):
    first = service.create(nurse, data(mrn="DUP-1"))
    other = service.create(nurse, data(mrn="DUP-2", family="Kaya"))
    with pytest.raises(ValidationError) as info:
        service.create(nurse, data(mrn="DUP-1", family="Another"))
    assert "already used" in info.value.problems["mrn"]
    with pytest.raises(ValidationError):
        service.update(nurse, other.id, replace(other.data, mrn="DUP-1"), other.row_version)
    assert service.open(nurse, first.id).data.mrn == "DUP-1"


def test_a_valid_tc_kimlik_is_accepted(service, nurse):
    assert service.create(nurse, data(national_id="10000000146")).data.national_id == "10000000146"


def test_the_later_of_two_edits_is_told_about_the_conflict(service, nurse, urologist):
    created = service.create(nurse, data())
    a = service.open(nurse, created.id)
    b = service.open(urologist, created.id)
    service.update(nurse, a.id, replace(a.data, phone="+90 555 111 2233"), a.row_version)
    with pytest.raises(Conflict):
        service.update(urologist, b.id, replace(b.data, phone="+90 555 999 0000"), b.row_version)
    assert service.open(nurse, created.id).data.phone == "+90 555 111 2233"


@pytest.fixture
def turkish_registry(service, nurse):
    people = [("IŞIK", "Mehmet"), ("Işık", "Ayhan"), ("Isık", "Not-a-match-for-ismail"), ("ÇAĞLAR", "Deniz"),
              ("Yılmaz", "İSMAİL"), ("Kaya", "ismail"), ("Smith", "John"), ("Öztürk", "Ümit")]
    ids = {}
    for n, (family, given) in enumerate(people):
        ids[(family, given)] = service.create(nurse, data(family=family, given=given, mrn=f"T-{n}",
                                                          birth_date=date(1980 + n, 2, 3))).id
    return ids


@pytest.mark.parametrize(("query", "expected"), [
    ("isik", {("IŞIK", "Mehmet"), ("Işık", "Ayhan"), ("Isık", "Not-a-match-for-ismail")}),
    ("IŞIK", {("IŞIK", "Mehmet"), ("Işık", "Ayhan"), ("Isık", "Not-a-match-for-ismail")}),
    ("ışık ayh", {("Işık", "Ayhan")}),
    ("İSMAİL", {("Yılmaz", "İSMAİL"), ("Kaya", "ismail")}),
    ("ismail", {("Yılmaz", "İSMAİL"), ("Kaya", "ismail")}),
    ("caglar", {("ÇAĞLAR", "Deniz")}),
    ("Çağlar", {("ÇAĞLAR", "Deniz")}),
    ("ozturk umit", {("Öztürk", "Ümit")}),
    ("T-6", {("Smith", "John")}),
    ("1986-02-03", {("Smith", "John")}),
    ("03.02.1986", {("Smith", "John")}),
    ("zzz", set()),
])
def test_search_is_case_and_accent_insensitive_with_turkish_rules(service, nurse, turkish_registry, query, expected):
    found = {(p.family_name, p.given_name) for p in service.search(nurse, query)}
    assert found == expected


def test_search_by_national_id_and_list_masks_it(service, nurse):
    service.create(nurse, data(national_id="10000000146"))
    [hit] = service.search(nurse, "1000000")
    assert hit.national_id_tail == "0146"


def test_an_empty_search_lists_patients_sorted_by_folded_name(service, nurse, turkish_registry):
    from exoconsult.domain.text import fold

    names = [f"{p.family_name} {p.given_name}" for p in service.search(nurse, "")]
    assert names == sorted(names, key=fold) and len(names) == len(turkish_registry)


def test_matches_are_ordered_by_the_matched_word_then_name(service, nurse, turkish_registry):
    # "i" matches the token "isik" (three family names) before "ismail" (two given names).
    found = [(p.family_name, p.given_name) for p in service.search(nurse, "i")]
    assert found == [("Işık", "Ayhan"), ("IŞIK", "Mehmet"), ("Isık", "Not-a-match-for-ismail"),
                     ("Kaya", "ismail"), ("Yılmaz", "İSMAİL")]


def test_search_stops_at_the_limit(service, nurse, turkish_registry):
    assert len(service.search(nurse, "t", limit=3)) == 3
