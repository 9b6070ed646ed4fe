"""
The public Python API of VETNet.

Everything outside ``vetnet_plugin`` (the XBlocks' backend, the REST views,
receivers, tasks, management commands) calls only what this module exports.
It only gathers the features' own APIs, one package per feature, each with an
explicit ``__all__`` (``vetnet_plugin/<feature>/api.py``): look a function up
there. Functions take keyword arguments, accept course keys as strings or
``CourseKey`` objects, return frozen values (the features' ``data`` modules,
shared ones in ``vetnet_plugin.data``) and raise errors from
``vetnet_plugin.exceptions``.
"""
# pylint: disable=wildcard-import,unused-wildcard-import
from .best_practices import api as _best_practices
from .best_practices.api import *  # noqa: F401,F403
from .core import api as _core
from .core.api import *  # noqa: F401,F403
from .counselling import api as _counselling
from .counselling.api import *  # noqa: F401,F403
from .discussions import api as _discussions
from .discussions.api import *  # noqa: F401,F403
from .hub import api as _hub
from .hub.api import *  # noqa: F401,F403
from .members import api as _members
from .members.api import *  # noqa: F401,F403
from .partnerships import api as _partnerships
from .partnerships.api import *  # noqa: F401,F403
from .policy import api as _policy
from .policy.api import *  # noqa: F401,F403
from .privacy import api as _privacy
from .privacy.api import *  # noqa: F401,F403
from .scenarios import api as _scenarios
from .scenarios.api import *  # noqa: F401,F403
from .toolbox import api as _toolbox
from .toolbox.api import *  # noqa: F401,F403
from .workspaces import api as _workspaces
from .workspaces.api import *  # noqa: F401,F403

__all__ = sorted({
    *_core.__all__,
    *_members.__all__,
    *_discussions.__all__,
    *_scenarios.__all__,
    *_toolbox.__all__,
    *_best_practices.__all__,
    *_counselling.__all__,
    *_privacy.__all__,
    *_workspaces.__all__,
    *_policy.__all__,
    *_partnerships.__all__,
    *_hub.__all__,
})
