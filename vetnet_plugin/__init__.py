"""VETNet: a Community of VET Practices for Open edX (Django plugin app)."""

__version__ = "0.1.0"
