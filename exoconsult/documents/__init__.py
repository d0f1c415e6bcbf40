"""PDF rendering (reportlab) and sealing/validation (pyHanko). The only package importing either."""
