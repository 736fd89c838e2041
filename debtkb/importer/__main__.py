import sys

from debtkb.importer.cli import main

sys.exit(main())
