"""The closed list of named values computed from a case (protocol conditions may name only these).

Each derived value answers with one of:
  * a known value (number, bool, date);
  * UNKNOWN plus the qualified field ids whose absence made it unknowable (they become "missing");
  * NOT_APPLICABLE: the question does not arise (e.g. months since testosterone stopped for a man who
    never took it); comparisons against it are false, never "missing".

Three-valued (Kleene) logic is used inside the pattern values so that a known false part decides the
answer even when another part is missing (FSH 30 IU/L is not an obstructive pattern, whatever the
testis size).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from exoconsult.domain.case import Case, Entry, Quantity
from exoconsult.domain.conditions import NO_MISSING, NOT_APPLICABLE, UNKNOWN, Result
from exoconsult.domain.patient import age_on

Params = Mapping[str, int | float]


class Context(Protocol):
    """What a derived value may see: the case, the parameter values, other derived values (cached)."""

    case: Case
    params: Params

    def derived(self, name: str) -> Result: ...


@dataclass(frozen=True)
class DerivedSpec:
    name: str
    kind: str  # "number", "integer", "bool", "date": what a condition may compare it with
    reads: tuple[str, ...]  # qualified field ids it reads (a rule using it must list them)
    params: tuple[str, ...]  # protocol parameters it uses
    compute: Callable[[Context], Result]
    description: str


def months_between(start: date, end: date) -> int:
    """Whole calendar months completed from start to end (like age in years, but months)."""
    return (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)


def _unknown(*fields: str) -> Result:
    return UNKNOWN, frozenset(fields)


def _age_years(ctx: Context) -> Result:
    case = ctx.case
    birth = case.patient.get("birth_date")
    return (age_on(birth, case.assessed_on), NO_MISSING) if isinstance(birth, date) else _unknown("birth_date")


def _latest(analyte: str) -> tuple[Callable[[Context], Result], Callable[[Context], Result]]:
    """Value (canonical) and date of the latest panel that has the analyte (spec: rules read the latest)."""
    field = f"hormone_panels.{analyte}"

    def pick(case: Case) -> tuple[Entry | None, frozenset[str]]:
        panels = [p for p in case.entries("hormone_panels") or () if isinstance(p.get(analyte), Quantity)]
        if not panels:
            return None, frozenset((field,))
        if len(panels) == 1:
            return panels[0], NO_MISSING
        if any(not isinstance(p.get("date"), date) for p in panels):
            return None, frozenset(("hormone_panels.date",))  # cannot tell which is latest
        # max() keeps the first of equal dates; reversed so the later entry in the list wins a tie.
        return max(reversed(panels), key=lambda p: p["date"]), NO_MISSING  # type: ignore[arg-type,return-value]

    def value(ctx: Context) -> Result:
        case = ctx.case
        panel, missing = pick(case)
        return (UNKNOWN, missing) if panel is None else (panel[analyte].canonical, NO_MISSING)  # type: ignore[union-attr]

    def when(ctx: Context) -> Result:
        case = ctx.case
        panel, missing = pick(case)
        if panel is None:
            return UNKNOWN, missing
        d = panel.get("date")
        return (d, NO_MISSING) if isinstance(d, date) else _unknown("hormone_panels.date")

    return value, when


def _testis_volumes(case: Case) -> tuple[list[float], frozenset[str]]:
    keys = ("testis_right_volume_ml", "testis_left_volume_ml")
    vols = [case.value(k) for k in keys]
    missing = frozenset(k for k, v in zip(keys, vols, strict=True) if v is None)
    return [float(v) for v in vols if isinstance(v, int | float)], missing  # type: ignore[arg-type]


def _mean_volume(ctx: Context) -> Result:
    case = ctx.case
    vols, missing = _testis_volumes(case)
    return (UNKNOWN, missing) if missing else (sum(vols) / 2, NO_MISSING)


def _min_volume(ctx: Context) -> Result:
    case = ctx.case
    vols, missing = _testis_volumes(case)
    return (UNKNOWN, missing) if missing else (min(vols), NO_MISSING)


# --- three-valued helpers: (True | False | None, missing) -------------------------------------------
Tri = tuple[bool | None, frozenset[str]]


def _cmp(result: Result, test: Callable[[float], bool]) -> Tri:
    value, missing = result
    if value is UNKNOWN:
        return None, missing
    if value is NOT_APPLICABLE:
        return False, NO_MISSING
    return test(value), NO_MISSING  # type: ignore[arg-type]


def tri_all(*parts: Tri) -> Tri:
    if any(v is False for v, _ in parts):
        return False, NO_MISSING
    missing = frozenset().union(*(m for v, m in parts if v is None))
    return (None, missing) if missing else (True, NO_MISSING)


def tri_any(*parts: Tri) -> Tri:
    if any(v is True for v, _ in parts):
        return True, NO_MISSING
    missing = frozenset().union(*(m for v, m in parts if v is None))
    return (None, missing) if missing else (False, NO_MISSING)


def _tri_result(t: Tri) -> Result:
    return (UNKNOWN, t[1]) if t[0] is None else (t[0], NO_MISSING)


def _field(case: Case, name: str) -> Result:
    v = case.value(name)
    return _unknown(name) if v is None else (v, NO_MISSING)


_FSH, _FSH_DATE = _latest("fsh")
_LH, _LH_DATE = _latest("lh")
_T, _T_DATE = _latest("total_testosterone")


def _obstructive(ctx: Context) -> Result:
    """Schoor 2002 pattern: FSH <= limit and both long axes > limit (both volumes >= limit when an axis
    is not recorded). A failed retrieval is checked by the rule, not here."""
    case, p = ctx.case, ctx.params
    axes = ("testis_right_long_axis_cm", "testis_left_long_axis_cm")
    vols = ("testis_right_volume_ml", "testis_left_volume_ml")
    axis_missing = any(case.value(a) is None for a in axes)
    if axis_missing:
        size = tri_all(*(_cmp(_field(case, v), lambda x: x >= p["oa_volume_min_ml"]) for v in vols))
        if size[0] is None:  # neither measure is complete: report the axes too, either would do
            size = (None, size[1] | frozenset(a for a in axes if case.value(a) is None))
    else:
        size = tri_all(*(_cmp(_field(case, a), lambda x: x > p["oa_long_axis_min_cm"]) for a in axes))
    fsh = _cmp(ctx.derived("latest_fsh_iu_l"), lambda x: x <= p["oa_fsh_max_iu_l"])
    return _tri_result(tri_all(fsh, size))


def _low_gonadotropins(ctx: Context) -> Result:
    limit = ctx.params["hh_gonadotropin_max_iu_l"]
    fsh = _cmp(ctx.derived("latest_fsh_iu_l"), lambda x: x < limit)
    return _tri_result(tri_all(fsh, _cmp(ctx.derived("latest_lh_iu_l"), lambda x: x < limit)))


def _central(ctx: Context) -> Result:
    limit = ctx.params["low_testosterone_nmol_l"]
    low_t = _cmp(ctx.derived("latest_testosterone_nmol_l"), lambda x: x < limit)
    low = ctx.derived("low_gonadotropins")
    low_tri: Tri = (None, low[1]) if low[0] is UNKNOWN else (bool(low[0]), NO_MISSING)
    return _tri_result(tri_all(low_tri, low_t))


def _semen(case: Case) -> tuple[Entry, ...] | None:
    return case.entries("semen_analyses")


def _negative_centrifuged(ctx: Context) -> Result:
    case = ctx.case
    entries = _semen(case)
    if entries is None:
        return _unknown("semen_analyses")
    count = sum(1 for e in entries if e.get("centrifuged_pellet_examined") is True and e.get("sperm_seen") == "none")
    return count, NO_MISSING


def _any_sperm_seen(ctx: Context) -> Result:
    case = ctx.case
    entries = _semen(case)
    if entries is None:
        return _unknown("semen_analyses")
    parts: list[Tri] = [(None, frozenset(("semen_analyses.sperm_seen",))) if e.get("sperm_seen") is None
                        else (e["sperm_seen"] != "none", NO_MISSING) for e in entries]
    return _tri_result(tri_any(*parts))


def _months_since_testosterone(ctx: Context) -> Result:
    case = ctx.case
    use = case.value("exogenous_testosterone_or_aas")
    if use is None:
        return _unknown("exogenous_testosterone_or_aas")
    if use != "stopped":
        return NOT_APPLICABLE, NO_MISSING
    stopped = case.value("testosterone_stopped_on")
    if not isinstance(stopped, date):
        return _unknown("testosterone_stopped_on")
    return months_between(stopped, case.assessed_on), NO_MISSING


def _attempts(case: Case) -> tuple[Entry, ...] | None:
    return case.entries("sperm_retrieval_attempts")


def _micro_tese_on_record(ctx: Context) -> Result:
    case = ctx.case
    attempts = _attempts(case)
    if attempts is None:
        return _unknown("sperm_retrieval_attempts")
    parts: list[Tri] = [(None, frozenset(("sperm_retrieval_attempts.technique",))) if a.get("technique") is None
                        else (a["technique"] == "micro_tese", NO_MISSING) for a in attempts]
    return _tri_result(tri_any(*parts))


def _months_since_micro_tese(ctx: Context) -> Result:
    case = ctx.case
    on_record, missing = ctx.derived("micro_tese_on_record")
    if on_record is UNKNOWN:
        return UNKNOWN, missing
    if on_record is False:
        return NOT_APPLICABLE, NO_MISSING
    dates = [a.get("date") for a in _attempts(case) or () if a.get("technique") == "micro_tese"]
    if any(not isinstance(d, date) for d in dates):
        return _unknown("sperm_retrieval_attempts.date")
    return months_between(max(dates), case.assessed_on), NO_MISSING  # type: ignore[type-var,arg-type]


def _failed_retrieval(ctx: Context) -> Result:
    case = ctx.case
    attempts = _attempts(case)
    if attempts is None:
        return _unknown("sperm_retrieval_attempts")
    parts: list[Tri] = [(None, frozenset(("sperm_retrieval_attempts.sperm_found",))) if a.get("sperm_found") is None
                        else (a["sperm_found"] is False, NO_MISSING) for a in attempts]
    return _tri_result(tri_any(*parts))


TESTICULAR = ("micro_tese", "conventional_tese", "tesa")  # PESA/MESA sample the epididymis, not the testis


def _testicular(ctx: Context) -> tuple[list[Entry] | None, frozenset[str]]:
    """The testicular retrievals on record (None with the missing fields when that cannot be told)."""
    attempts = _attempts(ctx.case)
    if attempts is None:
        return None, frozenset(("sperm_retrieval_attempts",))
    if any(a.get("technique") is None for a in attempts):
        return None, frozenset(("sperm_retrieval_attempts.technique",))
    return [a for a in attempts if a["technique"] in TESTICULAR], NO_MISSING


def _failed_testicular(ctx: Context) -> Result:
    """1.1.0: only a failed testicular retrieval argues against obstruction (a failed PESA does not)."""
    found, missing = _testicular(ctx)
    if found is None:
        return UNKNOWN, missing
    parts: list[Tri] = [(None, frozenset(("sperm_retrieval_attempts.sperm_found",))) if a.get("sperm_found") is None
                        else (a["sperm_found"] is False, NO_MISSING) for a in found]
    return _tri_result(tri_any(*parts))


def _latest_and_earlier(ctx: Context) -> tuple[list[Entry], list[Entry]] | Result:
    """(retrievals on the latest date, earlier ones) among testicular retrievals, or a Result to return."""
    found, missing = _testicular(ctx)
    if found is None:
        return UNKNOWN, missing
    if not found:
        return NOT_APPLICABLE, NO_MISSING
    if len(found) > 1 and any(not isinstance(a.get("date"), date) for a in found):
        return _unknown("sperm_retrieval_attempts.date")  # cannot tell which one is the latest
    if len(found) == 1:
        return found, []
    last = max(a["date"] for a in found)  # type: ignore[type-var]
    return [a for a in found if a["date"] == last], [a for a in found if a["date"] != last]


def _sperm_found(entries: list[Entry]) -> Tri:
    parts: list[Tri] = [(None, frozenset(("sperm_retrieval_attempts.sperm_found",))) if a.get("sperm_found") is None
                        else (a["sperm_found"] is True, NO_MISSING) for a in entries]
    return tri_any(*parts)


def _latest_testicular_found(ctx: Context) -> Result:
    split = _latest_and_earlier(ctx)
    if not isinstance(split[0], list):
        return split  # type: ignore[return-value]
    latest, _ = split  # type: ignore[misc]
    return _tri_result(_sperm_found(latest))


def _earlier_testicular_found(ctx: Context) -> Result:
    split = _latest_and_earlier(ctx)
    if not isinstance(split[0], list):
        return split  # type: ignore[return-value]
    _, earlier = split  # type: ignore[misc]
    return _tri_result(_sperm_found(earlier))


def _low_volume_acidic(ctx: Context) -> Result:
    """Any analysis with volume and pH both below their limits. An analysis lacking either value is not
    judged; when no analysis has both, the answer is unknown (the fields missing everywhere are named)."""
    entries = _semen(ctx.case)
    if entries is None:
        return _unknown("semen_analyses")
    p = ctx.params
    if "obstructive_volume_max_ml" not in p or "obstructive_ph_max" not in p:
        return NOT_APPLICABLE, NO_MISSING  # a protocol older than 1.1.0 has no such limits
    both = [e for e in entries if isinstance(e.get("volume_ml"), int | float) and isinstance(e.get("ph"), int | float)]
    if not both:
        missing = frozenset(f"semen_analyses.{k}" for k in ("volume_ml", "ph")
                            if not any(e.get(k) is not None for e in entries))
        return UNKNOWN, missing or frozenset(("semen_analyses.volume_ml", "semen_analyses.ph"))
    hit = any(e["volume_ml"] < p["obstructive_volume_max_ml"] and e["ph"] < p["obstructive_ph_max"]  # type: ignore[operator]
              for e in both)
    return hit, NO_MISSING


def _cftr_positive(ctx: Context) -> Result:
    """A case without the CFTR field is judged as `not_done` (spec 1.1.0): never missing."""
    return ctx.case.value("cftr") == "positive", NO_MISSING


_SIZE = ("testis_right_long_axis_cm", "testis_left_long_axis_cm", "testis_right_volume_ml", "testis_left_volume_ml")
_OA_PARAMS = ("oa_fsh_max_iu_l", "oa_long_axis_min_cm", "oa_volume_min_ml")
_HH = ("hh_gonadotropin_max_iu_l",)
_SA = ("semen_analyses",)
_RA = ("sperm_retrieval_attempts",)

DERIVED: Mapping[str, DerivedSpec] = {s.name: s for s in (
    DerivedSpec("age_years", "integer", ("birth_date",), (), _age_years, "age in whole years on assessed_on"),
    DerivedSpec("latest_fsh_iu_l", "number", ("hormone_panels.fsh",), (), _FSH, "FSH of the latest panel with FSH"),
    DerivedSpec("latest_fsh_date", "date", ("hormone_panels.fsh",), (), _FSH_DATE, "date of that panel"),
    DerivedSpec("latest_lh_iu_l", "number", ("hormone_panels.lh",), (), _LH, "LH of the latest panel with LH"),
    DerivedSpec("latest_lh_date", "date", ("hormone_panels.lh",), (), _LH_DATE, "date of that panel"),
    DerivedSpec("latest_testosterone_nmol_l", "number", ("hormone_panels.total_testosterone",), (), _T,
                "total testosterone of the latest panel with it"),
    DerivedSpec("latest_testosterone_date", "date", ("hormone_panels.total_testosterone",), (), _T_DATE,
                "date of that panel"),
    DerivedSpec("mean_testis_volume_ml", "number", _SIZE[2:], (), _mean_volume, "mean of right and left volume"),
    DerivedSpec("min_testis_volume_ml", "number", _SIZE[2:], (), _min_volume, "smaller testis volume"),
    DerivedSpec("obstructive_pattern", "bool", ("hormone_panels.fsh", *_SIZE), _OA_PARAMS, _obstructive,
                "FSH and testis size suggest obstruction (Schoor 2002)"),
    DerivedSpec("low_gonadotropins", "bool", ("hormone_panels.fsh", "hormone_panels.lh"), _HH, _low_gonadotropins,
                "FSH and LH both below the limit"),
    DerivedSpec("central_pattern", "bool", ("hormone_panels.fsh", "hormone_panels.lh",
                                            "hormone_panels.total_testosterone"),
                (*_HH, "low_testosterone_nmol_l"), _central, "low FSH and LH with low testosterone"),
    DerivedSpec("negative_centrifuged_analyses", "integer", _SA, (), _negative_centrifuged,
                "analyses with the centrifuged pellet examined and no sperm seen"),
    DerivedSpec("any_sperm_seen", "bool", _SA, (), _any_sperm_seen, "any analysis with sperm seen"),
    DerivedSpec("months_since_testosterone_stopped", "integer",
                ("exogenous_testosterone_or_aas", "testosterone_stopped_on"), (), _months_since_testosterone,
                "whole months since testosterone/AAS stopped (not applicable unless stopped)"),
    DerivedSpec("micro_tese_on_record", "bool", _RA, (), _micro_tese_on_record, "any micro-TESE recorded"),
    DerivedSpec("months_since_last_micro_tese", "integer", _RA, (), _months_since_micro_tese,
                "whole months since the latest micro-TESE (not applicable without one)"),
    DerivedSpec("failed_retrieval_on_record", "bool", _RA, (), _failed_retrieval,
                "any retrieval attempt that found no sperm"),
    DerivedSpec("failed_testicular_retrieval_on_record", "bool", _RA, (), _failed_testicular,
                "any testicular retrieval (micro-TESE, conventional TESE, TESA) that found no sperm"),
    DerivedSpec("latest_testicular_retrieval_found_sperm", "bool", _RA, (), _latest_testicular_found,
                "the latest testicular retrieval found sperm (not applicable without one)"),
    DerivedSpec("earlier_testicular_retrieval_found_sperm", "bool", _RA, (), _earlier_testicular_found,
                "a testicular retrieval before the latest one found sperm (not applicable without one)"),
    DerivedSpec("low_volume_acidic_semen", "bool", ("semen_analyses.volume_ml", "semen_analyses.ph"),
                ("obstructive_volume_max_ml", "obstructive_ph_max"), _low_volume_acidic,
                "an analysis with volume and pH both below their limits"),
    DerivedSpec("cftr_positive", "bool", ("cftr",), (), _cftr_positive, "a CFTR variant was found"),
)}
