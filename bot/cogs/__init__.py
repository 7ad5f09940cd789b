"""Thin command layers: parse the options, call the answers, send the reply."""
