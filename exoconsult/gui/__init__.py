"""PySide6 views over the services. The only package (with app.py) that imports Qt."""
