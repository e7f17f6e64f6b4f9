"""Files shipped with Diptych: the sample articles, icons and style sheets.

Loaded with `importlib.resources` through `diptych.gui.resources` and `diptych.storage.sample`.
"""
