"""Pure rule evaluation over domain data (eligibility protocol, show-if conditions)."""
