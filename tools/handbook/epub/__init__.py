"""The handbook as an EPUB 3 book per edition, made from the built site.

    python -m handbook.epub [--site site] [--docs docs] [--script Hans|Hant] [--fonts none|embed]

pages (what the book reads from the built site, through built_site) → chapters (the site's pages
as XHTML, term links as footnotes; the glossary) → contents (navigation
document and NCX) → book (front and back matter, reading order) → package
(the package document and the OCF zip). What the book says about itself is
the publication's (publication.py, as for the PDF); typefaces and cover draw
on the book's fonts.
"""
