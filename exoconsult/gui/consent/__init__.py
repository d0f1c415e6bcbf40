"""The consent stage: gates, preview, signing with captured signatures, withdrawal, document checks."""
