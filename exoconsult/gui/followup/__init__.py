"""The Follow-up stage of the consultation and the follow-up lists of Today."""
