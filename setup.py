"""Packaging for VETNet, a Community of VET Practices plugin for Open edX."""
import os
import re

from setuptools import find_packages, setup

HERE = os.path.dirname(os.path.abspath(__file__))


def load_requirements(*requirements_paths):
    """Read the unpinned requirements from ``requirements/*.in`` files."""
    requirements = []
    for path in requirements_paths:
        with open(os.path.join(HERE, path), encoding="utf-8") as handle:
            for line in handle:
                line = line.split("#", 1)[0].strip()
                if line and not line.startswith("-"):
                    requirements.append(line)
    return requirements


def get_version():
    with open(os.path.join(HERE, "vetnet_plugin", "__init__.py"), encoding="utf-8") as handle:
        return re.search(r'^__version__ = ["\']([^"\']+)["\']', handle.read(), re.M).group(1)


with open(os.path.join(HERE, "README.md"), encoding="utf-8") as readme:
    LONG_DESCRIPTION = readme.read()

BLOCKS = [
    "vetnet_scenarios = vetnet_xblocks.scenarios.block:ScenariosBlock",
    "vetnet_counselling = vetnet_xblocks.counselling.block:CounsellingBlock",
    "vetnet_toolbox = vetnet_xblocks.toolbox.block:ToolboxBlock",
    "vetnet_workspace = vetnet_xblocks.workspace.block:WorkspaceBlock",
    "vetnet_best_practice = vetnet_xblocks.best_practice.block:BestPracticeBlock",
    "vetnet_partnership = vetnet_xblocks.partnership.block:PartnershipBlock",
]

setup(
    name="vetnet",
    version=get_version(),
    description="A Community of VET Practices for Open edX: XBlocks and a Django plugin app.",
    long_description=LONG_DESCRIPTION,
    long_description_content_type="text/markdown",
    license="AGPL-3.0",
    packages=find_packages(include=["vetnet_plugin", "vetnet_plugin.*", "vetnet_xblocks", "vetnet_xblocks.*"]),
    include_package_data=True,
    python_requires=">=3.11",
    install_requires=load_requirements("requirements/base.in"),
    entry_points={
        "lms.djangoapp": ["vetnet = vetnet_plugin.apps:VetnetPluginConfig"],
        "cms.djangoapp": ["vetnet = vetnet_plugin.apps:VetnetPluginConfig"],
        "xblock.v1": BLOCKS,
        # The community hub as a course tab (the LMS's CourseTabPluginManager reads this group).
        "openedx.course_tab": ["vetnet_hub = vetnet_plugin.hub.course_tab:CommunityHubTab"],
    },
    classifiers=[
        "Framework :: Django",
        "Framework :: Django :: 5.2",
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.12",
        "License :: OSI Approved :: GNU Affero General Public License v3",
    ],
    zip_safe=False,
)
