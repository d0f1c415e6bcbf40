"""Demo clinic: first-run setup ("Demo Andrology Clinic", Istanbul) and four staff accounts, so every
later step acts as a real, signed-in member of staff. The passwords are public demo values (README)."""

from __future__ import annotations

from exoconsult.domain.people import Role
from exoconsult.services.accounts.accounts import AccountService, UserFields
from exoconsult.services.accounts.auth import AuthService
from exoconsult.services.admin.backup_key import DEMO_PASSPHRASE
from exoconsult.services.admin.setup import AdminAccount, ClinicProfile, run_setup

CLINIC = ClinicProfile(
    clinic_name="Demo Andrology Clinic", time_zone="Europe/Istanbul", default_language="tr",
    clinician_language="tr", paper_size="A4", clinic_address="Demo Sokak 1\n34000 Beşiktaş / İstanbul",
    clinic_phone="+90 212 555 0100", complication_phone="+90 532 555 0199")

# username -> (display name, role, title, registration number, password)
DEMO_ACCOUNTS: dict[str, tuple[str, Role, str, str, str]] = {
    "admin": ("Selin Yönetici", Role.ADMIN, "", "", "demo-manager-password"),
    "urologist": ("Deniz Aydın", Role.UROLOGIST, "Op. Dr.", "TTB-34-12345", "demo-doctor-password"),
    "nurse": ("Ayşe Demir", Role.NURSE, "Hemşire", "", "demo-hemsire-password"),
    # The medical director: the urologist the admin names as approver of the clinic's content (step 15).
    "director": ("Kemal Arslan", Role.UROLOGIST, "Prof. Dr.", "TTB-34-10001", "demo-approver-password"),
}


def seed(ctx, demo) -> None:
    name, _, _, _, password = DEMO_ACCOUNTS["admin"]
    result = run_setup(ctx, CLINIC, AdminAccount("admin", name), password, DEMO_PASSPHRASE)
    accounts = AccountService(ctx)
    for username, (display, role, title, registration, pw) in DEMO_ACCOUNTS.items():
        if username == "admin":
            continue
        accounts.create_user(result.admin, UserFields(username, display, role, title, registration), pw,
                             must_change_password=False, clinic_passphrase=DEMO_PASSPHRASE)
    auth = AuthService(ctx)
    for username, (*_, pw) in DEMO_ACCOUNTS.items():
        demo.actors[username] = auth.login(username, pw)
    demo.notes.append("Demo sign-ins: " + ", ".join(f"{u} / {v[-1]}" for u, v in DEMO_ACCOUNTS.items()))
    demo.notes.append(f"Clinic passphrase (opens the demo's backups): {DEMO_PASSPHRASE}")
    demo.notes.append(f"Clinic certificate fingerprint (SHA-256): {result.certificate_fingerprint}")
