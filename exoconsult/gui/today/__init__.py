"""The Today view: the nurse's home screen (urologists see it too)."""
