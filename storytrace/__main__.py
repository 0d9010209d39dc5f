import sys

from storytrace.serve.cli import main

sys.exit(main())
