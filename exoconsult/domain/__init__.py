"""Pure domain: value objects, validation and invariants. No Qt, SQLAlchemy, reportlab, YAML or pydantic."""
