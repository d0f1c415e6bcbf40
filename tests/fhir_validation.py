"""Validate exported FHIR bundles with fhir.resources' R4B models: the bundle, and each entry's resource
as its own type (so an unknown or misspelt element anywhere is an error)."""

from __future__ import annotations

from typing import Any

from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle


def validate_bundle(data: dict[str, Any]) -> Bundle:
    bundle = Bundle.model_validate(data)
    for entry in data["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)
    return bundle


def resources(data: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == kind]
