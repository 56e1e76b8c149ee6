"""l10n: an offline localization toolkit for newsrooms and documentation teams.

The package is a small library of pipeline stages (source → segments →
catalogs → pretranslation → checks → editions) with a thin click CLI on top.
"""

__version__ = "0.1.0"
