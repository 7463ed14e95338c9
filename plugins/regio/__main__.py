import sys

from regio.cli import main

sys.exit(main())
