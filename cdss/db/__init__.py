"""The workspace database: engine set-up, sessions, migrations and backups (SQLite)."""
