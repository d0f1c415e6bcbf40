"""Follow-up after the procedure: the schedule's visits with their due dates and windows, visits recorded
(done with the visit record, missed with a reason), lost to follow-up, reminder letters, the follow-up
lists of the Today view, and the outcome data the registry report reads."""
