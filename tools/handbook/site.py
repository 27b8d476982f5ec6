"""Where the handbook's parts live in the built site.

The converter, the MkDocs hooks and the PDF maker all need these names. They
are kept here, in a module that imports nothing, so that the hooks load them
without loading the converter.
"""

GLOSSARY_DIR = "glossary"  # the glossary's pages, docs/glossary/
DOWNLOADS = "downloads"  # each edition's PDF
TRADITIONAL_DIR = "zh-Hant"  # the Traditional edition's nested build (extra.hant.path)


def pdf_name(site_name: str) -> str:
    """The PDF's file name inside an edition's downloads/ folder.

    Named after the site so that a file shared in a chat group says what it
    is; the PDF maker and the download link both use it.
    """
    return f"{site_name}.pdf"
