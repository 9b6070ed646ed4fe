"""tutor-contrib-vetnet: installs VETNet into an Open edX platform run by Tutor."""
from setuptools import setup

setup(
    name="tutor-contrib-vetnet",
    version="0.1.0",
    description="Tutor plugin that installs and configures VETNet on Open edX",
    license="AGPL-3.0",
    packages=["tutorvetnet"],
    python_requires=">=3.9",
    install_requires=["tutor>=20,<23"],
    entry_points={"tutor.plugin.v1": ["vetnet = tutorvetnet.plugin"]},
    classifiers=[
        "License :: OSI Approved :: GNU Affero General Public License v3",
        "Programming Language :: Python :: 3",
    ],
)
