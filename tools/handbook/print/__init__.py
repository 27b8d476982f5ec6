"""The print edition's parts; `handbook.pdf` puts them together (README: Print and PDF).

site (the built site, read) → book (the HTML) with glossary, punctuation and
halfwidth → WeasyPrint, taught by justify → pages (where things fell) →
finish (labels, tags, XMP).
"""
