"""Study-handbook generator: raw Chinese study texts → a MkDocs Material handbook."""
