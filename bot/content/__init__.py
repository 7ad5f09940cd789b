"""The Discord-free core: content model, loader, references, search, summary, citation.

Nothing under this package imports discord; the command layers sit on top.
"""
