"""The PySide6 window. Qt is imported here and in ``app.py`` only."""
