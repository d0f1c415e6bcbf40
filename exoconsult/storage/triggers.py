"""DDL for tables that refuse UPDATE/DELETE (audit trail, signed consents), for SQLite and PostgreSQL.
Used from migrations: `refuse_changes(op, "audit_entry")`."""

from __future__ import annotations

_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION exo_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is write-once: % refused', TG_TABLE_NAME, TG_OP;
END $$;
"""


def refuse_changes(op, table: str, *, allow_update_when: str | None = None) -> None:
    """Install triggers refusing DELETE (and UPDATE, unless `allow_update_when` — an SQL condition on
    OLD/NEW valid in both dialects — holds, e.g. a status change on an otherwise frozen row)."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        when = f" WHEN NOT ({allow_update_when})" if allow_update_when else ""
        op.execute(f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}{when} "
                   f"BEGIN SELECT RAISE(ABORT, '{table} is write-once: UPDATE refused'); END")
        op.execute(f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
                   f"BEGIN SELECT RAISE(ABORT, '{table} is write-once: DELETE refused'); END")
    elif dialect == "postgresql":
        op.execute(_PG_FUNCTION)
        when = f" WHEN (NOT ({allow_update_when}))" if allow_update_when else ""
        op.execute(f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} FOR EACH ROW{when} "
                   "EXECUTE FUNCTION exo_refuse_change()")
        op.execute(f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} FOR EACH ROW "
                   "EXECUTE FUNCTION exo_refuse_change()")
        op.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} FOR EACH STATEMENT "
                   "EXECUTE FUNCTION exo_refuse_change()")
    else:
        raise RuntimeError(f"no write-once triggers for {dialect}")


def drop_refuse_changes(op, table: str) -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
    else:
        for suffix in ("no_update", "no_delete", "no_truncate"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_{suffix} ON {table}")
