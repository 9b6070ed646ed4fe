"""
The VETNet XBlocks: the sections of a Community of VET Practices inside Open edX courses.

Every block subclasses ``vetnet_xblocks.base.VetnetBlock`` and reaches
community data only through ``vetnet_xblocks.backend``.
"""
