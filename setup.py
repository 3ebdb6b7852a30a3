# resources/ and ui/ sit at the top of the tree (as the design asks) but ship
# inside the package as newsdesk.resources and newsdesk.ui, so importlib.resources
# finds them in a checkout and in an installed wheel alike. pyproject.toml cannot
# combine package discovery with these two extra mappings, hence this file.
from setuptools import find_packages, setup

setup(
    packages=[*find_packages("desktop"), "newsdesk.resources", "newsdesk.ui"],
    package_dir={"": "desktop", "newsdesk.resources": "resources", "newsdesk.ui": "ui"},
)
