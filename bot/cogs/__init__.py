"""Thin command layers: parse the options, call the handlers, send the reply."""
