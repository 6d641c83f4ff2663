from setuptools import setup

# The metadata is in pyproject.toml; this file lets scrapyd-deploy build its egg (setup.py bdist_egg).
setup()
