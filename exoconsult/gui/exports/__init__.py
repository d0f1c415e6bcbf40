"""Exports that leave the clinic: the research export and the FHIR export dialogs."""
