"""Loads and validates the clinical content in forms/ (YAML + Markdown) into domain objects."""
