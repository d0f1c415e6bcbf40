"""Where data lives: the data directory (CLI flag > EXOCONSULT_DATA_DIR > platform user data folder)
and the database URL (CLI flag > EXOCONSULT_DATABASE_URL > local settings file > SQLite in the data dir)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from exoconsult.domain.errors import StorageError

APP_NAME = "ExoConsult"
LOCAL_SETTINGS = "local-settings.json"
# Every key local-settings.json may hold, with what it does (the README's "Settings" section lists them
# too). Anything else in the file is reported (doctor, the log, a warning from each command), never
# silently ignored: a misspelt key would otherwise leave a workstation on the wrong database unnoticed.
LOCAL_SETTINGS_KEYS = {
    "database_url": "the database this workstation uses (e.g. postgresql+psycopg://exo@server/exoconsult); "
                    "default: SQLite in the data folder",
}


class LocalSettingsError(StorageError):
    """local-settings.json cannot be used (not JSON, not an object, a value of the wrong type)."""


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, APP_NAME))


def workstation_config_dir() -> Path:
    """This workstation's own folder outside every data folder (e.g. ~/.config/ExoConsult): what it keeps
    there (the audit high-water mark) must survive a data folder being replaced or rolled back."""
    env = os.environ.get("EXOCONSULT_CONFIG_DIR")
    if env:
        return Path(env).expanduser().resolve()
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, APP_NAME))


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    env = os.environ.get("EXOCONSULT_DATA_DIR")
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


def make_private_dir(path: Path) -> Path:
    """Create a directory readable by its owner only (patient data, keys, backups)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        os.chmod(path, 0o700)
    return path


@dataclass(frozen=True)
class DataDir:
    root: Path

    @property
    def db_path(self) -> Path:
        return self.root / "exoconsult.sqlite"

    @property
    def archive_dir(self) -> Path:
        return self.root / "archive"

    @property
    def backups_dir(self) -> Path:
        return self.root / "backups"

    @property
    def keys_dir(self) -> Path:
        return self.root / "keys"

    @property
    def logs_dir(self) -> Path:
        return self.root / "logs"

    @property
    def local_settings_path(self) -> Path:
        return self.root / LOCAL_SETTINGS

    def ensure(self) -> DataDir:
        make_private_dir(self.root)
        return self

    def local_settings(self) -> dict[str, object]:
        path = self.local_settings_path
        try:
            values = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except UnicodeDecodeError:
            raise LocalSettingsError(f"{path} is not UTF-8 text: correct it or remove the file") from None
        except json.JSONDecodeError as exc:
            raise LocalSettingsError(f"{path} is not valid JSON (line {exc.lineno} column {exc.colno}: {exc.msg}): "
                                     "correct it or remove the file") from None
        if not isinstance(values, dict):
            raise LocalSettingsError(f"{path} must hold one JSON object, e.g. {{\"database_url\": \"...\"}}")
        url = values.get("database_url")
        if url is not None and not isinstance(url, str):
            raise LocalSettingsError(f"{path}: database_url must be text")
        return values

    def local_settings_problems(self) -> list[str]:
        """What is wrong with local-settings.json, one sentence each (empty when it is fine or absent)."""
        try:
            values = self.local_settings()
        except LocalSettingsError as exc:
            return [str(exc)]
        return [f"{self.local_settings_path}: unknown key {key!r} has no effect (known keys: "
                f"{', '.join(sorted(LOCAL_SETTINGS_KEYS))})" for key in sorted(set(values) - set(LOCAL_SETTINGS_KEYS))]

    def save_local_settings(self, values: dict[str, object]) -> None:
        self.ensure()
        tmp = self.local_settings_path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(values, fh, indent=2, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.local_settings_path)

    def database_url(self, cli_value: str | None = None) -> str:
        if cli_value:
            return cli_value
        env = os.environ.get("EXOCONSULT_DATABASE_URL")
        if env:
            return env
        configured = self.local_settings().get("database_url")
        if isinstance(configured, str) and configured:
            return configured
        return f"sqlite:///{self.db_path}"
