"""Use cases: permissions, audit, transactions. Returns plain data (DTOs), never ORM rows."""
