"""Administration screens (admin role): users, clinic settings, backups, the audit log."""
