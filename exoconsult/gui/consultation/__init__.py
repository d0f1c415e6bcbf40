"""Consultation stage pages. Every module here named `stage_<something>.py` is imported when the first
workspace opens; at import it calls `exoconsult.gui.stages.register_stage(...)` for its page(s)."""
