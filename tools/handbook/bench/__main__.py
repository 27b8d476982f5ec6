"""python -m handbook.bench"""

import sys

from . import main

sys.exit(main())
