"""`python -m handbook.corpus`: score the converter on the corpus."""

import sys

from .run import main

sys.exit(main())
