"""Python forms compiled from the Qt Designer files in ``ui/`` (``python -m housingmatch.gui.forms``)."""
