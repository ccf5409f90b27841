"""Entry script of the PyInstaller build: the same ``main`` as the ``housingmatch`` command."""

from housingmatch.app import main

if __name__ == "__main__":
    raise SystemExit(main())
