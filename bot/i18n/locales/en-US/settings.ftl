# /settings document: the text commands read in a server by default.
# $title is the document's own title, as the library has it.

set-document-reset = Commands in this server now read **{ $symbol }** unless told otherwise.
set-document-current = Commands in this server read **{ $symbol }** ({ $title }) unless a command names another text. Pick another with the `document` option; `/library` lists them.
set-document-set = Commands in this server now read **{ $symbol }** ({ $title }) by default. Anyone can still choose another text with a command's `document` option.
