"""Consultation stage pages that have no package of their own. A module here named `stage_<key>.py`
is imported when the first workspace opens and calls `exoconsult.gui.stages.register_stage(...)`."""
