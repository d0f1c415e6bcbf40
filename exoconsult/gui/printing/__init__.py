"""Printing archived documents: the print dialog, the preview, and the no-printer path (Save as PDF)."""
