"""ExoConsult: offline consultation, eligibility and consent for an experimental exosome therapy."""

__version__ = "0.1.0"
