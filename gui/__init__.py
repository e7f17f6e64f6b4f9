"""Diptych's Qt desktop application. Builds on `diptych.storage`; never the other way round."""
