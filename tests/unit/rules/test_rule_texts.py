"""Rule texts: stored as templates with the parameter values, rendered in a document's language."""

from __future__ import annotations

from exoconsult.rules.model import Protocol
from exoconsult.rules.texts import format_number, render, render_entry, rule_parameters, stored_entry
from tests.unit.rules.builders import panel, run, with_history


def _rule(protocol: Protocol, rule_id: str):
    return next(r for r in protocol.rules if r.id == rule_id)


def test_numbers_use_the_languages_decimal_separator() -> None:
    assert (format_number(10.4, "tr"), format_number(10.4, "en"), format_number(3.0, "tr")) == ("10,4", "10.4", "3")
    assert render("below {x} mL", {"x": 1.5}, "tr") == "below 1,5 mL"
    assert render("no placeholder {", {}, "en") == "no placeholder {"  # a text without names is left alone


def test_engine_renders_parameter_values_in_the_requested_language(protocol: Protocol) -> None:
    data = with_history(hormone_panels=[panel(fsh=1.8, lh=1.6, t=3.3)])
    (tr,) = run(protocol, data, lang="tr").fired
    (en,) = run(protocol, data, lang="en").fired
    assert "10,4 nmol/L" in tr.reason and "3 IU/L" in tr.reason and "{" not in tr.reason + tr.action
    assert "10.4 nmol/L" in en.reason and "{" not in en.reason + en.action


def test_stored_entry_keeps_ids_parameters_and_both_languages(protocol: Protocol) -> None:
    rule = _rule(protocol, "OA-SEMEN")
    assert rule_parameters(rule) == ("obstructive_volume_max_ml", "obstructive_ph_max")
    entry = stored_entry(protocol.with_parameters("x" * 64, obstructive_ph_max=7.2), rule)
    assert entry["rule"] == "OA-SEMEN" and entry["params"] == {"obstructive_volume_max_ml": 1.0, "obstructive_ph_max": 7.2}
    reason_tr, action_tr = render_entry(entry, "tr")
    reason_en, _ = render_entry(entry, "en")
    assert "7,2" in reason_tr and "7.2" in reason_en and "ultrasonografi" in action_tr


def test_an_old_single_language_entry_takes_the_archived_protocols_text() -> None:
    old = {"rule": "PARTNER", "outcome": "caution", "reason": "The female partner has not been evaluated.",
           "action": "Both partners should be evaluated.", "source": "AUA/ASRM"}
    archived = {"PARTNER": {"reason": {"en": "x", "tr": "Kadın eşin değerlendirmesi yapılmamış."},
                            "action": {"en": "y", "tr": "Her iki eş de değerlendirilmelidir."}}}
    assert render_entry(old, "tr", archived) == ("Kadın eşin değerlendirmesi yapılmamış.",
                                                "Her iki eş de değerlendirilmelidir.")
    assert render_entry(old, "tr") == (old["reason"], old["action"])  # no archive: the stored text as it is
