"""The audit log's stored words (actions, record kinds, roles) as a person reads them, in the screen's language.
The log keeps the identifiers (`history.change`, `consent_signature`): they are what is hashed, filtered and
exported; the table shows these labels and the identifier as its tooltip. A word not listed here (written by a
later version) is shown as stored."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from exoconsult.gui.labels import role_label

ACTIONS: dict[str, str] = {
    "create": QT_TRANSLATE_NOOP("AuditActions", "created"),
    "update": QT_TRANSLATE_NOOP("AuditActions", "changed"),
    "delete": QT_TRANSLATE_NOOP("AuditActions", "deleted"),
    "view": QT_TRANSLATE_NOOP("AuditActions", "viewed"),
    "login": QT_TRANSLATE_NOOP("AuditActions", "signed in"),
    "logout": QT_TRANSLATE_NOOP("AuditActions", "signed out"),
    "login_password_change_required": QT_TRANSLATE_NOOP("AuditActions", "signed in, must choose a password"),
    "seal": QT_TRANSLATE_NOOP("AuditActions", "sealed"),
    "sign": QT_TRANSLATE_NOOP("AuditActions", "signed"),
    "withdraw": QT_TRANSLATE_NOOP("AuditActions", "withdrawal recorded"),
    "decide": QT_TRANSLATE_NOOP("AuditActions", "decided"),
    "print": QT_TRANSLATE_NOOP("AuditActions", "printed"),
    "export": QT_TRANSLATE_NOOP("AuditActions", "exported"),
    "restore": QT_TRANSLATE_NOOP("AuditActions", "restored from a backup"),
    "backup": QT_TRANSLATE_NOOP("AuditActions", "backed up"),
    "history.add_row": QT_TRANSLATE_NOOP("AuditActions", "history: row added"),
    "history.change": QT_TRANSLATE_NOOP("AuditActions", "history: value changed"),
    "history.remove_row": QT_TRANSLATE_NOOP("AuditActions", "history: row removed"),
    "case.export": QT_TRANSLATE_NOOP("AuditActions", "case exported"),
    "case.import": QT_TRANSLATE_NOOP("AuditActions", "case imported"),
    "account_created": QT_TRANSLATE_NOOP("AuditActions", "account created"),
    "account_edited": QT_TRANSLATE_NOOP("AuditActions", "account edited"),
    "account_deactivated": QT_TRANSLATE_NOOP("AuditActions", "account deactivated"),
    "account_reactivated": QT_TRANSLATE_NOOP("AuditActions", "account reactivated"),
    "account_locked": QT_TRANSLATE_NOOP("AuditActions", "account locked (failed sign-ins)"),
    "account_unlocked": QT_TRANSLATE_NOOP("AuditActions", "lockout ended"),
    "password_changed": QT_TRANSLATE_NOOP("AuditActions", "password changed"),
    "password_change_failed": QT_TRANSLATE_NOOP("AuditActions", "password change refused"),
    "password_reset": QT_TRANSLATE_NOOP("AuditActions", "password reset"),
    "password_rehashed": QT_TRANSLATE_NOOP("AuditActions", "password hash renewed"),
    "pin_set": QT_TRANSLATE_NOOP("AuditActions", "signing PIN set"),
    "pin_removed": QT_TRANSLATE_NOOP("AuditActions", "signing PIN removed"),
    "pin_locked": QT_TRANSLATE_NOOP("AuditActions", "signing PIN locked"),
    "audit_view": QT_TRANSLATE_NOOP("AuditActions", "audit log viewed"),
    "audit_export": QT_TRANSLATE_NOOP("AuditActions", "audit log exported"),
    "backup_key_created": QT_TRANSLATE_NOOP("AuditActions", "backup key created"),
    "clinic_passphrase_changed": QT_TRANSLATE_NOOP("AuditActions", "clinic passphrase changed"),
    "content_approved": QT_TRANSLATE_NOOP("AuditActions", "content approved"),
    "content_approval_auth": QT_TRANSLATE_NOOP("AuditActions", "approver's password confirmed"),
    "content_approver_granted": QT_TRANSLATE_NOOP("AuditActions", "named content approver"),
    "content_approver_revoked": QT_TRANSLATE_NOOP("AuditActions", "content approver permission withdrawn"),
    "programme_facts_changed": QT_TRANSLATE_NOOP("AuditActions", "programme facts changed"),
    "fhir_export": QT_TRANSLATE_NOOP("AuditActions", "FHIR export"),
    "research_export": QT_TRANSLATE_NOOP("AuditActions", "research export"),
    "registry_report": QT_TRANSLATE_NOOP("AuditActions", "registry report"),
    "recall_query": QT_TRANSLATE_NOOP("AuditActions", "recall list viewed"),
    "print_blank_consent": QT_TRANSLATE_NOOP("AuditActions", "blank consent printed"),
    "print_information_pack": QT_TRANSLATE_NOOP("AuditActions", "information pack printed"),
    "pseudonym_key.create": QT_TRANSLATE_NOOP("AuditActions", "pseudonym key created"),
    "seal_key_encrypted": QT_TRANSLATE_NOOP("AuditActions", "seal key encrypted"),
    "seal_key_moved_to_database": QT_TRANSLATE_NOOP("AuditActions", "seal key moved into the database"),
    "seal_key_slot_set": QT_TRANSLATE_NOOP("AuditActions", "seal key unlock set"),
    "setup_completed": QT_TRANSLATE_NOOP("AuditActions", "clinic set up"),
    "signature_auth": QT_TRANSLATE_NOOP("AuditActions", "signer's password confirmed"),
    "witness_auth": QT_TRANSLATE_NOOP("AuditActions", "witness confirmed"),
    "witness_auth_failed": QT_TRANSLATE_NOOP("AuditActions", "witness confirmation refused"),
    "workstation_joined": QT_TRANSLATE_NOOP("AuditActions", "workstation joined"),
}

RECORDS: dict[str, str] = {
    "account_grant": QT_TRANSLATE_NOOP("AuditRecords", "account permission"),
    "adverse_event": QT_TRANSLATE_NOOP("AuditRecords", "adverse event"),
    "adverse_event_entry": QT_TRANSLATE_NOOP("AuditRecords", "adverse event follow-up"),
    "app_user": QT_TRANSLATE_NOOP("AuditRecords", "user account"),
    "user": QT_TRANSLATE_NOOP("AuditRecords", "user account"),
    "assessment": QT_TRANSLATE_NOOP("AuditRecords", "assessment"),
    "assessment_resolution": QT_TRANSLATE_NOOP("AuditRecords", "review decision"),
    "audit": QT_TRANSLATE_NOOP("AuditRecords", "audit log"),
    "clinic": QT_TRANSLATE_NOOP("AuditRecords", "clinic"),
    "clinic_logo": QT_TRANSLATE_NOOP("AuditRecords", "clinic logo"),
    "clinic_secret": QT_TRANSLATE_NOOP("AuditRecords", "clinic key"),
    "comprehension_answer": QT_TRANSLATE_NOOP("AuditRecords", "comprehension answer"),
    "consent": QT_TRANSLATE_NOOP("AuditRecords", "consent"),
    "consent_choice": QT_TRANSLATE_NOOP("AuditRecords", "optional choice"),
    "consent_document": QT_TRANSLATE_NOOP("AuditRecords", "consent document"),
    "consent_evidence": QT_TRANSLATE_NOOP("AuditRecords", "signing evidence"),
    "consent_list": QT_TRANSLATE_NOOP("AuditRecords", "consent list"),
    "consent_signature": QT_TRANSLATE_NOOP("AuditRecords", "signature"),
    "consent_withdrawal": QT_TRANSLATE_NOOP("AuditRecords", "consent withdrawal"),
    "content_approval": QT_TRANSLATE_NOOP("AuditRecords", "content approval"),
    "database": QT_TRANSLATE_NOOP("AuditRecords", "database"),
    "discharge_sheet": QT_TRANSLATE_NOOP("AuditRecords", "discharge sheet"),
    "explanation_presence": QT_TRANSLATE_NOOP("AuditRecords", "who was present"),
    "explanation_question": QT_TRANSLATE_NOOP("AuditRecords", "patient's question"),
    "explanation_section": QT_TRANSLATE_NOOP("AuditRecords", "explanation section"),
    "explanation_session": QT_TRANSLATE_NOOP("AuditRecords", "explanation"),
    "export": QT_TRANSLATE_NOOP("AuditRecords", "export"),
    "followup_reminder": QT_TRANSLATE_NOOP("AuditRecords", "reminder letter"),
    "followup_status_event": QT_TRANSLATE_NOOP("AuditRecords", "follow-up status"),
    "followup_visit": QT_TRANSLATE_NOOP("AuditRecords", "follow-up visit"),
    "history_draft": QT_TRANSLATE_NOOP("AuditRecords", "history draft"),
    "history_version": QT_TRANSLATE_NOOP("AuditRecords", "history"),
    "patient": QT_TRANSLATE_NOOP("AuditRecords", "patient"),
    "print_record": QT_TRANSLATE_NOOP("AuditRecords", "print record"),
    "procedure_checklist_answer": QT_TRANSLATE_NOOP("AuditRecords", "checklist answer"),
    "procedure_checklist_decision": QT_TRANSLATE_NOOP("AuditRecords", "checklist decision"),
    "procedure_note": QT_TRANSLATE_NOOP("AuditRecords", "procedure note"),
    "procedure_plan": QT_TRANSLATE_NOOP("AuditRecords", "planned procedure"),
    "procedure_record": QT_TRANSLATE_NOOP("AuditRecords", "procedure record"),
    "product_lot": QT_TRANSLATE_NOOP("AuditRecords", "product lot"),
    "product_lot_coa": QT_TRANSLATE_NOOP("AuditRecords", "lot certificate"),
    "product_lot_event": QT_TRANSLATE_NOOP("AuditRecords", "lot event"),
    "programme": QT_TRANSLATE_NOOP("AuditRecords", "programme facts"),
    "registry": QT_TRANSLATE_NOOP("AuditRecords", "registry report"),
    "sae_report": QT_TRANSLATE_NOOP("AuditRecords", "serious adverse event report"),
    "sae_report_sending": QT_TRANSLATE_NOOP("AuditRecords", "report sending"),
    "seal_key": QT_TRANSLATE_NOOP("AuditRecords", "seal key"),
    "seal_key_slot": QT_TRANSLATE_NOOP("AuditRecords", "seal key unlock"),
    "setting": QT_TRANSLATE_NOOP("AuditRecords", "setting"),
    "staff_pin": QT_TRANSLATE_NOOP("AuditRecords", "signing PIN"),
    "teach_back": QT_TRANSLATE_NOOP("AuditRecords", "teach-back"),
    "integrity_checkpoint": QT_TRANSLATE_NOOP("AuditRecords", "integrity checkpoint"),
}


def action_label(action: str) -> str:
    english = ACTIONS.get(action)
    return QCoreApplication.translate("AuditActions", english) if english else action


def record_label(entity: str) -> str:
    english = RECORDS.get(entity)
    return QCoreApplication.translate("AuditRecords", english) if english else entity


# column -> how its stored value is shown
SHOWN = {"role": role_label, "action": action_label, "entity": record_label}
