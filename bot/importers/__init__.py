"""Importers: the UN's own files in, the project's content YAML out. No Discord here.

- `akn`: Akoma Ntoso XML (AKN4UN) as the UN publishes it for General Assembly resolutions.
- `pdftext`: the text layer of an official PDF, as `pdftotext` writes it.
- `yamlout`: a document and its doubts as a content file, each doubt a comment at its place.
- `export`: a loaded document as documented JSON.
"""
