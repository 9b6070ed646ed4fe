"""The VETNet Tutor plugin (see plugin.py)."""
