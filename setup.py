# resources/ and ui/ sit at the top of the tree (as the design asks) but ship
# inside the package as newsdesk.resources and newsdesk.ui, so importlib.resources
# finds them in a checkout and in an installed wheel alike. pyproject.toml cannot
# combine package discovery with these two extra mappings, hence this file.
# Every folder under resources/ is named as a (data) package, so setuptools ships
# it without warning that it "would be ignored".
from pathlib import Path

from setuptools import find_packages, setup

resource_folders = sorted(
    "newsdesk.resources." + ".".join(folder.relative_to("resources").parts)
    for folder in Path("resources").rglob("*")
    if folder.is_dir() and folder.name != "__pycache__"
)

setup(
    packages=[*find_packages("desktop"), "newsdesk.resources", *resource_folders, "newsdesk.ui"],
    package_dir={"": "desktop", "newsdesk.resources": "resources", "newsdesk.ui": "ui"},
    package_data={name: ["*"] for name in resource_folders},
)
