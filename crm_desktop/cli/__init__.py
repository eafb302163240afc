"""The command line: the same services as the GUI, scriptable, JSON out."""
