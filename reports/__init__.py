"""Documents made from calculator results: files a clerk hands in, in the notice's official layout.

Kept apart from `calculators` (standard library only) because these need third-party writers
such as xlsxwriter; the modules avoid file-system access so they can run in Pyodide too.
"""
