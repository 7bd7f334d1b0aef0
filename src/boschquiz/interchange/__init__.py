"""Questions in and out of other quiz tools' formats: import to a pack, export from the bank.

Core code: no Textual, no Rich. Each format is one module with a reader (`read(text, path)`)
and/or a writer (`write(questions)`); `formats.py` lists them.
"""
