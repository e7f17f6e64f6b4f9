"""Diptych's Qt-free core: the article model, anchoring, the project file, import and export.

Nothing in this package imports Qt; the command line and the tests use it without a window.
"""
