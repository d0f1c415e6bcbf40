"""Which language the screens speak: Qt translations from resources/i18n/exoconsult_<code>.qm (built by
`./run i18n` from the .ts translators edit) plus Qt's own qtbase_<code>.qm for standard buttons and
dialogs, and the QLocale that formats dates and numbers.

The clinician's screens follow the user's UI language: before anyone signs in (setup wizard, sign-in)
the clinic's working language, after sign-in the user's own choice (kept per account on this
workstation, like the window size), else the clinic's. What the patient reads or signs follows the
patient's language instead (`PatientWording`), whatever the clinician's.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from exoconsult.domain.people import Actor
from exoconsult.paths import resources_dir
from exoconsult.services.core.languages import language_registry

SOURCE_LANGUAGE = "en"  # the language of the tr() strings in the code: it needs no translation file
WORKSTATION_KEY = "ui_language"  # the language the window opened in last time (before the database is read)

# The locale that writes dates and numbers for a language, where the bare code would pick an unsuitable one:
# bare "en" is en_US (12/3/26, 2:05 PM); the clinic's English users read day-first dates and a 24-hour
# clock, like the printed documents.
LOCALE_NAMES = {"en": "en_GB"}

_installed: list[QTranslator] = []
_current = SOURCE_LANGUAGE


def document_languages() -> tuple[str, ...]:
    """The languages patient texts and printed documents exist in (the language registry, forms/languages.yaml),
    for the choosers of setup, settings, consents and reports; the screen languages are the .qm files instead
    (available_languages)."""
    return language_registry().document_languages


def language_choices() -> list[tuple[str, str]]:
    """(code, name in the screen language) of each document language."""
    registry = language_registry()
    return [(code, registry.name(code, _current)) for code in registry.document_languages]


def translations_dir():
    return resources_dir() / "i18n"


def available_languages() -> list[str]:
    """The source language and every language with a built translation: adding a language is adding
    its .ts and .qm (see README), not editing this list."""
    built = sorted(p.stem.removeprefix("exoconsult_") for p in translations_dir().glob("exoconsult_*.qm"))
    return [SOURCE_LANGUAGE, *(code for code in built if code != SOURCE_LANGUAGE)]


def native_name(code: str) -> str:
    """The language's name in itself ("Türkçe"), as a language chooser shows it."""
    registered = language_registry().get(code)
    if registered is not None:
        return registered.native_name
    name = QLocale(code).nativeLanguageName()
    return name[:1].upper() + name[1:] if name else code


def current_language() -> str:
    return _current


def use_language(code: str) -> None:
    """Install the translators of `code` for the whole application (replacing the previous ones) and make
    its locale the default. Widgets built afterwards are in that language; built ones receive a
    LanguageChange event. An unknown code falls back to the source language."""
    global _current
    app = QCoreApplication.instance()
    if code not in available_languages():
        code = SOURCE_LANGUAGE
    QLocale.setDefault(QLocale(LOCALE_NAMES.get(code, code)))
    if app is None or code == _current:
        return
    for translator in _installed:
        app.removeTranslator(translator)
        translator.deleteLater()
    _installed.clear()
    if code != SOURCE_LANGUAGE:
        qt_own = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for folder, name in ((str(translations_dir()), f"exoconsult_{code}"), (qt_own, f"qtbase_{code}")):
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                _installed.append(translator)
    _current = code


def user_language_key(user_id: int) -> str:
    return f"users/{user_id}/{WORKSTATION_KEY}"


def user_choice(settings: QSettings, user_id: int) -> str:
    """The language this user chose on this workstation before choices were kept with the account
    ("" = none): it still counts until the user chooses again (see `account_choice`)."""
    value = settings.value(user_language_key(user_id), "")
    return value if isinstance(value, str) and value in available_languages() else ""


def set_user_choice(settings: QSettings, user_id: int, code: str) -> None:
    if code:
        settings.setValue(user_language_key(user_id), code)
    else:
        settings.remove(user_language_key(user_id))
    settings.sync()


def account_choice(settings: QSettings, actor: Actor) -> str:
    """The screen language the signed-in account chose ("" = the clinic's working language). Kept with the
    account (it follows the user to every workstation); a language whose translation this workstation
    lacks counts as no choice. An account that never chose since then keeps what it chose here before."""
    if actor.ui_language:
        return actor.ui_language if actor.ui_language in available_languages() else ""
    return user_choice(settings, actor.user_id)


def language_for(settings: QSettings, actor: Actor | None, clinic_language: str) -> str:
    """The UI language of a signed-in account (or of the sign-in screens when `actor` is None)."""
    return (account_choice(settings, actor) if actor is not None else "") or clinic_language


def start_language(settings: QSettings) -> str:
    """The language the window opens in, before the clinic's setting can be read: the last one used here."""
    value = settings.value(WORKSTATION_KEY, SOURCE_LANGUAGE)
    return value if isinstance(value, str) else SOURCE_LANGUAGE


def remember_start_language(settings: QSettings, code: str) -> None:
    settings.setValue(WORKSTATION_KEY, code)


@cache
def _patient_translator(code: str) -> QTranslator | None:
    translator = QTranslator()
    return translator if translator.load(f"exoconsult_{code}", str(translations_dir())) else None


class PatientWording:
    """The strings of a patient-facing window in the patient's language, independent of the installed
    (clinician's) translators. A patient-facing widget class overrides `tr` with `wording.tr_for(self, text)`,
    so its `self.tr("...")` calls stay where lupdate finds them (context = the class name)."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._translator = None if language == SOURCE_LANGUAGE else _patient_translator(language)

    def translate(self, contexts, text: str) -> str:
        if self._translator is not None:
            for context in contexts:
                found = self._translator.translate(context, text)
                if found:
                    return found
        return text

    def tr_for(self, obj, text: str) -> str:
        """Like QObject.tr: the class's own context first, then its base classes'."""
        return self.translate([cls.__name__ for cls in type(obj).__mro__], text)


class PatientFacing:
    """Mixed into a widget class ahead of its Qt class: its `self.tr()` speaks the patient's language when
    the widget, or a window it sits in, carries a `patient_wording` (the signing dialog, the presentation
    window); elsewhere it is the ordinary clinician-language tr()."""

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        wording = _patient_wording_of(self)
        if wording is None:
            return super().tr(text, disambiguation, n)
        return wording.tr_for(self, text)

    def translated(self, context: str, text: str) -> str:
        """`text` marked in another `context` (a service's sentence), in the same language as `tr()`."""
        wording = _patient_wording_of(self)
        return QCoreApplication.translate(context, text) if wording is None else wording.translate([context], text)


def _patient_wording_of(widget) -> PatientWording | None:
    while widget is not None:
        wording = widget.__dict__.get("patient_wording")
        if wording is not None:
            return wording
        widget = widget.parent()
    return None
