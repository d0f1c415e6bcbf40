"""The Explanation stage: the clinician's console and the patient's presentation window (issue #6)."""
