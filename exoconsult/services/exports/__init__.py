"""Data that leaves the clinic: the pseudonymised research export with its data dictionary, and FHIR R4."""
